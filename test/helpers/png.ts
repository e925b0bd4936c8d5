// A tiny PNG writer for test images (RGBA, no filter), so tests need no image files.
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../../src/charts/png.js';

/** A width × height RGBA PNG; `ink(x, y)` says which pixels are dark, the rest transparent. */
export function png(width: number, height: number, ink: (x: number, y: number) => boolean): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 4 + 1) + 1 + x * 4;
      if (ink(x, y)) rows.set([20, 20, 90, 255], at);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array())]);
}
