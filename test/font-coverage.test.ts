// Every character the data and the templates can print has a glyph in the
// embedded font: no .notdef box can reach a document from them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../src/paths.js';
import { vendor } from '../src/vendor.js';

const fontkit = vendor.fontkit() as {
  create(data: Buffer): { hasGlyphForCodePoint(cp: number): boolean };
};

const files = [
  ...readdirSync('data').filter((f) => /\.ya?ml$/.test(f)).map((f) => join('data', f)),
  ...readdirSync('templates').filter((f) => f.endsWith('.hbs')).map((f) => join('templates', f)),
];
// Template source between {{ }} and YAML comments are never printed.
const printable = (text: string) => text.replace(/\{\{[\s\S]*?\}\}/g, '').replace(/^\s*#.*$/gm, '');

describe('font coverage', () => {
  it.each(Object.entries(FONT_FILES))('Sarabun %s has a glyph for every character of data/ and templates/', (_, path) => {
    const font = fontkit.create(readFileSync(path));
    const missing = new Set<string>();
    for (const file of files) {
      for (const char of printable(readFileSync(file, 'utf8'))) {
        const cp = char.codePointAt(0)!;
        if (cp >= 0x20 && !font.hasGlyphForCodePoint(cp)) missing.add(`${file}: U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${char}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('the check would catch a missing glyph', () => {
    const font = fontkit.create(readFileSync(FONT_FILES.normal));
    expect(font.hasGlyphForCodePoint(0x0e01)).toBe(true); // ก
    expect(font.hasGlyphForCodePoint(0x4e2d)).toBe(false); // 中: not in Sarabun
  });
});
