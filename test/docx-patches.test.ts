// docx's internals patched for speed (src/render/docx/docx-patches.ts): pinned to
// one docx version, and every patched result equal to what docx itself makes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, FileChild, ImageRun, NextAttributeComponent, Packer, Paragraph, XmlComponent } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { indexedPng } from '../src/charts/png.js';
import { packDocx, withSeededRandom } from '../src/render/docx/deterministic.js';
import { applyDocxPatches, imageRunHashedNatively, partFormatter, PATCHED_DOCX_VERSION, writePartOnceFor } from '../src/render/docx/docx-patches.js';
import { vendor } from '../src/vendor.js';
import { exampleDocxFiles } from './helpers/example-set.js';

type PrepForXml = (this: unknown, context: unknown) => unknown;

// docx's own methods, taken before any test applies the patches.
const docxElementPrepForXml = (XmlComponent.prototype as unknown as { prepForXml: PrepForXml }).prepForXml;
type MediaEntries = { Entries: [string, { fileName: string }][] };
type GetMediaData = (xml: string, media: MediaEntries) => { key: string; fileName: string }[];
const imageReplacer = (Packer as unknown as { compiler: { imageReplacer: { getMediaData: GetMediaData } } }).compiler.imageReplacer;
const docxGetMediaData = Object.getPrototypeOf(imageReplacer).getMediaData as GetMediaData;

type Format = (input: unknown, context?: unknown) => unknown;

/** The example set's DOCX files (exampleDocxFiles) built with `format` as the compiler's formatter's method. */
async function exampleDocxWith(format: Format): Promise<Record<string, string>> {
  const formatter = partFormatter();
  const patched = formatter.format;
  formatter.format = format;
  try {
    return await exampleDocxFiles();
  } finally {
    formatter.format = patched;
  }
}

/** A component that prepares as `tree`, whatever it is. */
class Prepared extends FileChild {
  constructor(private readonly tree: unknown) {
    super('w:p');
  }
  override prepForXml() {
    return this.tree as ReturnType<FileChild['prepForXml']>;
  }
}

