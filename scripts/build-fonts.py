#!/usr/bin/env python3
"""Build fonts/Sarabun-{Regular,Bold,Italic,BoldItalic}.ttf from @fontsource/sarabun.

    python3 scripts/build-fonts.py              # writes fonts/*.ttf and fonts/OFL.txt
    python3 scripts/build-fonts.py --plain DIR  # also writes merged fonts WITHOUT the
                                                # sara-am fix to DIR (for comparisons)

See fonts/README.md for what is changed and why.
"""
import copy, io, os, shutil, sys

# fontTools may be installed only for the system interpreter (Debian's python3-fonttools)
# while `python3` is another one (pyenv).  The fixed hash seed is a guard: no set order
# inside fontTools can then make two builds differ.
try:
    import fontTools  # noqa: F401
    have_ft = True
except ImportError:
    have_ft = False
if not have_ft or os.environ.get('PYTHONHASHSEED') != '0':
    py = sys.executable if have_ft else '/usr/bin/python3'
    if not have_ft and not os.path.exists(py):
        sys.exit('fontTools is missing: apt-get install python3-fonttools (or pip install fonttools)')
    os.execve(py, [py] + sys.argv, dict(os.environ, PYTHONHASHSEED='0'))

from fontTools.merge import Merger
from fontTools.misc.xmlWriter import XMLWriter
from fontTools.otlLib import builder
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables as ot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'node_modules/@fontsource/sarabun')
OUT = os.path.join(ROOT, 'fonts')
STYLES = {'Regular': (400, 'normal'), 'Bold': (700, 'normal'),
          'Italic': (400, 'italic'), 'BoldItalic': (700, 'italic')}
SUBSETS = ['thai', 'latin', 'latin-ext']  # thai first: its glyphs keep the plain names
PUNCT = [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00A0]


def merge(weight, style):
    paths = [f'{SRC}/files/sarabun-{s}-{weight}-{style}.woff' for s in SUBSETS]
    font = Merger().merge(paths)
    font.flavor = None
    # Round-trip so every table is in its compiled, sorted form before we edit it.
    buf = io.BytesIO()
    font.save(buf)
    buf.seek(0)
    return TTFont(buf), TTFont(paths[0])


def subtables(table):
    for lookup in table.LookupList.Lookup:
        for st in lookup.SubTable:
            yield getattr(st, 'ExtSubTable', st)  # unwrap extension lookups


