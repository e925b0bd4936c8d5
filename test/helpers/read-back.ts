// Reads real outputs back with the tools a user's machine has: poppler
// (pdftotext, pdffonts, pdfinfo), MuPDF (mutool trace) and unzip for DOCX.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Text in reading order; `raw` keeps content-stream order (no inserted layout spaces). */
export function pdfText(file: string, options: { raw?: boolean; page?: number } = {}): string {
  const args = [...(options.raw ? ['-raw'] : []), ...(options.page ? ['-f', String(options.page), '-l', String(options.page)] : []), file, '-'];
  return run('pdftotext', args);
}

/**
 * The PDF's text with all white space removed, for finding a phrase whatever
 * line it was broken across (a line end may stand for a space or for nothing).
 */
export function compactText(file: string): string {
  return compact(pdfText(file, { raw: true }));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

export function pdfPages(file: string): { count: number; width: number; height: number } {
  const info = run('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return { count: Number(/Pages:\s+(\d+)/.exec(info)![1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Number of glyphs drawn with glyph id 0 (.notdef: a box instead of a letter). */
export function notdefGlyphs(file: string): number {
  return (run('mutool', ['trace', file]).match(/ glyph="0"/g) ?? []).length;
}

export function docxPart(file: string, part: string): string {
  const files = unzipSync(readFileSync(file));
  const data = files[part];
  if (!data) throw new Error(`${file} has no ${part}`);
  return new TextDecoder().decode(data);
}

export function docxParts(file: string): string[] {
  return Object.keys(unzipSync(readFileSync(file)));
}

/** The text of word/document.xml's runs, paragraphs joined by newlines. */
export function docxText(file: string): string {
  return docxPart(file, 'word/document.xml')
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .join('\n');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Where extracted text differs from the source, reading line ends as either the
 * source's space or nothing. An empty list means the text copies exactly: no
 * inserted space, no lost or changed character.
 */
export function extractionMismatches(source: string, extracted: string): string[] {
  const problems: string[] = [];
  const s = source;
  const t = extracted.replace(/\f/g, '\n').replace(/\n+$/, '');
  let i = 0;
  let j = 0;
  while (j < t.length && problems.length < 5) {
    const ch = t[j]!;
    if (ch === s[i]) {
      i++;
      j++;
    } else if (ch === '\n') {
      if (s[i] === ' ') i++;
      j++;
    } else {
      const where = `…${s.slice(Math.max(0, i - 12), i)}⟨${s[i] ?? ''}⟩${s.slice(i + 1, i + 12)}…`;
      problems.push(ch === ' ' ? `space inserted at ${where}` : `"${ch}" for "${s[i] ?? 'end'}" at ${where}`);
      i++;
      j++;
    }
  }
  if (i < s.trimEnd().length && problems.length === 0) problems.push(`text missing from …${s.slice(i, i + 20)}`);
  return problems;
}
