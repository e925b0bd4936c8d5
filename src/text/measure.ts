// Widths of text in the embedded Sarabun, shaped by fontkit (the copy pdfkit uses,
// so both agree to the point). Used to size table columns before layout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FILES } from '../paths.js';

interface Font {
  layout(text: string): { advanceWidth: number };
  unitsPerEm: number;
}

const require = createRequire(import.meta.url);
const fonts = new Map<string, Font>();

function font(bold: boolean, italic: boolean): Font {
  const file = bold ? (italic ? FONT_FILES.bolditalics : FONT_FILES.bold) : italic ? FONT_FILES.italics : FONT_FILES.normal;
  let loaded = fonts.get(file);
  if (!loaded) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): Font };
    fonts.set(file, (loaded = fontkit.create(readFileSync(file))));
  }
  return loaded;
}

/** Advance width in points of `text` set at `size` points. */
export function textWidth(text: string, style: { size: number; bold?: boolean; italic?: boolean }): number {
  const f = font(Boolean(style.bold), Boolean(style.italic));
  return (f.layout(text).advanceWidth / f.unitsPerEm) * style.size;
}
