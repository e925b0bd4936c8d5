// A DOCX block's XML kept by content (src/render/docx/written-blocks.ts): a block
// found kept writes the same bytes as one converted now, and nothing that differs
// (the text, the width it is set in, a picture, a heading) is served from before.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel, Paragraph } from '../src/document/model.js';
import { renderDocx } from '../src/render/docx/index.js';
import { keptByContent, writtenBlockStats } from '../src/render/docx/written-blocks.js';
import { MARGIN } from './helpers/corpus.js';
import { exampleDocxFiles } from './helpers/example-set.js';

const OPTIONS = { date: new Date('2024-01-01T00:00:00Z'), author: 'test' };

const paragraph = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: 'paragraph',
  inlines: [{ text }],
  align: 'justify',
  indent: 0,
  marginLeft: 0,
  spaceBefore: 0,
  spaceAfter: 0,
  keepWithNext: false,
  heading: 0,
  ...extra,
});

const table = (text: string): Extract<Block, { kind: 'table' }> => ({
  kind: 'table',
  widths: [1, 2],
  spaceBefore: 0,
  rows: [{ header: false, cells: [{ blocks: [paragraph('ที่')], colSpan: 1, rowSpan: 1 }, { blocks: [paragraph(text)], colSpan: 1, rowSpan: 1 }] }],
});

const model = (blocks: Block[], orientation: DocumentModel['orientation'] = 'portrait'): DocumentModel => ({
  title: 'written blocks',
  size: 'A4',
  orientation,
  margins: MARGIN,
  fontSize: 16,
  pageNumbers: 'none',
  blocks,
});

async function documentXml(m: DocumentModel): Promise<string> {
  const parts = unzipSync(await renderDocx(m, OPTIONS));
  return new TextDecoder().decode(parts['word/document.xml']);
}

/** The hits of writtenBlockStats while `run` runs. */
async function hitsDuring(run: () => Promise<unknown>): Promise<number> {
  const before = writtenBlockStats().hits;
  await run();
  return writtenBlockStats().hits - before;
}

describe('DOCX blocks kept by content', () => {
  it('write the example set the same bytes when found kept as when converted', async () => {
    let first: Record<string, string> = {};
    await hitsDuring(async () => (first = await exampleDocxFiles()));
    let again: Record<string, string> = {};
    const hits = await hitsDuring(async () => (again = await exampleDocxFiles()));
    // Most of the example set's blocks are kept: its paragraphs, lists and tables.
    expect(hits).toBeGreaterThan(50);
    expect(Object.keys(again)).toHaveLength(4);
    for (const name of Object.keys(first)) expect(again[name], name).toBe(first[name]);
  });

  it('are found by their content: changed text is written anew, the same text comes from before', async () => {
    const before = await documentXml(model([paragraph('ความรู้ที่ฝังอยู่ในตัวคน'), table('ชุมชนนักปฏิบัติ')]));
    let after = '';
    const hits = await hitsDuring(async () => (after = await documentXml(model([paragraph('ความรู้ที่ฝังอยู่ในตัวคน'), table('ชุมชนแนวปฏิบัติ')]))));
    expect(hits).toBe(1); // the paragraph; the table's cell changed
    expect(before).toContain('ชุมชนนักปฏิบัติ');
    expect(after).toContain('ชุมชนแนวปฏิบัติ');
    expect(after).not.toContain('ชุมชนนักปฏิบัติ');
    expect(after).toContain('ความรู้ที่ฝังอยู่ในตัวคน');
  });

  it('are kept per width: the same table on a landscape page gets its own column widths', async () => {
    const gridOf = (xml: string) => xml.match(/<w:tblGrid>.*?<\/w:tblGrid>/)?.[0];
    const portrait = await documentXml(model([table('แผนการจัดการความรู้')]));
    const landscape = await documentXml(model([table('แผนการจัดการความรู้')], 'landscape'));
    const portraitAgain = await documentXml(model([table('แผนการจัดการความรู้')]));
    expect(gridOf(portrait)).toBeDefined();
    expect(gridOf(landscape)).not.toBe(gridOf(portrait));
    expect(portraitAgain).toBe(portrait);
  });

  it('leave out pictures and headings, at any depth', () => {
    const image: Block = { kind: 'image', src: 'data/emblem.png', height: 80, align: 'center', spaceBefore: 0 };
    expect(keptByContent(paragraph('ก'))).toBe(true);
    expect(keptByContent(paragraph('ก', { heading: 1 }))).toBe(false);
    expect(keptByContent(image)).toBe(false);
    expect(keptByContent({ kind: 'list', marker: 'dash', spaceBefore: 0, items: [[paragraph('ก')], [image]] })).toBe(false);
    const withPicture = table('ก');
    withPicture.rows[0]!.cells[1]!.blocks.push(image);
    expect(keptByContent(withPicture)).toBe(false);
    expect(keptByContent(table('ก'))).toBe(true);
  });
});
