// An independent judge of where Thai words end: ICU's own segmenter (without
// km-docs' phrase list) and, where installed, Debian's dictionary segmenter swath.
import { execFileSync } from 'node:child_process';

const icu = new Intl.Segmenter('th', { granularity: 'word' });

export function icuBoundaries(text: string): Set<number> {
  return new Set([...icu.segment(text)].map((s) => s.index).concat(text.length));
}

let swathChecked: boolean | undefined;
export function hasSwath(): boolean {
  if (swathChecked === undefined) {
    try {
      execFileSync('swath', ['-u', 'u,u'], { input: 'ทดสอบ\n' });
      swathChecked = true;
    } catch {
      swathChecked = false;
    }
  }
  return swathChecked;
}

/** Boundaries of each text by swath, one process for all texts. */
export function swathBoundaries(texts: string[]): Set<number>[] {
  const out = execFileSync('swath', ['-u', 'u,u', '-b', '|'], { input: texts.join('\n') + '\n', encoding: 'utf8' }).split('\n');
  return texts.map((_, i) => {
    const bounds = new Set<number>([0]);
    let position = 0;
    for (const part of (out[i] ?? '').split('|')) bounds.add((position += part.length));
    return bounds;
  });
}

const THAI_LETTER = /[\u0E01-\u0E4E]/;

export interface Join {
  before: string;
  after: string;
  /** Offset of the join in `before + after`. */
  at: number;
}

/**
 * Joins where Thai meets Thai with no space: the ones a segmenter must approve.
 * With `source`, a line end that stands for a space of the source (some writers
 * do not draw the space that ends a line) is not a join.
 */
export function thaiJoins(lineTexts: string[], source?: string): Join[] {
  const joins: Join[] = [];
  let position = 0;
  for (let i = 0; i + 1 < lineTexts.length; i++) {
    const a = lineTexts[i]!;
    const b = lineTexts[i + 1]!;
    position += a.length;
    const atSpace = source !== undefined && source[position] === ' ' && !a.endsWith(' ');
    if (atSpace) position++;
    if (atSpace || !THAI_LETTER.test(a.at(-1) ?? '') || !THAI_LETTER.test(b[0] ?? '')) continue;
    const before = a.split(/\s+/).at(-1)!;
    const after = b.split(/\s+/)[0]!;
    joins.push({ before, after, at: before.length });
  }
  return joins;
}

/** Joins that ICU, or swath where installed, places inside a word. */
export function midWordJoins(joins: Join[], judges: { swath: boolean } = { swath: hasSwath() }): Join[] {
  const swath = judges.swath && joins.length ? swathBoundaries(joins.map((j) => j.before + j.after)) : [];
  return joins.filter((join, i) => !icuBoundaries(join.before + join.after).has(join.at) || (judges.swath && !swath[i]!.has(join.at)));
}
