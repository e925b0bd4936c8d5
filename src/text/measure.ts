// Widths of text in the embedded Sarabun, shaped by fontkit (the copy pdfkit uses,
// so both agree to the point). Used to size table columns before layout.
import { readFileSync } from 'node:fs';
import { FONT_FILES } from '../paths.js';
import { vendor } from '../vendor.js';

/** The part of a fontkit font km-docs uses. */
export interface SarabunFace {
  layout(text: string): {
    advanceWidth: number;
    glyphs: { id: number; advanceWidth: number; path: { toSVG(): string } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
  unitsPerEm: number;
}

// Per font file: the parsed font and the advance width (font units) of each text measured.
const fonts = new Map<string, { font: SarabunFace; widths: Map<string, number> }>();

function font(bold: boolean, italic: boolean) {
  const file = bold ? (italic ? FONT_FILES.bolditalics : FONT_FILES.bold) : italic ? FONT_FILES.italics : FONT_FILES.normal;
  let loaded = fonts.get(file);
  if (!loaded) {
    const fontkit = vendor.fontkit() as { create(data: Buffer): SarabunFace };
    fonts.set(file, (loaded = { font: fontkit.create(readFileSync(file)), widths: new Map() }));
  }
  return loaded;
}

/** The fontkit font of a Sarabun face, parsed once per process. */
export function sarabunFace(style: { bold?: boolean; italic?: boolean } = {}): SarabunFace {
  return font(Boolean(style.bold), Boolean(style.italic)).font;
}

/** Advance width in points of `text` set at `size` points. */
export function textWidth(text: string, style: { size: number; bold?: boolean; italic?: boolean }): number {
  const { font: f, widths } = font(Boolean(style.bold), Boolean(style.italic));
  let units = widths.get(text);
  if (units === undefined) widths.set(text, (units = f.layout(text).advanceWidth));
  return (units / f.unitsPerEm) * style.size;
}