def fix_sara_am(font):
    """Give the glyphs that U+0E33 decomposes into glyph ids of their own (see README)."""
    gsub = font['GSUB'].table
    am = font.getBestCmap()[0x0E33]
    decomp = [(l, st) for l in gsub.LookupList.Lookup if l.LookupType == 2
              for st in l.SubTable if am in st.mapping]
    assert len(decomp) == 1 and len(decomp[0][0].SubTable) == 1, 'unexpected ccmp layout'
    decomp_lookup, decomp_st = decomp[0]
    nikhahit, sara_aa = decomp_st.mapping[am]

    # Everything the two glyphs can turn into later (narrow forms, tone+nikhahit ligatures)
    # needs a twin too, or the twin would turn back into a shared glyph.
    twins = {nikhahit, sara_aa}
    while True:
        new = set(twins)
        for st in subtables(gsub):
            if st is decomp_st:
                continue
            if isinstance(st, (ot.SingleSubst, ot.MultipleSubst)):
                for i, o in st.mapping.items():
                    if i in twins:
                        new.update([o] if isinstance(o, str) else o)
            elif isinstance(st, ot.LigatureSubst):
                for first, ligs in st.ligatures.items():
                    new.update(l.LigGlyph for l in ligs if twins & {first, *l.Component})
        if new == twins:
            break
        twins = new
    order = font.getGlyphOrder()
    tw = {g: g + '.am' for g in sorted(twins, key=font.getGlyphID)}
    T = lambda g: tw.get(g, g)

    # Append the twins at the end so they get the highest ids: appending to a sorted
    # Coverage then keeps it sorted, and arrays indexed by coverage stay aligned.
    font.setGlyphOrder(order + list(tw.values()))
    for g in tw:
        font['glyf'].glyphs[tw[g]] = copy.deepcopy(font['glyf'][g])
        font['hmtx'][tw[g]] = font['hmtx'][g]
    font['glyf'].glyphOrder = font.getGlyphOrder()

    def add_cov(cov, *arrays):
        for g in tw:  # in id order
            if cov is not None and g in cov.glyphs:
                idx = cov.glyphs.index(g)
                cov.glyphs.append(tw[g])
                for arr in arrays:
                    arr.append(copy.deepcopy(arr[idx]))

    def add_classdef(cd):
        if cd is not None:
            for g in twins:
                if g in cd.classDefs:
                    cd.classDefs[tw[g]] = cd.classDefs[g]

    def touches(st):  # any twin mentioned anywhere in this subtable?
        x = io.StringIO()
        st.toXML(XMLWriter(x), font)
        return any(f'"{g}"' in x.getvalue() for g in twins)

    def contextual(st):
        if st.Format == 3:
            for name in ('Coverage', 'BacktrackCoverage', 'InputCoverage', 'LookAheadCoverage'):
                for cov in getattr(st, name, None) or []:
                    add_cov(cov)
        elif st.Format == 2:
            add_cov(st.Coverage)
            for name in ('ClassDef', 'BacktrackClassDef', 'InputClassDef', 'LookAheadClassDef'):
                add_classdef(getattr(st, name, None))
        elif touches(st):
            raise NotImplementedError('format 1 contextual lookup uses ' + str(twins))

    for st in subtables(gsub):
        if st is decomp_st:
            continue
        if isinstance(st, (ot.SingleSubst, ot.MultipleSubst)):
            for i, o in list(st.mapping.items()):
                if i in tw:
                    st.mapping[tw[i]] = T(o) if isinstance(o, str) else [T(x) for x in o]
        elif isinstance(st, ot.LigatureSubst):
            for first, ligs in list(st.ligatures.items()):
                for l in list(ligs):
                    if twins & {first, *l.Component}:
                        n = ot.Ligature()
                        n.LigGlyph, n.Component = T(l.LigGlyph), [T(c) for c in l.Component]
                        n.CompCount = len(n.Component) + 1
                        st.ligatures.setdefault(T(first), []).append(n)
        elif isinstance(st, (ot.ContextSubst, ot.ChainContextSubst)):
            contextual(st)
        elif touches(st):
            raise NotImplementedError(f'{type(st).__name__} uses {twins}')

    for st in subtables(font['GPOS'].table):
        if isinstance(st, ot.MarkBasePos):
            add_cov(st.MarkCoverage, st.MarkArray.MarkRecord)
            add_cov(st.BaseCoverage, st.BaseArray.BaseRecord)
        elif isinstance(st, ot.MarkMarkPos):
            add_cov(st.Mark1Coverage, st.Mark1Array.MarkRecord)
            add_cov(st.Mark2Coverage, st.Mark2Array.Mark2Record)
        elif isinstance(st, ot.PairPos) and st.Format == 2:
            add_cov(st.Coverage)
            add_classdef(st.ClassDef1)
            add_classdef(st.ClassDef2)
        elif isinstance(st, (ot.ContextPos, ot.ChainContextPos)):
            contextual(st)
        elif touches(st):  # PairPos format 1, SinglePos, cursive, mark-to-ligature
            raise NotImplementedError(f'{type(st).__name__} uses {twins}')

    gdef = font['GDEF'].table
    add_classdef(gdef.GlyphClassDef)
    add_classdef(getattr(gdef, 'MarkAttachClassDef', None))
    sets = getattr(gdef, 'MarkGlyphSetsDef', None)
    for cov in sets.Coverage if sets else []:
        add_cov(cov)
    for name in ('AttachList', 'LigCaretList'):
        if getattr(gdef, name, None) is not None and touches(getattr(gdef, name)):
            raise NotImplementedError(f'GDEF {name} uses {twins}')

    # fontkit gives a multiple substitution's code point to its FIRST output glyph only,
    # so "uni0E33 -> nikhahit sara_aa" leaves sara aa with no text (pdftotext then shows a
    # gap or loses the า).  Instead: the glyph BEFORE ำ (a consonant or tone mark) is
    # "multiplied" into itself + nikhahit.am (an extra zero-width mark, no text), and ำ
    # itself becomes sara_aa.am, keeping U+0E33.  The glyph sequence, hence the rendering,
    # is the same as before.  An ำ with nothing before it stays the precomposed uni0E33.
    lookups = gsub.LookupList.Lookup
    cmap_glyphs = set(font.getBestCmap().values()) | {'.notdef'}
    before = sorted(cmap_glyphs - {am}, key=font.getGlyphID)
    insert = builder.buildLookup([builder.buildMultipleSubstSubtable(
        {g: [g, tw[nikhahit]] for g in before})])
    replace = builder.buildLookup([builder.buildSingleSubstSubtable({am: tw[sara_aa]})])
    lookups += [insert, replace]
    gsub.LookupList.LookupCount = len(lookups)

    def chain(back, inp, ahead, lookup):
        st = ot.ChainContextSubst()
        st.Format = 3
        st.BacktrackCoverage = [builder.buildCoverage(back, font.getReverseGlyphMap())] if back else []
        st.InputCoverage = [builder.buildCoverage(inp, font.getReverseGlyphMap())]
        st.LookAheadCoverage = [builder.buildCoverage(ahead, font.getReverseGlyphMap())] if ahead else []
        st.BacktrackGlyphCount, st.InputGlyphCount, st.LookAheadGlyphCount = (
            len(st.BacktrackCoverage), 1, len(st.LookAheadCoverage))
        rec = ot.SubstLookupRecord()
        rec.SequenceIndex, rec.LookupListIndex = 0, lookups.index(lookup)
        st.SubstLookupRecord, st.SubstCount = [rec], 1
        return st

    decomp_lookup.LookupType = 6
    decomp_lookup.SubTable = [chain(None, before, [am], insert),
                              chain([tw[nikhahit]], [am], None, replace)]
    decomp_lookup.SubTableCount = 2
    return list(tw)


