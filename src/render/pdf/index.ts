// Stage 5, render (PDF): document model → pdfmake document definition → bytes.
// This backend knows nothing of which document it renders.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { POINTS_PER_CM, type Block, type DocumentModel, type Inline } from '../../document/model.js';
import { thaiNumber } from '../../format/thai.js';
import { FONT_FILES, FONTS_DIR } from '../../paths.js';
import type { RenderOptions } from '../options.js';
import type { ChartShape } from '../../charts/bar-chart.js';
import { layoutChart } from '../../charts/render.js';
import { textWidth } from '../../text/measure.js';
import { imageBox } from '../image-size.js';
import { fitColumnWidths, LIST_MARKER } from '../table-widths.js';
import { vendor } from '../../vendor.js';
import { applyPdfmakePatches } from './pdfmake-patches.js';

interface PdfMake {
  setFonts(fonts: object): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;
const allowedDirs = new Set<string>([resolve(FONTS_DIR)]);

function engine(): PdfMake {
  if (!pdfmake) {
    applyPdfmakePatches();
    pdfmake = vendor.pdfmake() as PdfMake;
    pdfmake.setFonts({ Sarabun: FONT_FILES });
    // Documents never fetch anything; local files only from the font and image folders in use.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => [...allowedDirs].some((dir) => resolve(path).startsWith(dir)));
  }
  return pdfmake;
}

const A4 = { width: 595.28, height: 841.89 };

export async function renderPdf(model: DocumentModel, options: RenderOptions): Promise<Uint8Array> {
  const pdf = engine();
  for (const block of model.blocks) if (block.kind === 'image') allowedDirs.add(dirname(resolve(block.src)));
  const dd = toDocDefinition(model, options);
  return new Uint8Array(await pdf.createPdf(dd).getBuffer());
}

export function toDocDefinition(model: DocumentModel, options: RenderOptions): TDocumentDefinitions {
  const landscape = model.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const { margins } = model;
  const contentWidth = pageWidth - margins.left - margins.right;
  const ctx: Context = { contentWidth, fontSize: model.fontSize, marginLeft: margins.left };

  return {
    pageSize: 'A4',
    pageOrientation: model.orientation,
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
    defaultStyle: { font: 'Sarabun', fontSize: model.fontSize, lineHeight: 1 },
    info: {
      title: model.title,
      author: options.author,
      creator: 'km-docs',
      producer: 'km-docs (pdfmake)',
      // A fixed date from the data keeps the bytes identical from run to run.
      creationDate: options.date,
      modDate: options.date,
    },
    header: (page: number) => header(model, page),
    footer: (page: number) =>
      model.pageNumbers === 'bottom-right'
        ? { text: `หน้า ${thaiNumber(page)}`, alignment: 'right', margin: [0, 8, margins.right, 0], fontSize: model.fontSize - 2 }
        : null,
    pageBreakBefore: keepHeadingsWithNext,
    content: blocks(model.blocks, ctx),
  } as TDocumentDefinitions;
}

/** What pdfmake tells a pageBreakBefore function about a node (the parts read here). */
interface LaidOutNode {
  headlineLevel?: number;
  table?: { headerRows?: number };
  startPosition: { top: number };
}

/**
 * pdfmake's pageBreakBefore: a heading (or a paragraph kept with the next block) that
 * nothing follows on its page starts the next page. A table whose first body row went
 * to the next page is still listed on this page with its header rows (pdfmake lays
 * them out, then moves them with the row): those alone do not keep a heading company.
 */
export function keepHeadingsWithNext(node: LaidOutNode, lists: { getFollowingNodesOnPage(): LaidOutNode[] }): boolean {
  if (!node.headlineLevel) return false;
  const [next, ...rest] = lists.getFollowingNodesOnPage();
  if (!next) return true;
  const headerRows = next.table?.headerRows ?? 0;
  if (headerRows === 0) return false;
  // Cells of one row start at one height: on this page only as many rows as the header has.
  return new Set(rest.map((n) => n.startPosition.top)).size <= headerRows;
}

function header(model: DocumentModel, page: number): Content | null {
  const lines: Content[] = [];
  if (model.banner) lines.push({ text: model.banner, alignment: 'center', fontSize: 10, color: '#b00000' });
  // สารบรรณ: page numbers from page 2 on, centred at the top, as "- ๒ -".
  if (model.pageNumbers === 'top-center-dash' && page > 1) lines.push({ text: `- ${thaiNumber(page)} -`, alignment: 'center' });
  if (lines.length === 0) return null;
  // Centred over the text (between the margins), in the top margin.
  return { stack: lines, margin: [model.margins.left, HEADER_TOP, model.margins.right, 0] };
}

/** Distance from the top edge to the page number line. */
const HEADER_TOP = 1.2 * POINTS_PER_CM;

interface Context {
  contentWidth: number;
  fontSize: number;
  /** Left margin of the page, for blocks placed outside the flow. */
  marginLeft: number;
}

function inlines(items: Inline[]): Content[] {
  return items.map((i) => ({ text: i.lineBreak ? `${i.text}\n` : i.text, bold: i.bold, italics: i.italic }));
}

function blocks(items: Block[], ctx: Context): Content[] {
  const out: Content[] = [];
  let breakNext = false;
  for (let i = 0; i < items.length; i++) {
    const b = items[i]!;
    if (b.kind === 'page-break') {
      breakNext = true;
      continue;
    }
    // Paragraphs kept with the next block move to a new page together with it (the
    // closing lines of a ประกาศ with its signature). A table is too long to move
    // whole: a heading before one relies on pageBreakBefore instead.
    let end = i;
    while (keptWithNext(items[end]) && items[end + 1] && items[end + 1]!.kind !== 'table' && items[end + 1]!.kind !== 'page-break') end++;
    const content = (end > i
      ? { stack: items.slice(i, end + 1).map((k) => block(k as Exclude<Block, { kind: 'page-break' }>, ctx)), unbreakable: true }
      : block(b, ctx)) as unknown as Record<string, unknown>;
    i = end;
    if (breakNext) content.pageBreak = 'before';
    breakNext = false;
    out.push(content as unknown as Content);
  }
  return out;
}

type ChartVector = { type: 'rect'; x: number; y: number; w: number; h: number; color: string } | { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number; lineColor: string; dash?: { length: number; space: number } };

/** A chart shape as a pdfmake canvas vector: bars filled, lines stroked (butt caps, as in SVG). */
function canvasVector(shape: ChartShape): ChartVector {
  if (shape.kind === 'rect') return { type: 'rect', x: shape.x, y: shape.y, w: shape.width, h: shape.height, color: shape.fill };
  const dash = shape.dash ? { dash: { length: shape.dash[0], space: shape.dash[1] } } : {};
  return { type: 'line', x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2, lineWidth: shape.strokeWidth, lineColor: shape.stroke, ...dash };
}

function keptWithNext(b: Block | undefined): boolean {
  return b?.kind === 'paragraph' && b.keepWithNext;
}

function block(b: Exclude<Block, { kind: 'page-break' }>, ctx: Context): Content {
  switch (b.kind) {
    case 'paragraph':
      return {
        text: inlines(b.inlines),
        alignment: b.align,
        leadingIndent: b.indent,
        margin: [b.marginLeft, b.spaceBefore, 0, b.spaceAfter],
        fontSize: b.size,
        // pageBreakBefore moves a heading or a keep-with-next paragraph that would end a page.
        headlineLevel: b.keepWithNext ? Math.max(1, b.heading) : undefined,
      } as Content;
    case 'list': {
      const size = b.size ?? ctx.fontSize;
      const markerWidth = LIST_MARKER[b.marker] * size;
      return {
        stack: b.items.map((item, i) => ({
          columns: [
            { width: markerWidth, text: b.marker === 'number' ? `${thaiNumber(i + 1)}.` : b.marker === 'dash' ? '-' : '•' },
            { width: '*', stack: blocks(item, { ...ctx, contentWidth: ctx.contentWidth - markerWidth }) },
          ],
          columnGap: 0,
        })),
        fontSize: b.size,
        margin: [0, b.spaceBefore, 0, 0],
      } as Content;
    }
    case 'table': {
      const widths = fitColumnWidths(b, ctx.contentWidth, ctx.fontSize);
      const body = b.rows.map((row) => {
        const cells: Content[] = [];
        let column = 0;
        for (const cell of row.cells) {
          const width = widths.slice(column, column + cell.colSpan).reduce((a, w) => a + w, 0);
          cells.push({
            stack: blocks(cell.blocks, { ...ctx, contentWidth: width }),
            colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
            rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
            fillColor: cell.fill,
            alignment: cell.align,
          } as Content);
          for (let k = 1; k < cell.colSpan; k++) cells.push({ text: '' });
          column += cell.colSpan;
        }
        return cells;
      });
      return {
        table: {
          widths,
          body,
          headerRows: b.rows.filter((r) => r.header).length,
          // A row moves whole to the next page rather than splitting (unless taller than a page).
          dontBreakRows: true,
          // Never a header row alone at the foot of a page.
          keepWithHeaderRows: 1,
        },
        fontSize: b.size,
        margin: [0, b.spaceBefore, 0, 0],
      } as Content;
    }
    case 'image': {
      if (b.top !== undefined) {
        // Outside the text flow, `top` below the page's edge, centred over the text like the title.
        const box = imageBox(readFileSync(b.src), b.width, b.height);
        return { image: b.src, ...box, absolutePosition: { x: ctx.marginLeft + (ctx.contentWidth - box.width) / 2, y: b.top } } as Content;
      }
      return { image: b.src, width: b.width, height: b.height, alignment: b.align, margin: [0, b.spaceBefore, 0, 0] } as Content;
    }
    case 'chart': {
      // Shapes as pdfmake's canvas vectors (no SVG to parse: pdfmake's SVG path rebuilt
      // its parser's classes for every chart); labels as text of our own engine (that
      // path also drops Thai marks), placed over the shapes relative to the chart's box.
      const chart = layoutChart(b, ctx.fontSize);
      const left = (ctx.contentWidth - chart.width) / 2;
      const canvas = chart.shapes.map(canvasVector);
      const canvasHeight = Math.max(0, ...canvas.map((v) => (v.type === 'rect' ? v.y + v.h : Math.max(v.y1, v.y2)))); // as pdfmake measures it
      const ascent = 1.068 * chart.fontSize; // Sarabun's ascender: pdfmake positions text by its top
      const labels = chart.labels.map((l) => {
        const w = textWidth(l.text, { size: chart.fontSize });
        const x = l.anchor === 'end' ? l.x - w : l.anchor === 'middle' ? l.x - w / 2 : l.x;
        return { text: l.text, fontSize: chart.fontSize, color: l.colour, noWrap: true, relativePosition: { x: left + x, y: l.y - ascent - canvasHeight } };
      });
      return { stack: [{ canvas, margin: [left, 0, 0, 0] }, ...labels], margin: [0, b.spaceBefore, 0, chart.height - canvasHeight], unbreakable: true } as Content;
    }
    case 'signature': {
      // As wide as the page allows around the axis, so the position line never wraps.
      const axis = Math.min(Math.max(b.axis ?? ctx.contentWidth / 2, 0), ctx.contentWidth);
      const width = 2 * Math.min(axis, ctx.contentWidth - axis);
      const left = axis - width / 2;
      const space: Content = b.image
        ? { image: b.image, fit: [width, b.signatureSpace], alignment: 'center' }
        : { text: '', margin: [0, b.signatureSpace, 0, 0] };
      return {
        columns: [
          { width: left, text: '' },
          { width, stack: [space, { text: `(${b.name})` }, ...b.position.map((line) => ({ text: line }))], alignment: 'center' },
        ],
        columnGap: 0,
        unbreakable: true,
        margin: [0, b.spaceBefore, 0, 0],
      } as Content;
    }
    case 'rule': {
      const x = b.align === 'center' ? (ctx.contentWidth - b.width) / 2 : b.align === 'right' ? ctx.contentWidth - b.width : 0;
      return { canvas: [{ type: 'line', x1: x, y1: 0, x2: x + b.width, y2: 0, lineWidth: 0.75 }], margin: [0, b.spaceBefore, 0, 0] } as Content;
    }
    case 'spacer':
      return { canvas: [], margin: [0, b.height, 0, 0] } as Content; // no line box: exactly `height`
  }
}
