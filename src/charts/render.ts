// A chart block laid out once, then drawn as vectors (PDF) or as a PNG (DOCX).
import type { Block, Chart } from '../document/model.js';
import { textWidth } from '../text/measure.js';
import { textOutlinesSvg } from '../text/outlines.js';
import { memoizedByText } from '../util/memo.js';
import { vendor } from '../vendor.js';
import { chartToSvg, layoutBarChart, type ChartLayout } from './bar-chart.js';
import { indexedPng } from './png.js';

export function layoutChart(chart: Chart, fontSize: number): ChartLayout {
  const size = chart.size ?? fontSize;
  return layoutBarChart({ ...chart, fontSize: size }, (text) => textWidth(text, { size }));
}

// Word keeps pictures at 220 ppi unless told otherwise (File > Options > Advanced,
// "Default resolution"), so a finer picture is resampled on the first save anyway.
// 300 dpi took twice as long to make (two charts: a fifth of a batch organization's build).
const CHART_DPI = 220;

/**
 * PNGs by SVG source: a rebuild (watch mode) rasterises only the charts whose
 * figures changed. resvg draws on libuv's thread pool (renderAsync), so a chart
 * asked for early (Backend.prepare) is drawn while the main thread lays out the
 * documents before it.
 */
const rasterised = memoizedByText(rasteriseSvg, 64);

/** A chart's SVG at CHART_DPI as a PNG. Its labels are outlines (chartSvg): resvg loads no font, not even a system one. */
export async function rasteriseSvg(svg: string): Promise<Uint8Array> {
  const options = {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'zoom' as const, value: CHART_DPI / 72 },
    background: 'rgba(255,255,255,1)',
  };
  const image = await vendor.resvg().renderAsync(svg, options);
  return indexedPng(image.pixels, image.width, image.height) ?? image.asPng();
}

/** The SVG a chart is rasterised from, its labels as Sarabun's glyph outlines shaped by fontkit (as in the PDF). */
export function chartSvg(chart: Chart, fontSize: number): string {
  return chartToSvg(layoutChart(chart, fontSize), { labels: textOutlinesSvg });
}

/** The chart rasterised (see rasteriseSvg). */
export function chartPng(chart: Chart, fontSize: number): Promise<Uint8Array> {
  return rasterised(chartSvg(chart, fontSize));
}

/** Keeps `png`, made by rasteriseSvg in another process, as the picture of `svg`. */
export function keepChartPng(svg: string, png: Uint8Array): void {
  rasterised.keep(svg, Promise.resolve(png));
}

/** Every chart of `blocks`, however deep, in document order. */
export function chartsIn(blocks: readonly Block[], found: Chart[] = []): Chart[] {
  for (const b of blocks) {
    if (b.kind === 'chart') found.push(b);
    else if (b.kind === 'list') for (const item of b.items) chartsIn(item, found);
    else if (b.kind === 'table') for (const row of b.rows) for (const cell of row.cells) chartsIn(cell.blocks, found);
  }
  return found;
}
