// The charts' PNG writer (src/charts/png.ts), read back by an independent
// decoder: resvg draws a PNG given as an <image>, with the Rust png crate.
import { Resvg } from '@resvg/resvg-js';
import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { chartToSvg } from '../src/charts/bar-chart.js';
import { indexedPng, PNG_SIGNATURE, pngChunk } from '../src/charts/png.js';
import { chartPng, chartSvg, keepChartPng, layoutChart, rasteriseSvg } from '../src/charts/render.js';
import { textOutlinesSvg } from '../src/text/outlines.js';

/** The pixels a PNG decodes to, drawn 1:1 by resvg. */
function decoded(png: Uint8Array, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

/** The indexed PNG of opaque `pixels` written the plain way: each pixel looked up in turn, the palette in order of first use. */
function pixelByPixelPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const palette: number[] = [];
  const indexOf = new Map<number, number>();
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const key = Buffer.from(pixels.buffer, pixels.byteOffset).readUInt32LE(at);
      if (!indexOf.has(key)) {
        indexOf.set(key, palette.length / 3);
        palette.push(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!);
      }
      rows[y * (width + 1) + 1 + x] = indexOf.get(key)!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('PLTE', Uint8Array.from(palette)), pngChunk('IDAT', deflateSync(rows, { level: 2 })), pngChunk('IEND', new Uint8Array(0))]);
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
    // Labels off: the bars, grid and target line are the colours that matter.
    const image = new Resvg(chartToSvg(chart), { fitTo: { mode: 'zoom', value: 3 }, background: 'white' }).render();
    const png = indexedPng(image.pixels, image.width, image.height)!;
    expect(png).toBeDefined();
    expect(colourType(png)).toBe(3);
    expect(Buffer.compare(Buffer.from(decoded(png, image.width, image.height)), Buffer.from(image.pixels))).toBe(0);
    expect(png.byteLength).toBeLessThan(image.asPng().byteLength);
  });

  it('copy spans that match the row above, and write the bytes of a pixel-by-pixel encoder', () => {
    // 150 px wide (spans of 64, 64 and 22): each row is the one above with two
    // pixels of one span changed to colours not seen before, so that the row's
    // other spans are copied.
    const width = 150;
    const height = 9;
    const colours = new Uint32Array(width * height);
    for (let x = 0; x < width; x++) colours[x] = 0xff000000 | ((x % 5) * 0x101010);
    for (let y = 1; y < height; y++) {
      colours.copyWithin(y * width, (y - 1) * width, y * width);
      const span = y % 3;
      for (const x of [span * 64 + y, Math.min(span * 64 + 63, width - 1)]) colours[y * width + x] = 0xff000000 | (y * 0x0a0b0c + x);
    }
    const pixels = new Uint8Array(colours.buffer);
    expect(Buffer.from(indexedPng(pixels, width, height)!).equals(pixelByPixelPng(pixels, width, height))).toBe(true);
    expect(Buffer.from(decoded(indexedPng(pixels, width, height)!, width, height)).equals(Buffer.from(pixels))).toBe(true);
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

  it('set ำ with its า, as the PDF does: a label drawn the same as its spelling with ◌ํ and า', async () => {
    // resvg shaping the labels itself drew สำนัก without the า (the glyph Sarabun's
    // ccmp decomposes ำ into); the labels are fontkit's outlines now.
    const picture = async (label: string) => {
      const png = await rasteriseSvg(chartSvg({ kind: 'chart', bars: [{ label, value: 50, display: 'ร้อยละ ๕๐' }], max: 100, width: 300, height: 80, spaceBefore: 0 }, 16));
      return decoded(png, Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20));
    };
    const composed = await picture('สำนักปลัด');
    expect(Buffer.from(composed).equals(Buffer.from(await picture('ส\u0e4d\u0e32นักปลัด')))).toBe(true);
    expect(Buffer.from(composed).equals(Buffer.from(await picture('สนักปลัด')))).toBe(false);
  });

  it('place outlined text at its anchor and baseline, upright', () => {
    // 1 px a point: ink columns and rows of the text as resvg draws it.
    const ink = (anchor: 'start' | 'end', x: number) => {
      const text = textOutlinesSvg([{ text: 'กองการ', x, y: 30, anchor, colour: '#000000' }], 20);
      const image = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">${text}</svg>`, { background: 'white' }).render();
      const columns: number[] = [];
      const rows: number[] = [];
      for (let y = 0; y < image.height; y++)
        for (let x = 0; x < image.width; x++) if (image.pixels[(y * image.width + x) * 4]! < 128) (columns.push(x), rows.push(y));
      return { left: Math.min(...columns), right: Math.max(...columns) + 1, top: Math.min(...rows), bottom: Math.max(...rows) + 1 };
    };
    const start = ink('start', 10);
    expect(start.left).toBeGreaterThanOrEqual(10);
    expect(start.left).toBeLessThanOrEqual(13);
    expect(start.bottom).toBeGreaterThanOrEqual(29);
    expect(start.bottom).toBeLessThanOrEqual(31); // no descender: the ink ends on the baseline
    expect(start.top).toBeGreaterThan(30 - 20 * 0.8); // letters without marks: ~half an em high
    expect(start.top).toBeLessThan(30 - 20 * 0.35);
    const end = ink('end', 110);
    expect(end.right).toBeLessThanOrEqual(110);
    expect(end.right).toBeGreaterThanOrEqual(107);
    expect(end.right - end.left).toBe(start.right - start.left);
  });

  it('are drawn by the startup snapshot\'s rasteriser process into the bytes a build makes', async () => {
    const chartSource = { kind: 'chart' as const, bars: [{ label: 'กองคลัง', value: 91.5, display: 'ร้อยละ ๙๑.๕' }], max: 100, width: 300, height: 120, spaceBefore: 0 };
    const svg = chartSvg(chartSource, 16);
    const drawn = spawnSync(process.execPath, ['dist/charts/rasterise-process.js'], { input: JSON.stringify([svg]), encoding: 'utf8' });
    expect(drawn.status, drawn.stderr).toBe(0);
    const [png] = JSON.parse(drawn.stdout) as string[];
    expect(Buffer.from(png!, 'base64').equals(Buffer.from(await chartPng(chartSource, 16)))).toBe(true);
  });

  it('kept from another process are the pictures a build finds for the same SVG', async () => {
    const chartSource = { kind: 'chart' as const, bars: [{ label: 'กองช่าง', value: 12.25, display: 'ร้อยละ ๑๒.๒๕' }], max: 100, width: 300, height: 120, spaceBefore: 0 };
    const kept = Uint8Array.from([1, 2, 3]);
    keepChartPng(chartSvg(chartSource, 16), kept);
    expect(await chartPng(chartSource, 16)).toBe(kept);
    expect(await chartPng(chartSource, 18)).not.toBe(kept);
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
