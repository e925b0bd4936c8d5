// Thai word segmentation, its own swappable stage: `breakOpportunities(text)`
// returns the offsets where a line may break inside a run that has no spaces.
// ICU (Intl.Segmenter) finds the word boundaries; a short list of phrases that
// ICU splits wrongly, or that officials never break, removes boundaries again.

const THAI = /[\u0E00-\u0E7F]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Combining marks and following vowels that can never start a line. */
const CLUSTER_CONTINUATION = /[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;

/**
 * Phrases kept whole. ICU splits the first ones in the wrong place (ตามพ|ระ|ราช,
 * มีหน้า|ที่); the others are names an official would not break across lines.
 */
export const UNBREAKABLE_PHRASES: readonly string[] = [
  'พระราชกฤษฎีกา',
  'พระราชบัญญัติ',
  'มีหน้าที่',
  'หน้าที่',
  'องค์การบริหารส่วนจังหวัด',
  'ส่วนราชการ',
  'ปีงบประมาณ',
  'สมุทรสงคราม',
  'ผู้รับผิดชอบ',
  'ประชาสัมพันธ์',
];

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Offsets (0 < offset < text.length) where a break may go between two words without a space. */
export function breakOpportunities(text: string): number[] {
  if (!THAI.test(text)) return [];
  const protectedRanges = findPhrases(text);
  const offsets: number[] = [];
  for (const { index } of segmenter.segment(text)) {
    if (index === 0) continue;
    const before = text[index - 1]!;
    const after = text[index]!;
    // Only between letters: spaces and punctuation are left to the UAX #14 line breaker,
    // so "อบจ.สมุทรสงคราม", "พ.ศ." and URLs stay whole.
    if (!LETTER_OR_DIGIT.test(before) || !LETTER_OR_DIGIT.test(after)) continue;
    if (!THAI.test(before) && !THAI.test(after)) continue;
    if (CLUSTER_CONTINUATION.test(after)) continue;
    if (protectedRanges.some(([start, end]) => index > start && index < end)) continue;
    offsets.push(index);
  }
  return offsets;
}

/** Splits `text` at its break opportunities; joining the pieces gives `text` back. */
export function splitAtBreaks(text: string): string[] {
  const offsets = breakOpportunities(text);
  if (offsets.length === 0) return [text];
  const pieces: string[] = [];
  let last = 0;
  for (const offset of offsets) {
    pieces.push(text.slice(last, offset));
    last = offset;
  }
  pieces.push(text.slice(last));
  return pieces;
}

function findPhrases(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const phrase of UNBREAKABLE_PHRASES) {
    for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) ranges.push([i, i + phrase.length]);
  }
  return ranges;
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Grapheme clusters (base + vowels + tone marks), the smallest unit a too-long word may be cut into. */
export function graphemeClusters(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}
