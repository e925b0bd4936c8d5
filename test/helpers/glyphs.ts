// Glyphs with their positions, read back from a PDF by MuPDF (mutool trace), and
// grouped into lines. Independent of pdfmake and of pdftotext's word heuristics.
import { execFileSync } from 'node:child_process';

export interface Glyph {
  text: string;
  gid: number;
  x: number;
  y: number;
  /** Advance in points. */
  advance: number;
  size: number;
}

export interface TextLine {
  text: string;
  left: number;
  /** Right edge of the last glyph that is not a space. */
  right: number;
  y: number;
  glyphs: Glyph[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Glyphs of each page, in content-stream order (the order our renderer draws them). */
export function pageGlyphs(file: string): Glyph[][] {
  const pages: Glyph[][] = [];
  let size = 0;
  for (const line of execFileSync('mutool', ['trace', file], { encoding: 'utf8', maxBuffer: 256 << 20 }).split('\n')) {
    if (line.startsWith('<page ')) pages.push([]);
    const span = /<span [^>]*trm="([\d.]+) /.exec(line);
    if (span) size = Number(span[1]);
    const g = /<g unicode="([^"]*)" glyph="(\d+)" x="([-\d.]+)" y="([-\d.]+)" adv="([-\d.]+)"/.exec(line);
    if (!g) continue;
    // The zero-width nikhahit that ำ is drawn with maps to no text (its า carries the ำ);
    // MuPDF shows such a glyph as U+FFFD.
    const text = unescape(g[1]!) === '\uFFFD' && Number(g[5]) === 0 ? '' : unescape(g[1]!);
    pages[pages.length - 1]!.push({ text, gid: Number(g[2]), x: Number(g[3]), y: Number(g[4]), advance: Number(g[5]) * size, size });
  }
  return pages;
}

/** Consecutive glyphs on one baseline form a line (marks share their letter's baseline). */
export function lines(glyphs: Glyph[]): TextLine[] {
  const out: TextLine[] = [];
  for (const glyph of glyphs) {
    const current = out[out.length - 1];
    if (current && Math.abs(current.y - glyph.y) < glyph.size * 0.3 && glyph.x > current.left - 1) {
      current.glyphs.push(glyph);
    } else {
      out.push({ text: '', left: glyph.x, right: glyph.x, y: glyph.y, glyphs: [glyph] });
    }
  }
  for (const line of out) {
    line.text = line.glyphs.map((g) => g.text).join('');
    line.left = Math.min(...line.glyphs.map((g) => g.x));
    line.right = Math.max(...line.glyphs.filter((g) => g.text.trim()).map((g) => g.x + g.advance));
  }
  return out;
}
