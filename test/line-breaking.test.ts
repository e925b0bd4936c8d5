// The paragraph line breaker (src/render/pdf/line-breaking.ts) on items of known
// widths, then on random justified paragraphs rendered to a real PDF and read
// back; test/typesetting.test.ts checks the corpus.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../src/document/model.js';
import { planLines, type BreakItem } from '../src/render/pdf/line-breaking.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { A4_WIDTH, CORPUS, MARGIN } from './helpers/corpus.js';
import { lines, pageGlyphs, type TextLine } from './helpers/glyphs.js';

const SOFT = { softGlue: (item: BreakItem) => item.text.startsWith('และ') };
/** A piece of `width` points (20 letters, as Thai pieces between spaces run long); `spaced` ends with a space. */
const word = (width: number, text = 'ก'.repeat(20), more: Partial<BreakItem> = {}): BreakItem => ({ text, width, fontSize: 16, ...more });
const spaced = (width: number, more: Partial<BreakItem> = {}) => word(width, `${'ก'.repeat(20)} `, more);

/** Greedy filling, as pdfmake breaks: as many items as fit on each line. */
function greedy(items: BreakItem[], width: number): number[] {
  const counts: number[] = [];
  let i = 0;
  while (i < items.length) {
    let used = 0;
    let count = 0;
    while (i + count < items.length && (count === 0 || used + items[i + count]!.width - (items[i + count]!.trailingCut ?? 0) <= width)) used += items[i + count++]!.width;
    counts.push(count);
    i += count;
  }
  return counts;
}

/** Slack of every line but the last. */
const slacks = (items: BreakItem[], counts: number[], width: number) => {
  let i = 0;
  return counts.slice(0, -1).map((count) => {
    const line = items.slice(i, (i += count));
    return width - line.reduce((sum, item) => sum + item.width, 0) + (line.at(-1)!.trailingCut ?? 0);
  });
};

describe('planLines', () => {
  it('takes a word down to the next line where filling would leave that one loose', () => {
    // Filling: [60 35] [40] [65 10]: the second line 60 pt short. Better: [60] [35 40] [65 10].
    const items = [spaced(60), spaced(35), spaced(40), spaced(65), word(10)];
    expect(greedy(items, 100)).toEqual([2, 1, 2]);
    const plan = planLines(items, 100, SOFT)!;
    expect(plan).toEqual([1, 2, 2]);
    expect(Math.max(...slacks(items, plan, 100))).toBeLessThan(Math.max(...slacks(items, greedy(items, 100), 100)));
  });

  it('never ends a line after a glued item, and after a connective only when that is worth it', () => {
    const glued = [spaced(40), word(30, 'กก', { noNewLine: true }), spaced(40), word(50)];
    const plan = planLines(glued, 100, SOFT)!;
    let end = -1;
    for (const count of plan.slice(0, -1)) expect(glued[(end += count)]!.noNewLine).toBeFalsy();

    // และ + the next word: kept together, line 1 is left with 60 of 100 pt.
    const connective = [spaced(30), spaced(30), word(20, 'และ', { noNewLine: true }), spaced(60), word(10)];
    expect(planLines(connective, 100, SOFT)).toEqual([3, 2]);
    // The same glue, not soft: the pair moves down whole.
    expect(planLines(connective, 100, { softGlue: () => false })).toEqual([2, 3]);
    // A connective break with little to gain is not taken.
    const tight = [spaced(30), spaced(30), spaced(30), word(5, 'และ', { noNewLine: true }), spaced(20), word(20)];
    expect(planLines(tight, 100, SOFT)).toEqual([3, 3]);
  });

  it('keeps forced line breaks, and leaves the last line and a forced one unjustified', () => {
    const items = [spaced(30), word(20, 'กก', { lineEnd: true }), spaced(30), spaced(30), word(30)];
    const plan = planLines(items, 100, SOFT)!;
    expect(plan[0]).toBe(2);
    expect(plan.slice(1)).toEqual([3]);
  });

  it('counts the first-line indent (a negative leading cut) against the width', () => {
    const items = [spaced(30, { leadingCut: -30 }), spaced(30), spaced(30), word(30)];
    expect(planLines(items, 100, SOFT)).toEqual([2, 2]);
  });

  it('gives up when an item is wider than the line (the caller then splits it)', () => {
    expect(planLines([spaced(30), word(120), word(10)], 100, SOFT)).toBeUndefined();
  });
});

