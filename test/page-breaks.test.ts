// Headings kept with what follows them (src/render/pdf/index.ts keepHeadingsWithNext),
// laid out by pdfmake with km-docs' patches, read back page by page.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../src/paths.js';
import { keepHeadingsWithNext } from '../src/render/pdf/index.js';
import { applyPdfmakePatches } from '../src/render/pdf/pdfmake-patches.js';
import { vendor } from '../src/vendor.js';

const table = (rows: number) => ({ table: { headerRows: 1, widths: ['*', '*'], body: Array.from({ length: rows }, (_, i) => [i === 0 ? 'กิจกรรม' : `แถวที่ ${i}`, 'ผู้รับผิดชอบ']) } });
const paragraph = 'ย่อหน้าถัดไป '.repeat(40);

/** The page (1-based) whose text has `text`, of a one-heading document after a spacer of `spacer` pt (page body 762 pt). */
async function pageOf(text: string, spacer: number, next: object): Promise<number> {
  applyPdfmakePatches();
  const pdfmake = vendor.pdfmake() as { setFonts(f: object): void; createPdf(dd: object): { getBuffer(): Promise<Buffer> } };
  pdfmake.setFonts({ Sarabun: FONT_FILES });
  const dd = {
    pageMargins: 40,
    defaultStyle: { font: 'Sarabun', fontSize: 16 },
    content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 10, h: spacer, color: '#eeeeee' }] }, { text: 'หัวข้อของตาราง', bold: true, headlineLevel: 1 }, next],
    pageBreakBefore: keepHeadingsWithNext,
  };
  const dir = await mkdtemp(join(tmpdir(), 'km-docs-breaks-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, await pdfmake.createPdf(dd).getBuffer());
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
    return pages.findIndex((page) => page.includes(text)) + 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a heading kept with what follows it', () => {
  it.each([
    ['a table', table(40)],
    ['a paragraph', paragraph],
  ])('before %s, leaves the foot of a page it would end alone', async (_, next) => {
    expect(await pageOf('หัวข้อของตาราง', 725, next)).toBe(2);
  });

  it.each([
    ['a table', table(40), 'แถวที่ 1'],
    ['a paragraph', paragraph, 'ย่อหน้าถัดไป'],
  ])('before %s, stays when the first of it fits under it', async (_, next, first) => {
    expect(await pageOf('หัวข้อของตาราง', 650, next)).toBe(1);
    expect(await pageOf(first, 650, next)).toBe(1);
  });
});
