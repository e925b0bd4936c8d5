// Text as glyph outlines in SVG, shaped by fontkit as the PDF's text is (the copy
// pdfkit uses), so the rasteriser of the DOCX charts needs no font at all. Given
// font files, resvg read the whole file again for each run of text it shaped
// (~330 times a chart) and, shaping on its own, dropped the า of ำ.
import { memoizedByText } from '../util/memo.js';
import { svgNumber as fmt } from '../util/svg-number.js';
import { orderMarks } from './mark-order.js';
import { sarabunFace } from './measure.js';

/** A line of text to draw: `x` per `anchor`, `y` its baseline, in the SVG's units (points). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  colour: string;
}

/** A text shaped once: `<use>`s of its glyphs in font units (y up), its advance width, the glyphs it uses. */
interface Outlined {
  uses: string;
  advance: number;
  glyphs: number[];
}

/** SVG path data of each glyph in font units, y up, by glyph id. */
const outlineOf = new Map<number, string>();

// Chart labels come back in every organization of a batch (names of divisions,
// the target): each is shaped once. Shaping a Thai label costs ~0.15 ms.
const outlined = memoizedByText((text: string): Outlined => {
  const run = sarabunFace().layout(text);
  orderMarks(run); // as the PDF places them, whether or not its patches wrap layout yet
  let uses = '';
  let pen = 0;
  const glyphs: number[] = [];
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    let outline = outlineOf.get(glyph.id);
    if (outline === undefined) outlineOf.set(glyph.id, (outline = glyph.path.toSVG()));
    if (outline !== '') {
      // (a space has no outline)
      glyphs.push(glyph.id);
      uses += `<use href="#g${glyph.id}" x="${pen + position.xOffset}" y="${position.yOffset}"/>`;
    }
    pen += position.xAdvance;
  });
  return { uses, advance: run.advanceWidth, glyphs };
}, 4096);

/**
 * `texts` in regular Sarabun at `size` points: one `<defs>` with each glyph used
 * once, then per text a group, scaled and flipped from font units, that places
 * the glyphs (GPOS offsets included, so the Thai marks sit where the PDF has them).
 */
export function textOutlinesSvg(texts: readonly PlacedText[], size: number): string {
  const scale = size / sarabunFace().unitsPerEm;
  const used = new Set<number>();
  let groups = '';
  for (const placed of texts) {
    const { uses, advance, glyphs } = outlined(placed.text);
    for (const id of glyphs) used.add(id);
    const width = advance * scale;
    const x = placed.anchor === 'end' ? placed.x - width : placed.anchor === 'middle' ? placed.x - width / 2 : placed.x;
    groups += `<g fill="${placed.colour}" transform="translate(${fmt(x)} ${fmt(placed.y)}) scale(${scale} ${-scale})">${uses}</g>`;
  }
  const defs = [...used].sort((a, b) => a - b).map((id) => `<path id="g${id}" d="${outlineOf.get(id)}"/>`);
  return `<defs>${defs.join('')}</defs>${groups}`;
}
