// Thai word segmentation, its own swappable stage: `breakOpportunities(text)`
// returns the offsets where a line may break inside a run that has no spaces.
// ICU (Intl.Segmenter) finds the word boundaries; a short list of phrases that
// ICU splits wrongly, or that officials never break, removes boundaries again.
import { memoizedByText } from '../util/memo.js';
import { once } from '../util/once.js';

const THAI = /[\u0E00-\u0E7F]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Thai combining marks (ั, ิ … ฺ, ็ … ๎), as a character-class body: drawn with zero advance over the letter before them. */
export const THAI_COMBINING_MARKS = '\u0E31\u0E34-\u0E3A\u0E47-\u0E4E';
/** Combining marks, following vowels and ฯ ๆ: they can never start a line. */
const CLUSTER_CONTINUATION = /[\u0E2F\u0E30-\u0E3A\u0E45\u0E46\u0E47-\u0E4E]/;

/**
 * Phrases kept whole. ICU splits the first ones in the wrong place (ตามพ|ระ|ราช,
 * มีหน้า|ที่), so they are kept whole with the word before them where ICU glues
 * that on; the others are names an official would not break across lines.
 */
export const UNBREAKABLE_PHRASES: readonly string[] = [
  'ตามพระราชกฤษฎีกา',
  'ตามพระราชบัญญัติ',
  'พระราชกฤษฎีกา',
  'พระราชบัญญัติ',
  'หน้าที่', // ICU: มีหน้า|ที่
  'องค์การบริหารส่วนจังหวัด',
  'ส่วนราชการ',
  // ICU splits these where a dictionary segmenter (swath) and readers do not:
  'เจ้าหน้าที่', // เจ้า|หน้าที่
  'รับรู้', // ผู้รับ|รู้
  'รู้เรื่อง',
  'ขั้นตอน', // ขั้น|ตอน
  'ส่วนร่วม', // มีส่วน|ร่วม
  'เป้าหมาย', // เป้า|หมาย
  'งบประมาณ', // งบ|ประมาณ
  'เผยแพร่', // เผย|แพร่
  'โครงการ', // โครง|การฯ
  'ร้อยละ', // ร้อย|ละ
  'ตัวชี้วัด', // ตัว|ชี้|วัด (swath too): a line ending ตัวชี้ leaves วัด, "temple", on the next
  'เรียนรู้', // เรียน|รู้
  'วิธีการ', // วิธี|การ
  'ตรวจสอบ', // ตรวจ|สอบ
  'เครื่องมือ', // เครื่อง|มือ
  'ปีงบประมาณ',
  'สมุทรสงคราม',
  'ผู้รับผิดชอบ',
  'ประชาสัมพันธ์',
];

const wordSegmenter = once(() => new Intl.Segmenter('th', { granularity: 'word' }));

/**
 * Short words that belong with the word after them. Fine Thai typesetting avoids
 * ending a line with one when the paragraph can break elsewhere.
 */
const CONNECTIVE = /^(?:และ|ที่|ซึ่ง|ของ|ใน|กับ|แห่ง|โดย|เพื่อ|แก่|แต่)\s*$/;

/**
 * True when a line should not end after this piece: a connective, or a hyphen
 * inside a Thai compound ("ก่อน-หลัง"), which PDF readers would take for a
 * hyphenation and drop when the text is copied.
 */
export function bindsToNext(piece: string): boolean {
  return isConnective(piece) || /[\u0E01-\u0E4E]-$/.test(piece);
}

/** A connective: kept with the next word by preference, not at any cost (line-breaking.ts weighs it). */
export function isConnective(piece: string): boolean {
  return CONNECTIVE.test(piece);
}

/** Offsets (0 < offset < text.length) where a break may go between two words without a space. */
export function breakOpportunities(text: string, options: { keepPhrases?: boolean } = {}): number[] {
  if (!THAI.test(text)) return [];
  const protectedRanges = options.keepPhrases === false ? [] : findPhrases(text);
  const offsets: number[] = [...afterAbbreviations(text), ...afterSlashes(text)];
  for (const { index } of wordSegmenter().segment(text)) {
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
  const inside = (i: number) => protectedRanges.some(([start, end]) => i > start && i < end);
  return [...new Set(offsets)].filter((i) => !inside(i)).sort((a, b) => a - b);
}

// The three splits below are kept per text (the same phrases recur in every document)
// and shared between callers: frozen, read-only.

/** Splits `text` at its break opportunities; joining the pieces gives `text` back. */
export const splitAtBreaks = memoizedByText((text): readonly string[] => Object.freeze(splitAt(text, breakOpportunities(text))));

/** Splits at every ICU word boundary, phrases included: the fallback for a unit wider than its column. */
export const splitAtWords = memoizedByText((text): readonly string[] => Object.freeze(splitAt(text, breakOpportunities(text, { keepPhrases: false }))));

function splitAt(text: string, offsets: number[]): string[] {
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

/**
 * After an abbreviation's last dot, before a Thai word: "อบจ.|สมุทรสงคราม". Not inside
 * the abbreviation ("พ.ศ." has a one-letter part after its first dot) nor before digits.
 */
function afterAbbreviations(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(/[\u0E01-\u0E4E]\.(?=[\u0E01-\u0E4E]{2,}(?![.\u0E01-\u0E4E]*\.))/g)) {
    offsets.push(match.index + 2);
  }
  return offsets;
}

/** "ทบทวน/|ปรับปรุง": a slash between Thai words is a place to break, as after a space. */
function afterSlashes(text: string): number[] {
  return Array.from(text.matchAll(/(?<=[\u0E01-\u0E4E])\/(?=[\u0E01-\u0E2E\u0E40-\u0E44])/g), (m) => m.index + 1);
}

function findPhrases(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const phrase of UNBREAKABLE_PHRASES) {
    for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) ranges.push([i, i + phrase.length]);
  }
  return ranges;
}

const graphemeSegmenter = once(() => new Intl.Segmenter('th', { granularity: 'grapheme' }));

/** Grapheme clusters (base + vowels + tone marks), the smallest unit a too-long word may be cut into. */
export const graphemeClusters = memoizedByText((text): readonly string[] => Object.freeze(Array.from(graphemeSegmenter().segment(text), (s) => s.segment)));
