// The ประกาศ measured on the page against the constants of the form
// (src/documents/official-layout.ts, sources in docs/official-layout.md):
// every position within 1 mm.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { POINTS_PER_CM } from '../src/document/model.js';
import { ANNOUNCEMENT_LAYOUT as L } from '../src/documents/official-layout.js';
import { lines, pageGlyphs, type TextLine } from './helpers/glyphs.js';
import { png } from './helpers/png.js';
import { docxParts, pdfPages } from './helpers/read-back.js';

const MM = POINTS_PER_CM / 10;
const cm = (value: number) => value * POINTS_PER_CM;
let dir: string;
let file: string;
let pages: TextLine[][];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'km-docs-layout-'));
  await build({ dataDir: 'data', outDir: dir, only: ['announcement'], formats: ['pdf'] });
  file = join(dir, 'announcement.pdf');
  pages = pageGlyphs(file).map(lines);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const find = (text: string) => {
  for (const page of pages) for (const line of page) if (line.text.includes(text)) return line;
  throw new Error(`no line with "${text}"`);
};

describe('the ประกาศ on the form of ระเบียบงานสารบรรณ', () => {
  it('is A4 portrait', () => {
    const { width, height } = pdfPages(file);
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('has the ตราครุฑ 3 cm high, 1.5 cm from the top, centred over the text', () => {
    const trace = execFileSync('mutool', ['trace', file], { encoding: 'utf8' });
    const [, w, h, x, y] = /<fill_image [^>]*transform="([\d.]+) 0 -?0 ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(trace)!.map(Number);
    expect(Math.abs(h! - cm(L.emblemHeightCm))).toBeLessThan(MM);
    expect(Math.abs(y! - cm(L.emblemTopCm))).toBeLessThan(MM);
    const textCentre = cm(L.marginLeftCm) + (595.28 - cm(L.marginLeftCm) - cm(L.marginRightCm)) / 2;
    expect(Math.abs(x! + w! / 2 - textCentre)).toBeLessThan(MM);
  });

  it('centres the title lines over the text, below the emblem', () => {
    const textCentre = cm(L.marginLeftCm) + (595.28 - cm(L.marginLeftCm) - cm(L.marginRightCm)) / 2;
    const title = find('ประกาศองค์การบริหารส่วนจังหวัดสมุทรสงคราม');
    expect(Math.abs((title.left + title.right) / 2 - textCentre)).toBeLessThan(MM);
    expect(841.89 - title.y).toBeGreaterThan(cm(L.emblemTopCm + L.emblemHeightCm)); // baseline below the emblem
    const subject = find('เรื่อง แผนการจัดการความรู้');
    expect(Math.abs((subject.left + subject.right) / 2 - textCentre)).toBeLessThan(MM);
  });

  it('indents each paragraph 2.5 cm and keeps the margins', () => {
    const body = pages.flat().filter((l) => l.text.length > 30 && !l.text.startsWith('ประกาศองค์การ') && !l.text.startsWith('เรื่อง'));
    const first = find('ตามพระราชกฤษฎีกา');
    expect(Math.abs(first.left - cm(L.marginLeftCm + L.paragraphIndentCm))).toBeLessThan(MM);
    const second = find('เพื่อให้การปฏิบัติราชการ');
    expect(Math.abs(second.left - cm(L.marginLeftCm + L.paragraphIndentCm))).toBeLessThan(MM);
    for (const line of body) {
      expect(line.left).toBeGreaterThan(cm(L.marginLeftCm) - MM);
      expect(line.right).toBeLessThan(595.28 - cm(L.marginRightCm) + 0.5);
    }
  });

  it('places the date line and centres the signature block on its axis', () => {
    const date = find('ประกาศ ณ วันที่ ๒๙ ธันวาคม พ.ศ. ๒๕๖๖');
    expect(Math.abs(date.left - cm(L.marginLeftCm + L.dateLineStartCm))).toBeLessThan(MM);
    const axis = cm(L.marginLeftCm + L.signatureAxisCm);
    for (const text of ['(นางสาวกาญจน์สุดา ปานะลูทระ)', 'นายกองค์การบริหารส่วนจังหวัดสมุทรสงคราม']) {
      const line = pages.flat().filter((l) => l.text === text).at(-1)!;
      expect(Math.abs((line.left + line.right) / 2 - axis), text).toBeLessThan(MM);
    }
    // Room to sign: at least the signature space between the date line and the name.
    const name = find('(นางสาวกาญจน์สุดา');
    if (pages.findIndex((p) => p.includes(name)) === pages.findIndex((p) => p.includes(date))) {
      expect(date.y - name.y).toBeGreaterThan(cm(L.signatureSpaceCm));
    }
  });

  it('keeps the closing, the date and the signature together, and numbers later pages "- ๒ -" at the top', () => {
    const page = (text: string) => pages.findIndex((p) => p.some((l) => l.text.includes(text)));
    expect(page('จึงประกาศให้ทราบโดยทั่วกัน')).toBe(page('(นางสาวกาญจน์สุดา'));
    expect(page('ประกาศ ณ วันที่')).toBe(page('(นางสาวกาญจน์สุดา'));
    pages.slice(1).forEach((p, i) => {
      const number = p.find((l) => l.text === `- ${'๒๓๔๕'[i]} -`);
      expect(number, `page ${i + 2}`).toBeDefined();
      const centre = (number!.left + number!.right) / 2;
      expect(Math.abs(centre - (cm(L.marginLeftCm) + (595.28 - cm(L.marginLeftCm) - cm(L.marginRightCm)) / 2))).toBeLessThan(MM);
      expect(841.89 - number!.y).toBeLessThan(cm(L.marginTopCm));
    });
    expect(pages[0]!.some((l) => /^- .* -$/.test(l.text))).toBe(false);
  });

  it('draws no text outside the page', () => {
    for (const line of pages.flat()) {
      expect(line.left).toBeGreaterThanOrEqual(0);
      expect(line.right).toBeLessThanOrEqual(595.28);
      expect(line.y).toBeGreaterThan(0);
      expect(line.y).toBeLessThan(841.89);
    }
  });
});

describe('a scanned signature named in the data', () => {
  it('is placed in the signature space, centred on the signature axis, in the PDF and the DOCX', async () => {
    const data = await mkdtemp(join(tmpdir(), 'km-docs-signature-'));
    const out = await mkdtemp(join(tmpdir(), 'km-docs-signature-out-'));
    try {
      await cp('data', data, { recursive: true });
      // A hand-drawn-looking stroke on a transparent background.
      await writeFile(join(data, 'signature.png'), png(300, 100, (x, y) => Math.abs(y - 50 - 30 * Math.sin(x / 25)) < 3));
      const org = join(data, 'organization.yaml');
      await writeFile(org, (await readFile(org, 'utf8')).replace('  # signature: signature.png', '  signature: signature.png'));
      await build({ dataDir: data, outDir: out, only: ['announcement'] });
      const trace = execFileSync('mutool', ['trace', join(out, 'announcement.pdf')], { encoding: 'utf8' });
      const images = [...trace.matchAll(/<fill_image [^>]*transform="([\d.]+) 0 -?0 ([\d.]+) ([\d.]+) ([\d.]+)" width="(\d+)"/g)].map((m) => m.slice(1).map(Number));
      const signature = images.find((i) => i[4] === 300)!;
      expect(signature).toBeDefined();
      const [w, h, x] = signature;
      expect(Math.abs(x! + w! / 2 - cm(L.marginLeftCm + L.signatureAxisCm))).toBeLessThan(MM);
      expect(h!).toBeLessThanOrEqual(cm(L.signatureSpaceCm) + 0.5);
      expect(docxParts(join(out, 'announcement.docx')).filter((p) => p.startsWith('word/media/'))).toHaveLength(2);
    } finally {
      await rm(data, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });
});
