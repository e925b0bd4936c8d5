// Thai marks in text order by x. Sarabun's GPOS can leave a mark a few font units
// right of the mark or letter after it; a PDF reader that orders glyphs by x
// (pdftotext) then copies, say, a tone mark before its vowel. Every shaping of Sarabun goes through
// this: the PDF's (pdfmake-patches.ts wraps fontkit's layout) and the DOCX charts'
// outlines (text/outlines.ts), so both draw the same positions whichever ran first.

/** A fontkit glyph run, as far as the order of marks needs it. */
export interface GlyphRun {
  glyphs: { id: number; advanceWidth: number }[];
  positions: { xAdvance: number; xOffset: number }[];
}

/** Nudges larger than this (font units, 1/1000 em) would move ink: they are left alone. */
const MAX_MARK_NUDGE = 4;

/**
 * For each group of zero-advance glyphs after a letter: the last must start left of
 * the next letter, and each must start right of the one before it (in font units).
 * Changes `run` in place; a second call changes nothing.
 */
export function orderMarks(run: GlyphRun): void {
  const { glyphs, positions } = run;
  for (let end = glyphs.length - 1; end > 0; end--) {
    if (positions[end]!.xAdvance !== 0 || glyphs[end]!.advanceWidth !== 0) continue;
    let start = end;
    while (start > 1 && positions[start - 1]!.xAdvance === 0 && glyphs[start - 1]!.advanceWidth === 0) start--;
    let limit = -1;
    for (let i = end; i >= start; i--) {
      const position = positions[i]!;
      // Sarabun's marks are drawn left of an origin at the letter's end; only nudges of
      // a few units are rounding.
      if (position.xOffset > limit && position.xOffset - limit <= MAX_MARK_NUDGE) position.xOffset = limit;
      limit = Math.min(limit, position.xOffset) - 1;
    }
    end = start;
  }
}