def finish(font, thai, style, weight, italic):
    name = font['name']
    name.names = [n for n in name.names if n.nameID in (0, 13, 14) and n.platformID == 3]
    sub = {'Regular': 'Regular', 'Bold': 'Bold', 'Italic': 'Italic', 'BoldItalic': 'Bold Italic'}[style]
    for nid, s in {1: 'Sarabun', 2: sub, 3: f'1.000;CDK ;Sarabun-{style};km-docs',
                   4: f'Sarabun {sub}',
                   5: 'Version 1.000; km-docs build (thai+latin+latin-ext, sara am fix)',
                   6: f'Sarabun-{style}'}.items():
        name.setName(s, nid, 3, 1, 0x409)
    os2 = font['OS/2']
    os2.usWeightClass = weight
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (1 if italic else 0) | (
        0b100000 if weight == 700 else 0) | (0b1000000 if weight == 400 and not italic else 0)
    font['head'].macStyle = (1 if weight == 700 else 0) | (2 if italic else 0)
    # Fixed timestamps (the upstream ones) so every build gives the same bytes.
    font['head'].created, font['head'].modified = thai['head'].created, thai['head'].modified
    font.recalcTimestamp = False


def check(font, thai, path):
    cmap = font.getBestCmap()
    want = [c for c in thai.getBestCmap() if 0x0E01 <= c <= 0x0E5B] + list(range(0x20, 0x7F)) + PUNCT
    missing = [f'U+{c:04X}' for c in want if c not in cmap]
    assert not missing, f'{path}: no glyph for {missing}'
    gsub = font['GSUB'].table
    thai_feats = {gsub.FeatureList.FeatureRecord[i].FeatureTag for sr in gsub.ScriptList.ScriptRecord
                  if sr.ScriptTag == 'thai' for i in sr.Script.DefaultLangSys.FeatureIndex}
    gpos = font['GPOS'].table
    thai_pos = {gpos.FeatureList.FeatureRecord[i].FeatureTag for sr in gpos.ScriptList.ScriptRecord
                if sr.ScriptTag == 'thai' for i in sr.Script.DefaultLangSys.FeatureIndex}
    assert {'ccmp'} <= thai_feats and {'mark', 'mkmk'} <= thai_pos, (thai_feats, thai_pos)
    # A twin must look and be positioned exactly like its original.
    classes = font['GDEF'].table.GlyphClassDef.classDefs
    covs = [c.glyphs for st in subtables(font['GPOS'].table) for c in vars(st).values()
            if isinstance(c, ot.Coverage)]
    for twin in (g for g in font.getGlyphOrder() if g.endswith('.am')):
        g = twin[:-3]
        assert font['hmtx'][twin] == font['hmtx'][g] and classes.get(twin) == classes.get(g), twin
        assert font['glyf'][twin].compile(font['glyf']) == font['glyf'][g].compile(font['glyf']), twin
        assert [twin in c for c in covs] == [g in c for c in covs], twin
    print(f'{os.path.relpath(path, ROOT)}: {os.path.getsize(path)} bytes, '
          f'{len(font.getGlyphOrder())} glyphs, {len(cmap)} code points; '
          f'thai GSUB {sorted(thai_feats)}, GPOS {sorted(thai_pos)}')


def main():
    plain = sys.argv[sys.argv.index('--plain') + 1] if '--plain' in sys.argv else None
    os.makedirs(OUT, exist_ok=True)
    shutil.copyfile(f'{SRC}/LICENSE', f'{OUT}/OFL.txt')
    for style, (weight, slope) in STYLES.items():
        for outdir, fix in [(OUT, True)] + ([(plain, False)] if plain else []):
            font, thai = merge(weight, slope)
            if fix:
                twins = fix_sara_am(font)
            finish(font, thai, style, weight, slope == 'italic')
            os.makedirs(outdir, exist_ok=True)
            path = os.path.join(outdir, f'Sarabun-{style}.ttf')
            font.save(path)
            check(TTFont(path), thai, path)
    print('twin glyphs (*.am):', ' '.join(twins))


if __name__ == '__main__':
    main()
