// The Thai text engine, measured on a corpus rendered to real PDFs and read back
// with glyph positions: breaks only between words, never inside a cluster, justified
// lines flush to the margin, and text that copies out exactly as it went in.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../src/document/model.js';
import { POINTS_PER_CM } from '../src/document/model.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { A4_WIDTH, CORPUS, MARGIN } from './helpers/corpus.js';
import { lines, pageGlyphs } from './helpers/glyphs.js';
import { extractionMismatches, pdfText } from './helpers/read-back.js';
import { midWordJoins, thaiJoins } from './helpers/word-boundaries.js';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'km-docs-typesetting-'));
  file = join(dir, 'corpus.pdf');
  const contentWidth = A4_WIDTH - MARGIN.left - MARGIN.right;
  const blocks: Block[] = CORPUS.flatMap((c, i): Block[] => [
    ...(i > 0 ? [{ kind: 'page-break' } as const] : []),
    {
      kind: 'paragraph',
      inlines: [{ text: c.text, bold: c.bold }],
      align: c.align,
      indent: c.width ? 0 : 2.5 * POINTS_PER_CM,
      marginLeft: c.width ? contentWidth - c.width : 0,
      spaceBefore: 0,
      spaceAfter: 0,
      keepWithNext: false,
      heading: 0,
    },
  ]);
  const model: DocumentModel = { title: 'corpus', size: 'A4', orientation: 'portrait', margins: MARGIN, fontSize: 16, pageNumbers: 'none', blocks };
  await writeFile(file, await renderPdf(model, { date: new Date('2024-01-01T00:00:00Z'), author: 'test' }));
});
afterAll(() => (process.env.KM_KEEP_TEST_OUTPUT ? console.log(`corpus kept in ${file}`) : rm(dir, { recursive: true, force: true })));

describe('Thai typesetting of the corpus (PDF)', () => {
  const pageLines = () => pageGlyphs(file).map(lines);

  it('draws no missing glyph', () => {
    expect(pageGlyphs(file).flat().filter((g) => g.gid === 0)).toEqual([]);
  });

  it.each(CORPUS.map((c, i) => [c.name, i] as const))('%s: the lines put together are the source text', (_, i) => {
    expect(pageLines()[i]!.map((l) => l.text).join('')).toBe(CORPUS[i]!.text);
  });

  it.each(CORPUS.map((c, i) => [c.name, i] as const))('%s: no line starts inside a cluster', (_, i) => {
    const starts = pageLines()[i]!.map((l) => l.text[0]);
    expect(starts.filter((c) => /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(c ?? ''))).toEqual([]);
  });

  it.each(CORPUS.filter((c) => !c.width || c.width > POINTS_PER_CM).map((c) => [c.name, CORPUS.indexOf(c)] as const))(
    '%s: every line break falls between words',
    (_, i) => {
      const joins = thaiJoins(pageLines()[i]!.map((l) => l.text));
      expect(midWordJoins(joins).map((j) => `${j.before}|${j.after}`)).toEqual([]);
    },
  );

  it.each(CORPUS.filter((c) => c.align === 'justify').map((c) => [c.name, CORPUS.indexOf(c)] as const))(
    '%s: every justified line but the last ends within 0.5 pt of the margin',
    (_, i) => {
      const margin = A4_WIDTH - MARGIN.right;
      const all = pageLines()[i]!;
      expect(all.length).toBeGreaterThan(2);
      for (const line of all.slice(0, -1)) expect(Math.abs(line.right - margin), line.text).toBeLessThanOrEqual(0.5);
      expect(all.at(-1)!.right).toBeLessThan(margin - 1); // the last line is not stretched
    },
  );

  it.each(CORPUS.filter((c) => c.align === 'justify').map((c) => [c.name, CORPUS.indexOf(c)] as const))(
    '%s: no word space of a justified line opens wider than 1.25 em (the paragraph is broken as a whole)',
    (_, i) => {
      // Filling line by line, a line followed by a long unbreakable word is left
      // with its slack to spread over its two or three spaces: 2-3 em holes. A line
      // with a single space is left out: when no other break fits, its slack can only
      // go there (letters take at most 0.06 em each, or copied text gains spaces).
      const spaces = pageLines()[i]!.slice(0, -1).flatMap((line) => {
        const inner = line.glyphs.flatMap((g, k, all) => (g.text === ' ' && all[k + 1]?.text.trim() ? [{ em: (all[k + 1]!.x - g.x) / g.size, line: line.text }] : []));
        return inner.length > 1 ? inner : [];
      });
      expect(spaces.length).toBeGreaterThan(0);
      expect(spaces.filter((s) => s.em > 1.25)).toEqual([]);
    },
  );

  it.each(CORPUS.map((c, i) => [c.name, i] as const))('%s: pdftotext gives the source back, in reading order and raw', (_, i) => {
    for (const raw of [false, true]) {
      const text = pdfText(file, { raw, page: i + 1 });
      expect(extractionMismatches(CORPUS[i]!.text, text), raw ? 'raw' : 'reading order').toEqual([]);
      expect(text).not.toMatch(/\u200B|\uFFFD|\u0E4D\u0E32/);
    }
  });
});

