// The DOCX as a user's office suite shows it: LibreOffice (with no Sarabun
// installed on the machine) converts the corpus to PDF, which must use the
// embedded Sarabun, draw every glyph and break Thai only between words.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../src/document/model.js';
import { POINTS_PER_CM } from '../src/document/model.js';
import { renderDocx } from '../src/render/docx/index.js';
import { lines, pageGlyphs } from './helpers/glyphs.js';
import { pdfFonts } from './helpers/read-back.js';
import { icuBoundaries, midWordJoins, thaiJoins } from './helpers/word-boundaries.js';
import { A4_WIDTH, CORPUS, MARGIN } from './helpers/corpus.js';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// CI installs LibreOffice (see README); only a developer machine may lack it.
if (process.env.CI && !hasSoffice) throw new Error('LibreOffice (soffice) is required in CI: apt-get install libreoffice-writer-nogui');

let dir: string;
let pdf: string;
const paragraphs = CORPUS.filter((c) => !c.width);

describe.skipIf(!hasSoffice)('the corpus as DOCX, opened by LibreOffice', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'km-docs-lo-'));
    const blocks: Block[] = paragraphs.flatMap((c, i): Block[] => [
      ...(i > 0 ? [{ kind: 'page-break' } as const] : []),
      { kind: 'paragraph', inlines: [{ text: c.text, bold: c.bold }], align: c.align, indent: 2.5 * POINTS_PER_CM, marginLeft: 0, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, heading: 0 },
    ]);
    const model: DocumentModel = { title: 'corpus', size: 'A4', orientation: 'portrait', margins: MARGIN, fontSize: 16, pageNumbers: 'none', blocks };
    await writeFile(join(dir, 'corpus.docx'), await renderDocx(model, { date: new Date('2024-01-01T00:00:00Z'), author: 'test' }));
    // A profile of its own, so a running LibreOffice or a user's settings cannot interfere.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'corpus.docx')], { stdio: 'ignore', timeout: 120_000 });
    pdf = join(dir, 'corpus.pdf');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('Sarabun is not installed on this machine, so the embedded font is what renders', () => {
    const installed = execFileSync('fc-list', [':family=Sarabun'], { encoding: 'utf8' });
    expect(installed.trim()).toBe('');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.name).toMatch(/Sarabun/);
  });

  it('draws no missing glyph', () => {
    expect(pageGlyphs(pdf).flat().filter((g) => g.gid === 0)).toEqual([]);
  });

  it.each(paragraphs.map((c, i) => [c.name, i] as const))('%s: every line break falls between words', (_, i) => {
    // LibreOffice's PDF export maps the two glyphs of ำ to "ำา"; that is its text layer, not a break.
    const joins = thaiJoins(lines(pageGlyphs(pdf)[i]!).map((l) => l.text.replaceAll('\u0E33\u0E32', '\u0E33')), paragraphs[i]!.text);
    // LibreOffice breaks with its own dictionary: a join is fine where ICU or swath agrees.
    const mid = midWordJoins(joins).filter((j) => !icuBoundaries(j.before + j.after).has(j.at));
    expect(mid.map((j) => `${j.before}|${j.after}`)).toEqual([]);
  });

  it.each(paragraphs.filter((c) => c.align === 'justify').map((c) => [c.name, paragraphs.indexOf(c)] as const))(
    '%s: justified lines end at the margin',
    (_, i) => {
      const all = lines(pageGlyphs(pdf)[i]!);
      expect(all.length).toBeGreaterThan(2);
      // LibreOffice stretches Thai at its own word boundaries and rounds to its layout units.
      for (const line of all.slice(0, -1)) expect(Math.abs(line.right - (A4_WIDTH - MARGIN.right)), line.text).toBeLessThanOrEqual(3);
    },
  );
});
