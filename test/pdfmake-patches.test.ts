// The Thai line-breaking patch is pinned to one pdfmake version: an upgrade must
// fail here first, loudly, rather than typeset Thai wrongly.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { FONT_FILES } from '../src/paths.js';
import { vendor } from '../src/vendor.js';
import { compact, pdfText } from './helpers/read-back.js';
import { applyPdfmakePatches, forgetKeptMeasurements, type IndexedPageBreakLists, joinLines, measuredParagraphStats, PATCHED_FONTKIT_VERSION, PATCHED_PDFKIT_VERSION, PATCHED_PDFMAKE_VERSION, splitInline } from '../src/render/pdf/pdfmake-patches.js';

const require = createRequire(import.meta.url);

/** pdfmake's PDFDocument, as far as these tests use it. */
interface PdfmakeDocument {
  provideFont(family: string, bold: boolean, italics: boolean): object;
}

describe('pdfmake patches', () => {
  it('target the installed pdfmake, pdfkit and fontkit versions', () => {
    expect(require('pdfmake/package.json').version).toBe(PATCHED_PDFMAKE_VERSION);
    expect(vendor.pdfkitVersion()).toBe(PATCHED_PDFKIT_VERSION);
    expect(vendor.fontkitVersion()).toBe(PATCHED_FONTKIT_VERSION);
  });

  it('break a Thai run into word pieces that keep the style and the line-end flag on the last', () => {
    applyPdfmakePatches();
    const TextBreaker = require('pdfmake/js/TextBreaker').default;
    const pieces = new TextBreaker().getBreaks([{ text: 'ส่วนราชการมีหน้าที่พัฒนาความรู้\n', bold: true }], null);
    expect(pieces.map((p: { text: string }) => p.text).join('')).toBe('ส่วนราชการมีหน้าที่พัฒนาความรู้');
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p: { bold?: boolean }) => p.bold)).toBe(true);
    expect(pieces.filter((p: { lineEnd?: boolean }) => p.lineEnd)).toHaveLength(1);
    expect(pieces.at(-1).lineEnd).toBe(true);
  });

  it('leave no-wrap text alone', () => {
    expect(splitInline({ text: 'ส่วนราชการมีหน้าที่', noWrap: true })).toHaveLength(1);
  });

  it('write content-stream lines as the same bytes pdfkit would, in order around binary chunks', () => {
    const chunks = ['BT', '/F1 16 Tf', '<0e01> Tj', new Uint8Array([0, 255, 10]), 'ET', '(\u00e9) Tj'];
    // pdfkit: Buffer.from(line + '\n', 'binary') for each string, the bytes as they are otherwise.
    const pdfkit = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(`${c}\n`, 'binary') : c)));
    expect(Buffer.concat(joinLines(chunks))).toEqual(pdfkit);
    expect(joinLines(chunks)).toHaveLength(3);
  });

  it('decode a font table once for all fonts of the same bytes, and keep glyphs per font', () => {
    applyPdfmakePatches();
    const fontkit = vendor.fontkit() as { create(bytes: Uint8Array): { GSUB: object; getGlyph(id: number): object } };
    // Two reads of the file, as pdfkit makes for two documents.
    const [a, b] = [fontkit.create(readFileSync(FONT_FILES.bold)), fontkit.create(readFileSync(FONT_FILES.bold))];
    expect(a.GSUB).toBe(b.GSUB);
    expect(a.getGlyph(5)).not.toBe(b.getGlyph(5));
    expect(fontkit.create(readFileSync(FONT_FILES.normal)).GSUB).not.toBe(a.GSUB);
  });

  it("share pdfkit's shaped words between the documents of a process, as pdfkit itself would shape them", () => {
    applyPdfmakePatches();
    type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
    type Run = { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number; advanceWidth: number }[]; advanceWidth: number };
    type EmbeddedFont = { layoutCached(text: string): Run; layoutRun(text: string): Run; layout(text: string): Run };
    const PDFDocument = (vendor.pdfmakeInternal('PDFDocument') as { default: new (fonts: object) => PdfmakeDocument }).default;
    const fontOfNewDocument = () => new PDFDocument({ Sarabun: FONT_FILES }).provideFont('Sarabun', false, false) as unknown as EmbeddedFont;
    // Words no other test shapes, in the fonts of three documents.
    const words = ['ทดสอบแคชรูปอักษรน้ำใจ', '๑๒๓', 'ผู้ใหญ่บ้านปั้นฟื้น'];
    const [first, second, reference] = [fontOfNewDocument(), fontOfNewDocument(), fontOfNewDocument()];
    expect(second).not.toBe(first);
    for (const word of words) {
      const kept = first.layoutCached(word);
      expect(second.layoutCached(word)).toBe(kept);
      // pdfkit's own shaping of the word, which nothing keeps.
      const shaped = reference.layoutRun(word);
      expect(kept.glyphs.map(({ id, codePoints, advanceWidth }) => ({ id, codePoints, advanceWidth }))).toEqual(
        shaped.glyphs.map(({ id, codePoints, advanceWidth }) => ({ id, codePoints, advanceWidth })),
      );
      expect(kept.positions).toEqual(shaped.positions);
      expect(kept.advanceWidth).toBe(shaped.advanceWidth);
      // Plain glyphs: a kept word does not keep the first document's font alive.
      expect(kept.glyphs.every((glyph) => Object.getPrototypeOf(glyph) === Object.prototype)).toBe(true);
    }
    expect(second.layout(words.join(' ')).glyphs.map((g) => g.id)).toEqual(reference.layout(words.join(' ')).glyphs.map((g) => g.id));
  });

  it('reuse a measured paragraph only where its style reads the same, with copies and the fonts of the document at hand', () => {
    applyPdfmakePatches();
    type Inline = { text: string; width: number; font: unknown; fontSize: number };
    type Built = { items: Inline[]; minWidth: number; maxWidth: number };
    const PDFDocument = (vendor.pdfmakeInternal('PDFDocument') as { default: new (fonts: object) => PdfmakeDocument }).default;
    const TextInlines = (vendor.pdfmakeInternal('TextInlines') as { default: new (doc: object) => { buildInlines(text: unknown, stack: unknown): Built } }).default;
    const StyleContextStack = require('pdfmake/js/StyleContextStack').default as new (styles: object, defaultStyle: object) => unknown;
    const text = 'ย่อหน้าทดสอบการเก็บผลการวัดข้อความ ซึ่งไม่มีในเอกสารอื่นของการทดสอบ';
    const measure = (doc: PdfmakeDocument, textArray: unknown, style: object, styles = {}) =>
      new TextInlines(doc).buildInlines(textArray, new StyleContextStack(styles, { font: 'Sarabun', ...style }));
    const [doc1, doc2] = [new PDFDocument({ Sarabun: FONT_FILES }), new PDFDocument({ Sarabun: FONT_FILES })];
    const counts = () => measuredParagraphStats();
    const before = counts();
    const first = measure(doc1, text, { fontSize: 16 });
    expect(counts()).toMatchObject({ hits: before.hits, misses: before.misses + 1 });
    const again = measure(doc2, text, { fontSize: 16 });
    expect(counts()).toMatchObject({ hits: before.hits + 1, misses: before.misses + 1 });
    expect(again.items.map((i) => [i.text, i.width])).toEqual(first.items.map((i) => [i.text, i.width]));
    expect([again.minWidth, again.maxWidth]).toEqual([first.minWidth, first.maxWidth]);
    expect(again.items.every((i) => i.font === doc2.provideFont('Sarabun', false, false))).toBe(true);
    expect(again.items[0]).not.toBe(first.items[0]);
    // Layout changes its inlines: what is kept is not.
    again.items[0]!.width = -1;
    expect(measure(doc2, text, { fontSize: 16 }).items[0]!.width).toBe(first.items[0]!.width);

    // Another size, or bold from the item: measured anew.
    const misses = counts().misses;
    const larger = measure(doc2, text, { fontSize: 20 });
    expect(larger.items.map((i) => i.text)).toEqual(first.items.map((i) => i.text));
    expect(larger.items[0]!.width).toBeCloseTo((first.items[0]!.width * 20) / 16, 6);
    const bold = measure(doc2, [{ text, bold: true }], { fontSize: 16 });
    expect(bold.items.every((i) => i.font === doc2.provideFont('Sarabun', true, false))).toBe(true);
    expect(counts().misses).toBe(misses + 2);
    // A named style on an item is resolved by pdfmake itself, never from the memo.
    const seen = counts();
    const styled = measure(doc2, [{ text, style: 'big' }], {}, { big: { fontSize: 24 } });
    expect(styled.items[0]!.fontSize).toBe(24);
    expect(counts()).toMatchObject({ hits: seen.hits, misses: seen.misses });
  });

  it("embed font subsets with fontkit's own bytes, composite glyphs renumbered per subset", async () => {
    applyPdfmakePatches();
    type Font = { createSubset(): { includeGlyph(gid: number): number; encode(): Uint8Array }; glyphsForString(text: string): { id: number }[] };
    const fontkit = vendor.fontkit() as { create(bytes: Uint8Array): Font };
    // แ, ฟื้น, ปั้น: composites (แ is two เ) and stacked marks; in two orders, so component ids differ.
    const texts = ['แผนการจัดการความรู้ ฟื้นฟู ปั้น Knowledge ๒๕๖๗', 'ปั้น ๒๕๖๗ ฟื้นฟู แผน', 'ก'];
    // Sarabun's loca has short offsets; a copy with long ones takes the other branch of the writer.
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-subset-'));
    const longLoca = join(dir, 'Sarabun-long-loca.ttf');
    await writeFile(longLoca, withLongLoca(readFileSync(FONT_FILES.normal)));
    const files = [FONT_FILES.normal, FONT_FILES.bold, FONT_FILES.italics, FONT_FILES.bolditalics, longLoca];
    const subset = (font: Font, text: string) => {
      const s = font.createSubset();
      for (const glyph of font.glyphsForString(text)) s.includeGlyph(glyph.id);
      return Buffer.from(s.encode()).toString('base64');
    };
    // fontkit unpatched, in a process of its own.
    const script = `const fontkit = require(${JSON.stringify(createRequire(require.resolve('pdfkit')).resolve('fontkit'))});
      const texts = ${JSON.stringify(texts)}; const out = [];
      for (const file of ${JSON.stringify(files)}) for (const text of texts) {
        const font = fontkit.create(require('fs').readFileSync(file)); const s = font.createSubset();
        for (const g of font.glyphsForString(text)) s.includeGlyph(g.id);
        out.push(Buffer.from(s.encode()).toString('base64'));
      }
      process.stdout.write(JSON.stringify(out));`;
    try {
      const expected = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
      const ours = files.flatMap((file) => texts.map((text) => subset(fontkit.create(readFileSync(file)), text)));
      expect(ours).toEqual(expected);
      expect(new Set(ours).size).toBe(files.length * texts.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("resolve style properties as pdfmake's own getProperty does, named styles that extend others included", () => {
    applyPdfmakePatches();
    type Stack = { push(item: unknown): void; getProperty(property: string): unknown };
    type StackClass = new (styleDictionary: object, defaultStyle: object) => Stack;
    const patched = (vendor.pdfmakeInternal('StyleContextStack') as { default: StackClass }).default;
    // A second copy of pdfmake's module, loaded after the patch: its prototype is pdfmake's own.
    const path = require.resolve('pdfmake/js/StyleContextStack');
    const cached = require.cache[path];
    delete require.cache[path];
    const original = (require(path) as { default: StackClass }).default;
    require.cache[path] = cached;
    expect(original.prototype.getProperty).not.toBe(patched.prototype.getProperty);
    const styles = {
      base: { fontSize: 14, color: 'black' },
      heading: { bold: true, extends: 'base' },
      loop: { extends: ['heading', 'loop'], italics: false },
      empty: { fontSize: null },
    };
    const defaults = { font: 'Sarabun', fontSize: 16, lineHeight: 1 };
    const stacks: unknown[][] = [[], ['base'], ['heading', { color: 'red' }], [{ bold: false }, 'loop'], ['missing', 'empty', { fontSize: undefined }], [new String('base'), { lineHeight: 1.2 }, 'heading']];
    const properties = ['font', 'fontSize', 'color', 'bold', 'italics', 'lineHeight', 'alignment', 'extends'];
    for (const items of stacks) {
      const [ours, theirs] = [patched, original].map((Class) => {
        const stack = new Class(styles, defaults);
        for (const item of items) stack.push(item);
        return properties.map((property) => stack.getProperty(property));
      });
      expect(ours).toEqual(theirs);
    }
  });

  it('give pageBreakBefore the same lists as pdfmake, from an index by page, and the same page breaks', async () => {
    applyPdfmakePatches();
    const pdfmake = vendor.pdfmake() as { setFonts(f: object): void; createPdf(dd: object): { getBuffer(): Promise<Buffer> } };
    pdfmake.setFonts({ Sarabun: FONT_FILES });
    const heading = (text: string) => ({ text, bold: true, headlineLevel: 1 });
    const table = (rows: number) => ({ table: { headerRows: 1, widths: ['*', '*'], body: Array.from({ length: rows }, (_, i) => [`แถวที่ ${i}`, 'ผู้รับผิดชอบ']) } });
    // A spacer leaves the first heading the last line of page 1 (725 of 762 pt), so a
    // second pass moves it to page 2, or leaves room for a line of the paragraph after it (700).
    const document = (spacer: number) => ({
      pageMargins: 40,
      defaultStyle: { font: 'Sarabun', fontSize: 16 },
      content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 10, h: spacer, color: '#eeeeee' }] }, heading('หัวข้อที่หนึ่ง'), 'ย่อหน้าถัดไป '.repeat(40), heading('หัวข้อที่สอง'), table(60)],
      pageBreakBefore: (node: { headlineLevel?: number }, lists: IndexedPageBreakLists) => {
        for (const list of ['getFollowingNodesOnPage', 'getNodesOnNextPage', 'getPreviousNodesOnPage'] as const) {
          const ours = lists[list]();
          const pdfmakes = lists.unindexed[list]();
          compared += ours.length;
          expect(ours.length, list).toBe(pdfmakes.length);
          ours.forEach((info, i) => expect(info, list).toBe(pdfmakes[i]));
        }
        return Boolean(node.headlineLevel && lists.getFollowingNodesOnPage().length === 0);
      },
    });
    let compared = 0;
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-breaks-'));
    try {
      for (const [spacer, pageOfHeading] of [[725, 2], [700, 1]] as const) {
        const file = join(dir, `${spacer}.pdf`);
        await writeFile(file, await pdfmake.createPdf(document(spacer)).getBuffer());
        const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
        expect(page(pageOfHeading), `spacer ${spacer}`).toContain('หัวข้อที่หนึ่ง');
      }
      expect(compared).toBeGreaterThan(100);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('split the transparent emblem once, synchronously, and reuse the split in later PDFs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'km-docs-png-'));
    const inflateSync = vi.spyOn(zlib, 'inflateSync');
    const inflate = vi.spyOn(zlib, 'inflate');
    try {
      const announcement = async (dir: string) => {
        await build({ dataDir: 'data', outDir: join(out, dir), only: ['announcement'], formats: ['pdf'] });
        return readFile(join(out, dir, 'announcement.pdf'));
      };
      const first = await announcement('first');
      expect(inflateSync).toHaveBeenCalledTimes(1);
      inflateSync.mockClear();
      const second = await announcement('second');
      expect(inflateSync).not.toHaveBeenCalled();
      expect(inflate).not.toHaveBeenCalled();
      expect(Buffer.compare(first, second)).toBe(0);
    } finally {
      vi.restoreAllMocks();
      await rm(out, { recursive: true, force: true });
    }
  });

  it('draw a line in one text object, with the glyphs where pdfmake would draw them one by one', async () => {
    applyPdfmakePatches();
    const pdfmake = vendor.pdfmake() as { setFonts(f: object): void; createPdf(dd: object): { getBuffer(): Promise<Buffer> } };
    pdfmake.setFonts({ Sarabun: FONT_FILES });
    const paragraph = (link?: string) => ({
      // Thai with tone marks above and below, Latin, digits, bold and colour: marks are moved by GPOS offsets.
      text: [
        { text: 'ผู้รับผิดชอบโครงการพัฒนาบุคลากร ที่ปรึกษาฯ ', link },
        { text: 'Knowledge Management ', bold: true, link },
        { text: 'ปีงบประมาณ ๒๕๖๗ ', color: '#B00000', link },
        { text: 'กำหนดการฝึกอบรมเชิงปฏิบัติการ ญัตติ ฐานข้อมูล ปั้น ฟื้นฟู สิ่งที่เปลี่ยนแปลง', link },
      ],
      alignment: 'justify',
    });
    // The second page links every piece: pdfmake's own renderLine draws it, piece by piece.
    const dd = { defaultStyle: { font: 'Sarabun', fontSize: 16 }, content: [paragraph(), { ...paragraph('https://example.org'), pageBreak: 'before' }] };
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-line-'));
    try {
      const file = join(dir, 'line.pdf');
      await writeFile(file, await pdfmake.createPdf(dd).getBuffer());
      const pages = execFileSync('mutool', ['trace', file], { encoding: 'utf8' }).split('<page ').slice(1);
      // Same glyphs, same advances; positions to 1/1000 pt (MuPDF adds TJ's advances in
      // single precision: ~0.00002 pt apart from pdfkit's absolute Tm; the smallest
      // deliberate shift, a mark's nudge, is 0.016 pt).
      const glyphs = pages.map((page) =>
        [...page.matchAll(/<g unicode="([^"]*)" glyph="(\d+)" x="([^"]+)" y="([^"]+)" adv="([^"]*)"/g)].map(([, unicode, glyph, x, y, adv]) => ({
          what: `${unicode} ${glyph} ${adv}`,
          x: Number(x),
          y: Number(y),
        })),
      );
      expect(glyphs[0]!.length).toBeGreaterThan(100);
      expect(glyphs[0]!.map((g) => g.what)).toEqual(glyphs[1]!.map((g) => g.what));
      for (const [i, drawn] of glyphs[0]!.entries()) {
        expect(Math.abs(drawn.x - glyphs[1]![i]!.x), `x of glyph ${i} (${drawn.what})`).toBeLessThan(0.001);
        expect(Math.abs(drawn.y - glyphs[1]![i]!.y), `y of glyph ${i} (${drawn.what})`).toBeLessThan(0.001);
      }
      const content = execFileSync('mutool', ['show', '-b', file, 'pages/1/Contents'], { encoding: 'latin1' });
      const linked = execFileSync('mutool', ['show', '-b', file, 'pages/2/Contents'], { encoding: 'latin1' });
      const count = (text: string, operator: RegExp) => (text.match(operator) ?? []).length;
      expect(count(linked, /^BT$/gm)).toBeGreaterThan(20);
      expect(count(content, /^BT$/gm)).toBeLessThanOrEqual(6);
      expect(count(content, /ActualText/g)).toBe(count(linked, /ActualText/g));
      // Marks GPOS moves sideways are TJ adjustments; the ones it also lowers (่ after ิ) a text rise.
      expect(count(content, / Tm$/gm)).toBe(0);
      expect(count(content, /^-?[\d.]+ Ts$/gm)).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("draw a word drawn before from its document's own subset: another document numbers its glyphs in another order", async () => {
    applyPdfmakePatches();
    const pdfmake = vendor.pdfmake() as { setFonts(f: object): void; createPdf(dd: object): { getBuffer(): Promise<Buffer> } };
    pdfmake.setFonts({ Sarabun: FONT_FILES });
    const words = ['ชุมชนนักปฏิบัติ', 'ถอดบทเรียน', 'KM'];
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-drawn-'));
    try {
      // The same words in two orders, each word three times: a subset numbers glyphs as they are first drawn.
      for (const [i, order] of [words, [...words].reverse()].entries()) {
        const line = [...order, ...order, ...order].join(' ');
        const file = join(dir, `${i}.pdf`);
        await writeFile(file, await pdfmake.createPdf({ defaultStyle: { font: 'Sarabun', fontSize: 16 }, content: [{ text: line }] }).getBuffer());
        expect(compact(pdfText(file, { raw: true }))).toBe(compact(line));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('write the same PDF bytes from kept paragraphs and words as from measuring them anew', async () => {
    const out = await mkdtemp(join(tmpdir(), 'km-docs-kept-'));
    try {
      const pdfs = async (dir: string) => {
        await build({ dataDir: 'data', outDir: join(out, dir), only: ['announcement', 'km-action-plan'], formats: ['pdf'] });
        return Promise.all(['announcement.pdf', 'km-action-plan.pdf'].map((file) => readFile(join(out, dir, file))));
      };
      forgetKeptMeasurements();
      const fresh = await pdfs('fresh');
      const afterFresh = measuredParagraphStats();
      expect(afterFresh.weight).toBeGreaterThan(0);
      const kept = await pdfs('kept');
      const afterKept = measuredParagraphStats();
      // The second build measured nothing anew.
      expect(afterKept.misses).toBe(afterFresh.misses);
      expect(afterKept.hits - afterFresh.hits).toBeGreaterThan(50);
      expect(kept.map((pdf, i) => Buffer.compare(pdf, fresh[i]!))).toEqual([0, 0]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

/** A copy of a TrueType font whose loca table holds long (32-bit) offsets (head.indexToLocFormat 1). */
function withLongLoca(font: Buffer): Buffer {
  const count = font.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 12 + 16 * i;
    const tag = font.toString('latin1', entry, entry + 4);
    const offset = font.readUInt32BE(entry + 8);
    return { tag, bytes: Buffer.from(font.subarray(offset, offset + font.readUInt32BE(entry + 12))) };
  });
  const head = tables.find((t) => t.tag === 'head')!;
  const loca = tables.find((t) => t.tag === 'loca')!;
  if (head.bytes.readInt16BE(50) !== 0) throw new Error('expected a font with short loca offsets');
  head.bytes.writeInt16BE(1, 50);
  const long = Buffer.alloc(loca.bytes.length * 2);
  for (let i = 0; i < loca.bytes.length / 2; i++) long.writeUInt32BE(loca.bytes.readUInt16BE(2 * i) * 2, 4 * i);
  loca.bytes = long;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(12 + 16 * count + tables.reduce((sum, t) => sum + padded(t.bytes.length), 0));
  font.copy(out, 0, 0, 12);
  let offset = 12 + 16 * count;
  tables.forEach(({ tag, bytes }, i) => {
    const entry = 12 + 16 * i;
    out.write(tag, entry, 'latin1');
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(bytes.length, entry + 12);
    bytes.copy(out, offset);
    offset += padded(bytes.length);
  });
  return out;
}
