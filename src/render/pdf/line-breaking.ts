// Where a justified paragraph's lines end, chosen for the whole paragraph at once
// (Knuth and Plass's total-fit method, as TeX and Typst do), not line by line.
// Filling each line as full as it goes leaves the lines after a long unbreakable
// word loose: Thai has few spaces, so a line's slack opens holes at the two or
// three it has. Here every way of breaking is weighed, and the one whose lines
// are most evenly full wins.
//
// The items are pdfmake's measured inlines (word pieces after the Thai split);
// breaks go between them. Pure: src/render/pdf/pdfmake-patches.ts applies the result.
import { THAI_COMBINING_MARKS } from '../../text/segment.js';

export interface BreakItem {
  text: string;
  width: number;
  /** Width cut at a line's start (leading spaces; minus the first-line indent). */
  leadingCut?: number;
  /** Width cut at a line's end (trailing spaces). */
  trailingCut?: number;
  /** Glued to the next item: no break after it. */
  noNewLine?: boolean;
  /** A forced line break after it (<br/>). */
  lineEnd?: boolean;
  /** A piece of a word too wide for any line: a break after it is inside the word. */
  midWord?: boolean;
  fontSize?: unknown;
}

export interface BreakOptions {
  /** True for an item glued to the next only by preference (a connective): a break after it costs CONNECTIVE_DEMERITS. */
  softGlue(item: BreakItem): boolean;
}

/**
 * The most a justified line spreads its letters apart (em per gap) before the rest
 * of its slack goes to its spaces: beyond it letters look spaced out, and text
 * extractors read the gaps as word spaces. Used by the justifier too (pdfmake-patches).
 */
export const MAX_LETTER_SPACING_EM = 0.06;
/** How far a space may comfortably widen. */
const SPACE_STRETCH_EM = 0.5;
/** TeX's \linepenalty: fewer lines are better, all else equal. */
const LINE_PENALTY = 10;
/** A line ending with a connective (และ, ของ …) is as bad as a rather loose line (badness ~50). */
const CONNECTIVE_DEMERITS = 3600;
const MAX_BADNESS = 10_000;
/** A break inside a word costs more than the worst line ((MAX_BADNESS + LINE_PENALTY)²): as few as possible. */
const MID_WORD_DEMERITS = 1e9;
const MARK_OR_SPACE = new RegExp(`[${THAI_COMBINING_MARKS}\\s]`, 'g');

/**
 * The number of items on each line, first line first, for lines `width` wide; or
 * undefined when some item is wider than a line (the caller then breaks as before).
 */
export function planLines(items: readonly BreakItem[], width: number, options: BreakOptions): number[] | undefined {
  const n = items.length;
  if (n === 0) return [];
  const em = Number(items[0]!.fontSize ?? 12);
  // Prefix sums: widths, letters (spacing opportunities) and inner spaces.
  const sumWidth = [0];
  const sumLetters = [0];
  const sumSpaces = [0];
  for (const item of items) {
    sumWidth.push(sumWidth.at(-1)! + item.width);
    sumLetters.push(sumLetters.at(-1)! + item.text.replace(MARK_OR_SPACE, '').length);
    sumSpaces.push(sumSpaces.at(-1)! + (/\s$/.test(item.text) ? 1 : 0));
  }
  const naturalWidth = (first: number, last: number) =>
    sumWidth[last + 1]! - sumWidth[first]! - (items[first]!.leadingCut ?? 0) - (items[last]!.trailingCut ?? 0);

  // best[k]: least demerits of lines covering items 0..k-1 with a break after item k-1.
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 0; end < n; end++) {
    const item = items[end]!;
    const last = end === n - 1;
    const glued = !last && item.noNewLine && !item.lineEnd;
    if (glued && !options.softGlue(item)) continue;
    const penalty = (glued ? CONNECTIVE_DEMERITS : 0) + (!last && item.midWord ? MID_WORD_DEMERITS : 0);
    // Lines that end here, longest first; a forced break before `start` stops the search.
    for (let start = end; start >= 0; start--) {
      if (start < end && items[start]!.lineEnd) break;
      const natural = naturalWidth(start, end);
      // Strictly inside the width, so that pdfmake's own check (same sum, other order) agrees.
      if (natural > width - 1e-6) {
        if (start === end) return undefined;
        break;
      }
      if (best[start] === Infinity) continue;
      const justified = !last && !item.lineEnd;
      const badness = justified ? lineBadness(width - natural, sumLetters[end + 1]! - sumLetters[start]!, sumSpaces[end]! - sumSpaces[start]!, em) : 0;
      const demerits = best[start]! + (LINE_PENALTY + badness) ** 2 + penalty;
      if (demerits < best[end + 1]!) {
        best[end + 1] = demerits;
        from[end + 1] = start;
      }
    }
  }
  if (best[n] === Infinity) return undefined;
  const counts: number[] = [];
  for (let k = n; k > 0; k = from[k]!) counts.unshift(k - from[k]!);
  return counts;
}

/** TeX's badness: 100 × (slack / what the line can stretch)³, capped. */
function lineBadness(slack: number, letters: number, spaces: number, em: number): number {
  if (slack <= 0) return 0;
  const stretch = (letters * MAX_LETTER_SPACING_EM + spaces * SPACE_STRETCH_EM) * em;
  if (stretch <= 0) return MAX_BADNESS;
  return Math.min(MAX_BADNESS, 100 * (slack / stretch) ** 3);
}
