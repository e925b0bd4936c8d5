// The PNG of a rasterised chart. A chart is a few flat colours and their
// anti-aliased edges (the example report's two: 171 and 126), so an
// indexed-colour PNG holds it exactly in one byte a pixel instead of four, and
// deflate packs its long runs well at a fast level (2). On a 1,375 × 611 px
// chart: resvg's asPng 16–21 ms and 56–79 KB, this 8–11 ms (3 of them resvg
// copying the pixels out) and 30–44 KB; the same pixels, read back by resvg.
// Cold (a build from the snapshot), the per-pixel loop runs interpreted; 95 % of
// a chart's pixels equal the one above, so rows and then spans of 64 pixels that
// equal the row above are compared natively and copied: the annual report's
// DOCX, cold, 204 → 171 and 209 → 178 ms (medians of 11, in turns).
import { crc32, deflateSync } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
const MAX_COLOURS = 256;
/** Pixels compared with the row above at once: 64 (256 bytes), a few letters wide at 220 dpi. */
const SPAN = 64;
/** IHDR colour type 3 (ISO/IEC 15948 §11.2.2): palette indices. */
const INDEXED_COLOUR = 3;

/**
 * An indexed-colour PNG of straight RGBA `pixels`, or undefined when the image is
 * not opaque or has more than 256 colours (then use another encoder: resvg's).
 */
export function indexedPng(pixels: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : new Uint8Array(pixels); // a copy starts at offset 0
  const colours = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const bytes = Buffer.from(aligned.buffer, aligned.byteOffset, width * height * 4);
  const rows = Buffer.allocUnsafe((width + 1) * height);
  const palette: number[] = [];
  const indexOf = new Map<number, number>();
  // Neighbouring pixels are mostly the same colour: look the index up only on a change.
  let previous = -1;
  let index = 0;
  let at = 0;
  for (let y = 0, pixel = 0; y < height; y++) {
    rows[at++] = 0; // filter: none
    // A row like the one above (inside a bar, the white between them) copies its indices.
    if (y > 0 && sameSpan(bytes, pixel, width, width)) {
      rows.copyWithin(at, at - width - 1, at - 1);
      at += width;
      pixel += width;
      continue;
    }
    for (let x = 0; x < width; ) {
      // Most of a row that differs from the one above is still the same as it, span
      // by span (only the edges of bars and letters differ): such a span copies its
      // indices too. It brings no new colour, so the palette keeps its order.
      const span = Math.min(SPAN, width - x);
      if (y > 0 && sameSpan(bytes, pixel, width, span)) {
        rows.copyWithin(at, at - width - 1, at - width - 1 + span);
        at += span;
        pixel += span;
        x += span;
        continue;
      }
      for (const end = x + span; x < end; x++, pixel++) {
        const colour = colours[pixel]!;
        if (colour !== previous) {
          let known = indexOf.get(colour);
          if (known === undefined) {
            const byte = pixel * 4;
            if (pixels[byte + 3] !== 255 || palette.length === MAX_COLOURS * 3) return undefined;
            known = palette.length / 3;
            indexOf.set(colour, known);
            palette.push(pixels[byte]!, pixels[byte + 1]!, pixels[byte + 2]!);
          }
          previous = colour;
          index = known;
        }
        rows[at++] = index;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, INDEXED_COLOUR, 0, 0, 0], 8); // bit depth, colour type, compression, filter, interlace
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('PLTE', Uint8Array.from(palette)), pngChunk('IDAT', deflateSync(rows, { level: 2 })), pngChunk('IEND', new Uint8Array(0))]);
}

/** Whether the `span` pixels from `pixel` on have the same bytes as those one row of `width` above (one native comparison, no copy). */
function sameSpan(bytes: Buffer, pixel: number, width: number, span: number): boolean {
  const start = pixel * 4;
  const above = start - width * 4;
  return bytes.compare(bytes, above, above + span * 4, start, start + span * 4) === 0;
}

/** A PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(typed.length + 8);
  framed.writeUInt32BE(data.length, 0);
  typed.copy(framed, 4);
  framed.writeUInt32BE(crc32(typed), typed.length + 4);
  return framed;
}