describe('docx patches', () => {
  it('are pinned to the installed docx', () => {
    expect(vendor.docxVersion()).toBe(PATCHED_DOCX_VERSION);
  });

  it("write every element's attributes of the example set exactly as docx does, key order included", async () => {
    const prototype = NextAttributeComponent.prototype as unknown as { prepForXml: PrepForXml };
    const original = prototype.prepForXml;
    applyDocxPatches();
    const patched = prototype.prepForXml;
    expect(patched).not.toBe(original);
    let compared = 0;
    const mismatches: string[] = [];
    prototype.prepForXml = function compareWithDocx(context) {
      const ours = JSON.stringify(patched.call(this, context));
      const docx = JSON.stringify(original.call(this, context));
      compared++;
      if (ours !== docx && mismatches.length < 5) mismatches.push(`${ours} ≠ ${docx}`);
      return patched.call(this, context);
    };
    const outDir = await mkdtemp(join(tmpdir(), 'km-docs-docx-patches-'));
    try {
      await build({ dataDir: 'data', outDir, formats: ['docx'] });
    } finally {
      prototype.prepForXml = patched;
      await rm(outDir, { recursive: true, force: true });
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1_000);
  });

  it("gather every element's children as docx does: the example set's DOCX files are the same bytes with docx's own method", async () => {
    // Compared file by file, not call by call: each call prepares its children, so a
    // comparing wrapper would run every subtree twice per level.
    const prototype = XmlComponent.prototype as unknown as { prepForXml: PrepForXml };
    const original = docxElementPrepForXml;
    applyDocxPatches();
    const patched = prototype.prepForXml;
    expect(patched).not.toBe(original);
    const built = async (method: PrepForXml) => {
      prototype.prepForXml = method;
      try {
        return await exampleDocxFiles();
      } finally {
        prototype.prepForXml = patched;
      }
    };
    const docx = await built(original);
    const ours = await built(patched);
    expect(Object.keys(ours)).toHaveLength(4);
    for (const name of Object.keys(docx)) expect(ours[name], name).toBe(docx[name]);
  });

  it('key pictures by Node\'s SHA-1 into the same file docx writes with its own, a picture used twice stored once', async () => {
    const emblem = await readFile('data/emblem.png');
    const square = indexedPng(new Uint8Array(4 * 4 * 4).fill(255), 4, 4)!;
    type Options = { type: 'png'; data: Uint8Array; transformation: { width: number; height: number }; altText: { id: string; name: string } };
    const docxFile = async (imageRun: (options: Options) => ImageRun) => {
      // Drawing ids given, as km-docs gives them: docx's own count on across documents.
      const pictures = [emblem, square, emblem].map(
        (data, i) => new Paragraph({ children: [imageRun({ type: 'png', data, transformation: { width: 40, height: 40 }, altText: { id: String(i + 1), name: `picture ${i + 1}` } })] }),
      );
      const date = new Date('2024-08-22T00:00:00Z');
      return packDocx(withSeededRandom(1, () => new Document({ sections: [{ children: pictures }] })), date);
    };
    const docx = await docxFile((options) => new ImageRun(options));
    const ours = await docxFile(imageRunHashedNatively);
    expect(Buffer.compare(Buffer.from(ours), Buffer.from(docx))).toBe(0);
    const media = Object.entries(unzipSync(ours)).filter(([name]) => name.startsWith('word/media/'));
    expect(media.map(([name, bytes]) => [name, bytes.byteLength])).toEqual([
      ['word/media/image1.png', emblem.byteLength],
      ['word/media/image2.png', square.byteLength],
    ]);
  });

  it("write every part as docx's own writer does: the example set's DOCX files are the same bytes", async () => {
    applyDocxPatches();
    const formatter = partFormatter();
    const docxFormat = Object.getPrototypeOf(formatter).format as Format;
    expect(formatter.format).not.toBe(docxFormat);
    // docx's writer given docx's prepared tree, as before the patch.
    const docx = await exampleDocxWith(docxFormat);
    const ours = await exampleDocxWith(formatter.format);
    expect(Object.keys(ours)).toHaveLength(4);
    for (const name of Object.keys(docx)) expect(ours[name], name).toBe(docx[name]);
  });

  it('write a part given a key once: a later part with that key gets the same XML, unprepared', () => {
    applyDocxPatches();
    const formatter = partFormatter();
    const styles = (halfPoints: number) => new Document({ sections: [], styles: { default: { document: { run: { size: halfPoints } } } } }).Styles;
    const xml = (part: object) => String((formatter.format(part) as Record<string, unknown>)[''] as unknown);
    const key = `test ${Math.random()}`;
    const first = styles(28);
    writePartOnceFor(first, key);
    const written = xml(first);
    // (That it is the XML docx writes: the example set's test above, whose AAR and action plan share a type size.)
    expect(written).toContain('<w:sz w:val="28"/>');
    expect(written).toBe(xml(styles(28)));
    // Another part with the key gets the kept XML, whatever it holds: the key has to say everything.
    const other = styles(32);
    writePartOnceFor(other, key);
    expect(xml(other)).toBe(written);
    // Without the key, it is prepared.
    expect(xml(styles(32))).toContain('<w:sz w:val="32"/>');
  });

  it('find the pictures a part refers to as docx does, by their placeholders', () => {
    applyDocxPatches();
    expect(imageReplacer.getMediaData).not.toBe(docxGetMediaData);
    const media = (...keys: string[]): MediaEntries => ({ Entries: keys.map((key, i) => [key, { fileName: `image${i + 1}.png` }]) });
    const cases: [string, MediaEntries][] = [
      ['<w:p>{a.png}</w:p>', media('a.png', 'b.png')],
      ['{b.png}{a.png}{b.png}', media('a.png', 'b.png', 'c.png')],
      ['{x{a.png}} {{b.png} {c.png', media('a.png', 'b.png', 'c.png')],
      ['a.png {a.pn} {a.png }', media('a.png')],
      ['<w:t>{}</w:t>', media()],
      ['', media('a.png')],
    ];
    for (const [xml, entries] of cases) expect(imageReplacer.getMediaData(xml, entries), xml).toEqual(docxGetMediaData.call(imageReplacer, xml, entries));
    expect(imageReplacer.getMediaData('{x{a.png}} {{b.png} {c.png', media('a.png', 'b.png', 'c.png')).map((m) => m.key)).toEqual(['a.png', 'b.png']);
  });

  it("write docx's quirks as docx does: strings among children, null, numbers, escapes, CDATA, empty tags", () => {
    applyDocxPatches();
    const trees: unknown[] = [
      { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'ก & <ข> "ค" \'ง\'\u0001'] },
      { a: [{ b: {} }, 'after an element', { c: null }] },
      { a: ['one', 'two', { b: 1 }] },
      { a: [] },
      { a: null },
      { a: 0 },
      { a: false },
      { a: undefined },
      { a: { _attr: { n: 1, u: undefined, s: 'x<y' } } },
      { a: [{ _attr: { first: 1 } }, { b: 'x' }, { _attr: { second: 2 } }] },
      { a: { _cdata: 'x ]]> y' } },
      { a: [{ b: [{ c: [{ _attr: { d: 'e' } }] }, 7] }] },
    ];
    const documentXml = (format: Format) => {
      const formatter = partFormatter();
      const patched = formatter.format;
      formatter.format = format;
      try {
        const doc = withSeededRandom(1, () => new Document({ sections: [{ children: trees.map((tree) => new Prepared(tree)) }] }));
        const compiler = (Packer as unknown as { compiler: { compile(doc: Document): Map<string, string | Uint8Array> } }).compiler;
        return compiler.compile(doc).get('word/document.xml');
      } finally {
        formatter.format = patched;
      }
    };
    const formatter = partFormatter();
    const docx = documentXml(Object.getPrototypeOf(formatter).format as Format);
    const ours = documentXml(formatter.format);
    expect(typeof docx).toBe('string');
    // The quirk: a string replaces the child written before it.
    expect(docx).toContain('<a>after an element<c/></a>');
    expect(ours).toBe(docx);
  });
});
