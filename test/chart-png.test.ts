// The charts' PNG writer (src/charts/png.ts), read back by an independent
// decoder: resvg draws a PNG given as an <image>, with the Rust png crate.
import { Resvg } from '@resvg/resvg-js';
import { unzipSync } from 'fflate';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { chartToSvg } from '../src/charts/bar-chart.js';
import { indexedPng } from '../src/charts/png.js';
import { layoutChart } from '../src/charts/render.js';

/** The pixels a PNG decodes to, drawn 1:1 by resvg. */
function decoded(png: Uint8Array, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

/** IHDR's colour type (byte 25 of a PNG). */
const colourType = (png: Uint8Array) => png[25];

const chart = layoutChart(
  {
    kind: 'chart',
    bars: [
      { label: 'กิจกรรมที่ ๑', value: 88.46, display: 'ร้อยละ ๘๘.๔๖' },
      { label: 'กิจกรรมที่ ๒', value: 76.28, display: 'ร้อยละ ๗๖.๒๘', highlight: true },
    ],
    max: 100,
    target: { value: 80, label: 'เป้าหมาย ร้อยละ ๘๐' },
    width: 450,
    height: 160,
  },
  16,
);

describe('chart PNGs', () => {
  it('hold a rasterised chart exactly, as palette indices', () => {
    // Labels off: resvg without fonts; the bars, grid and target line are the colours that matter.
    const image = new Resvg(chartToSvg(chart, { labels: false }), { fitTo: { mode: 'zoom', value: 3 }, background: 'white' }).render();
    const png = indexedPng(image.pixels, image.width, image.height)!;
    expect(png).toBeDefined();
    expect(colourType(png)).toBe(3);
    expect(Buffer.compare(Buffer.from(decoded(png, image.width, image.height)), Buffer.from(image.pixels))).toBe(0);
    expect(png.byteLength).toBeLessThan(image.asPng().byteLength);
  });

  it('give way to another encoder for an image with transparency or more than 256 colours', () => {
    const gradient = new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i >> 2) % 251)); // 251 greys
    expect(indexedPng(gradient, 32, 32)).toBeDefined();
    expect(Buffer.from(decoded(indexedPng(gradient, 32, 32)!, 32, 32)).equals(Buffer.from(gradient))).toBe(true);
    const tooMany = new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 3 ? 255 : i % 4 === 0 ? (i >> 2) % 256 : (i >> 10) % 2));
    expect(indexedPng(tooMany, 32, 32)).toBeUndefined();
    const seeThrough = Uint8Array.from(gradient);
    seeThrough[4 * 500 + 3] = 128;
    expect(indexedPng(seeThrough, 32, 32)).toBeUndefined();
  });

  it('reach the annual report DOCX indexed', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'km-docs-chart-png-'));
    try {
      await build({ dataDir: 'data', outDir, only: ['annual-report-2567'], formats: ['docx'] });
      const parts = unzipSync(await readFile(join(outDir, 'annual-report-2567.docx')));
      const charts = Object.entries(parts).filter(([path]) => path.startsWith('word/media/') && path.endsWith('.png') && colourType(parts[path]!) === 3);
      expect(charts.length).toBeGreaterThanOrEqual(2);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
