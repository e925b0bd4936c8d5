// Horizontal bar charts, laid out by d3-scale (bands, linear scale, ticks). One
// layout is drawn as vectors in the PDF and as an SVG rasterised for the DOCX, so
// both show one chart. Labels and numbers arrive formatted (Thai digits).
import { scaleBand, scaleLinear } from 'd3-scale';
import { thaiNumber } from '../format/thai.js';
import type { PlacedText } from '../text/outlines.js';
import { svgNumber as fmt } from '../util/svg-number.js';

export interface Bar {
  label: string;
  value: number;
  /** The value as printed at the end of the bar. */
  display: string;
  /** Drawn in the warning colour (e.g. below target). */
  highlight?: boolean;
}

export interface BarChartSpec {
  bars: Bar[];
  /** Upper end of the value axis; the largest value when absent. */
  max?: number;
  /** A vertical reference line, e.g. the 80 % target. */
  target?: { value: number; label: string };
  width: number; // points
  height: number; // points
  fontSize: number;
}

const COLOURS = { bar: '#2f5d8a', highlight: '#c0504d', axis: '#555555', grid: '#d9d9d9', target: '#c0504d', text: '#000000' };
/** A label: anchor point x per `anchor`, y the baseline. */
export type ChartLabel = PlacedText;

/** A bar (fill only) or a grid, axis or target line (stroke only), in points from the chart's top left. */
export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; dash?: readonly [number, number] };

/** A laid-out chart: its shapes and its labels, kept apart so each renderer draws
 *  the shapes its own way (PDF vectors, SVG for the DOCX picture) and can set the
 *  Thai labels with its own text engine. */
export interface ChartLayout {
  width: number;
  height: number;
  fontSize: number;
  shapes: ChartShape[];
  labels: ChartLabel[];
}

export function layoutBarChart(spec: BarChartSpec, measure: (text: string) => number): ChartLayout {
  const { width, height, fontSize, bars } = spec;
  // Room for the longest label on the left, the value labels on the right, the ticks below.
  const left = Math.min(width * 0.45, Math.max(...bars.map((b) => measure(b.label))) + fontSize * 0.6);
  const right = Math.max(...bars.map((b) => measure(b.display))) + fontSize * 0.8;
  const top = spec.target ? fontSize * 1.6 : fontSize * 0.4;
  const bottom = fontSize * 1.8;
  const x = scaleLinear()
    .domain([0, spec.max ?? Math.max(...bars.map((b) => b.value), spec.target?.value ?? 0)])
    .range([left, width - right])
    .nice();
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([top, height - bottom])
    .padding(0.25);
  const shapes: ChartShape[] = [];
  const labels: ChartLabel[] = [];
  for (const tick of x.ticks(5)) {
    shapes.push({ kind: 'line', x1: x(tick), y1: top, x2: x(tick), y2: height - bottom, stroke: COLOURS.grid, strokeWidth: 0.5 });
    labels.push({ text: thaiNumber(tick), x: x(tick), y: height - bottom + fontSize * 1.2, anchor: 'middle', colour: COLOURS.axis });
  }
  bars.forEach((bar, i) => {
    const y0 = y(i)!;
    const middle = y0 + y.bandwidth() / 2 + fontSize * 0.35;
    shapes.push({ kind: 'rect', x: left, y: y0, width: Math.max(0, x(bar.value) - left), height: y.bandwidth(), fill: bar.highlight ? COLOURS.highlight : COLOURS.bar });
    labels.push({ text: bar.label, x: left - fontSize * 0.3, y: middle, anchor: 'end', colour: COLOURS.text });
    labels.push({ text: bar.display, x: x(bar.value) + fontSize * 0.3, y: middle, anchor: 'start', colour: COLOURS.text });
  });
  shapes.push({ kind: 'line', x1: left, y1: top, x2: left, y2: height - bottom, stroke: COLOURS.axis, strokeWidth: 0.75 });
  if (spec.target) {
    const tx = x(spec.target.value);
    shapes.push({ kind: 'line', x1: tx, y1: top - fontSize * 0.2, x2: tx, y2: height - bottom, stroke: COLOURS.target, strokeWidth: 1.25, dash: [4, 3] });
    labels.push({ text: spec.target.label, x: tx, y: top - fontSize * 0.45, anchor: 'middle', colour: COLOURS.target });
  }
  return { width, height, fontSize, shapes, labels };
}

/**
 * The chart as one SVG document. `labels` draws the labels as SVG markup (see
 * text/outlines.ts); without it they are left out, for a caller that sets them itself.
 */
export function chartToSvg(chart: ChartLayout, options: { labels?: (labels: readonly ChartLabel[], fontSize: number) => string } = {}): string {
  const labels = options.labels?.(chart.labels, chart.fontSize) ?? '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(chart.width)}" height="${fmt(chart.height)}" viewBox="0 0 ${fmt(chart.width)} ${fmt(chart.height)}">` +
    `${chart.shapes.map(shapeToSvg).join('')}${labels}</svg>`
  );
}

function shapeToSvg(shape: ChartShape): string {
  if (shape.kind === 'rect') return `<rect x="${fmt(shape.x)}" y="${fmt(shape.y)}" width="${fmt(shape.width)}" height="${fmt(shape.height)}" fill="${shape.fill}"/>`;
  const dash = shape.dash ? ` stroke-dasharray="${shape.dash.join(' ')}"` : '';
  return `<line x1="${fmt(shape.x1)}" y1="${fmt(shape.y1)}" x2="${fmt(shape.x2)}" y2="${fmt(shape.y2)}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"${dash}/>`;
}
