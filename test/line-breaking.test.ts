// The paragraph line breaker (src/render/pdf/line-breaking.ts) on items of known
// widths; test/typesetting.test.ts checks what it does to real PDFs.
import { describe, expect, it } from 'vitest';
import { planLines, type BreakItem } from '../src/render/pdf/line-breaking.js';

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