const CONTENT_WIDTH = A4_WIDTH - MARGIN.left - MARGIN.right;
const paragraph = (text: string, align: 'left' | 'justify', more: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({
  kind: 'paragraph', inlines: [{ text }], align, indent: 0, marginLeft: 0, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, heading: 0, ...more,
});

/** The blocks rendered to a real PDF at 16 pt, read back as lines of glyphs, page by page. */
async function renderedPages(blocks: Block[]): Promise<TextLine[][]> {
  const model: DocumentModel = { title: 't', size: 'A4', orientation: 'portrait', margins: MARGIN, fontSize: 16, pageNumbers: 'none', blocks };
  const dir = await mkdtemp(join(tmpdir(), 'km-docs-lines-'));
  try {
    const file = join(dir, 'p.pdf');
    await writeFile(file, await renderPdf(model, { date: new Date('2024-01-01T00:00:00Z'), author: 'test' }));
    return pageGlyphs(file).map(lines);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The lines of one paragraph `width` points wide. */
async function renderedLines(text: string, align: 'left' | 'justify', width: number): Promise<string[]> {
  const pages = await renderedPages([paragraph(text, align, { marginLeft: CONTENT_WIDTH - width })]);
  return pages.flat().map((line) => line.text);
}

describe('a connective that can never share a line with the word after it (PDF)', () => {
  it('ends the line before instead of standing alone (the action plan\'s month cells)', async () => {
    // ของ keeps to ปีงบประมาณ, but the pair is wider than the column: filling line by
    // line put "เมษายน", then "ของ" alone, then "ปีงบประมาณ".
    const got = await renderedLines('เมษายน ของปีงบประมาณ', 'left', 90);
    expect(got).toEqual(['เมษายน ของ', 'ปีงบประมาณ']);
  });

  it('justified: takes the pieces of a word wider than the column onto its own line', async () => {
    // ICU makes one word of "รวดเร็วwww.skmpao.go.th/", wider than the column, and ที่
    // keeps to it. The line breaker gets it in pieces and cuts it as few times as it can.
    const text = 'ศูนย์ข้อมูลข่าวสารที่รวดเร็วwww.skmpao.go.th/km-plan-2567-2569 และศูนย์ข้อมูลข่าวสาร';
    const got = await renderedLines(text, 'justify', 120);
    expect(got.join('')).toBe(text);
    expect(got).not.toContain('ที่');
    // The address is cut, not the Thai word joined to it.
    expect(got.some((line) => line.includes('รวดเร็ว'))).toBe(true);
  });
});

describe('justified paragraphs of random words, widths and indents (PDF)', () => {
  it('keep every character in order and end every line but the last at the margin, across pages', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const words = CORPUS.flatMap((c) => c.text.split(' '));
    const texts = Array.from({ length: 40 }, () =>
      Array.from({ length: 5 + Math.floor(random() * 60) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : ''),
    );
    const blocks: Block[] = texts.flatMap((text, i): Block[] => [
      ...(i > 0 ? [{ kind: 'page-break' } as const] : []),
      paragraph(text, 'justify', { indent: random() < 0.5 ? 40 : 0, marginLeft: CONTENT_WIDTH * 0.5 * random() }),
    ]);
    const pages = await renderedPages(blocks);
    // Some paragraphs run onto a second page: the pages together hold the texts together.
    expect(pages.length).toBeGreaterThan(texts.length);
    expect(pages.map((page) => page.map((line) => line.text).join('')).join('')).toBe(texts.join(''));
    const margin = A4_WIDTH - MARGIN.right;
    const short = pages.flatMap((page) => page.slice(0, -1)).filter((line) => Math.abs(line.right - margin) > 0.5);
    expect(short.map((line) => line.text)).toEqual([]);
  });
});
