// Stage 5, render (DOCX): document model → docx objects → bytes. The same
// model as the PDF; Word and LibreOffice lay out the text themselves, so our
// job is to tell them the right font and language for every run.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalPositionRelativeFrom,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import { chartPng, chartsIn } from '../../charts/render.js';
import type { Align, Block, Chart, DocumentModel, Inline, Paragraph as ModelParagraph } from '../../document/model.js';
import { thaiNumber } from '../../format/thai.js';
import { FONT_FILES } from '../../paths.js';
import type { RenderOptions } from '../options.js';
import { imageBox } from '../image-size.js';
import { CELL_PADDING, fitColumnWidths, LIST_MARKER } from '../table-widths.js';
import { packDocx, withSeededRandom } from './deterministic.js';
import { applyDocxPatches, imageRunHashedNatively, writePartOnceFor } from './docx-patches.js';
import { converted, keptByContent, writtenBlock } from './written-blocks.js';

const FONT = 'Sarabun';
const RUN_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
/** Twentieths of a point, OOXML's page unit. */
const twips = (points: number) => Math.round(points * 20);
const A4 = { width: 595.28, height: 841.89 };

const fontData = new Map<string, Buffer>();
const fontFile = (path: string) => {
  let data = fontData.get(path);
  if (!data) fontData.set(path, (data = readFileSync(path)));
  return data;
};

/** The Sarabun faces the document uses, to embed: each face is ~80 KB in every DOCX. */
function embeddedFonts(model: DocumentModel) {
  const used = { bold: false, italic: false, boldItalic: false };
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') {
        for (const i of b.inlines) {
          if (i.bold && i.italic) used.boldItalic = true;
          else if (i.bold) used.bold = true;
          else if (i.italic) used.italic = true;
        }
      } else if (b.kind === 'list') b.items.forEach(visit);
      else if (b.kind === 'table') b.rows.forEach((row) => row.cells.forEach((cell) => visit(cell.blocks)));
    }
  };
  visit(model.blocks);
  return {
    name: FONT,
    data: fontFile(FONT_FILES.normal),
    ...(used.bold ? { bold: fontFile(FONT_FILES.bold) } : {}),
    ...(used.italic ? { italic: fontFile(FONT_FILES.italics) } : {}),
    ...(used.boldItalic ? { boldItalic: fontFile(FONT_FILES.bolditalics) } : {}),
  };
}

export async function renderDocx(model: DocumentModel, options: RenderOptions): Promise<Uint8Array> {
  applyDocxPatches();
  const landscape = model.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const contentWidth = pageWidth - model.margins.left - model.margins.right;
  const chartImages = new Map<Chart, Uint8Array>();
  await renderCharts(model.blocks, model.fontSize, chartImages);
  let drawings = 0;
  const drawing = (name: string, description?: string) => ({ id: String(++drawings), name, description });
  const ctx: Context = { contentWidth, fontSize: model.fontSize, chartImages, drawing };

  const banner = model.banner ? [new Paragraph({ alignment: AlignmentType.CENTER, children: runs([{ text: model.banner }], { size: 10, color: 'B00000' }) })] : [];
  const pageNumber = (align: (typeof AlignmentType)[keyof typeof AlignmentType], prefix: string, suffix: string) =>
    new Paragraph({
      alignment: align,
      children: [
        ...runs([{ text: prefix }], {}),
        new TextRun({ children: [PageNumber.CURRENT], font: RUN_FONT, language: THAI, size: model.fontSize * 2, sizeComplexScript: model.fontSize * 2 }),
        ...runs([{ text: suffix }], {}),
      ],
    });
  const topNumbers = model.pageNumbers === 'top-center-dash';

  const styles = {
    default: {
      document: {
        run: { font: RUN_FONT, size: model.fontSize * 2, sizeComplexScript: model.fontSize * 2, language: THAI },
        // No w:line here: LibreOffice reads a bare w:line="240" as an exact height and overlaps Thai lines.
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
  };
  const doc = withSeededRandom(options.date.getTime() % 2 ** 31, () => new Document({
    creator: 'km-docs',
    title: model.title,
    lastModifiedBy: 'km-docs',
    description: options.author,
    fonts: [embeddedFonts(model)],
    styles,
    sections: [
      {
        properties: {
          titlePage: topNumbers, // สารบรรณ: no number on the first page
          page: {
            size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, width: twips(A4.width), height: twips(A4.height) },
            margin: { top: twips(model.margins.top), right: twips(model.margins.right), bottom: twips(model.margins.bottom), left: twips(model.margins.left), header: twips(18), footer: twips(18) },
            pageNumbers: { formatType: NumberFormat.THAI_NUMBERS },
          },
        },
        headers: {
          default: new Header({ children: [...banner, ...(topNumbers ? [pageNumber(AlignmentType.CENTER, '- ', ' -')] : [])] }),
          ...(topNumbers ? { first: new Header({ children: banner }) } : {}),
        },
        footers:
          model.pageNumbers === 'bottom-right'
            ? { default: new Footer({ children: [pageNumber(AlignmentType.RIGHT, 'หน้า ', '')] }) }
            : undefined,
        children: blocks(model.blocks, ctx, true),
      },
    ],
  }));
  // Parts made from these options and docx's defaults, nothing else: the styles
  // (docx's default styles and the type size), the theme, and the notes (none but
  // docx's separators).
  writePartOnceFor(doc.Styles, `styles ${JSON.stringify(styles)}`);
  writePartOnceFor(doc.Theme, 'theme');
  writePartOnceFor(doc.FootNotes.View, 'footnotes');
  writePartOnceFor(doc.Endnotes.View, 'endnotes');
  return packDocx(doc, options.date);
}

interface Context {
  contentWidth: number;
  fontSize: number;
  chartImages: Map<Chart, Uint8Array>;
  /** Drawing ids numbered per document: docx's own counter runs across documents, so output would vary. */
  drawing(name: string, description?: string): { id: string; name: string; description?: string };
}

const THAI = { value: 'th-TH', bidirectional: 'th-TH' };
const LATIN = { value: 'en-US', bidirectional: 'th-TH' };
const THAI_CHAR = /[\u0E00-\u0E7F]/;
const LATIN_CHAR = /[A-Za-z]/;

/**
 * One model inline → TextRuns split by script: Thai runs say th-TH so Word breaks
 * them with its Thai dictionary, Latin runs en-US so LibreOffice keeps English words whole.
 */
function runs(items: Inline[], style: { size?: number; color?: string }): TextRun[] {
  const out: TextRun[] = [];
  for (const item of items) {
    for (const piece of splitByScript(item.text)) {
      const options: IRunOptions = {
        text: piece.text,
        bold: item.bold,
        boldComplexScript: item.bold,
        italics: item.italic,
        italicsComplexScript: item.italic,
        font: RUN_FONT,
        language: piece.thai ? THAI : LATIN,
        size: style.size ? style.size * 2 : undefined,
        sizeComplexScript: style.size ? style.size * 2 : undefined,
        color: style.color,
      };
      out.push(new TextRun(options));
    }
    if (item.lineBreak) out.push(new TextRun({ text: '', break: 1 }));
  }
  return out;
}

/** Splits text where the script changes; spaces and punctuation stay with the run before them. */
export function splitByScript(text: string): { text: string; thai: boolean }[] {
  const pieces: { text: string; thai: boolean }[] = [];
  for (const char of text) {
    const thai = THAI_CHAR.test(char) ? true : LATIN_CHAR.test(char) ? false : undefined;
    const last = pieces[pieces.length - 1];
    if (last && (thai === undefined || thai === last.thai)) last.text += char;
    else pieces.push({ text: char, thai: thai ?? true });
  }
  return pieces;
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  // "both", not "thaiDistribute": LibreOffice renders thaiDistribute flush left; with
  // th-TH runs both Word and LibreOffice justify Thai at word boundaries.
  justify: AlignmentType.BOTH,
};

// Paragraph properties are written only where they differ from Word's defaults and
// the document's (left, no indent, no spacing, lines may split): a table of a few
// hundred cells otherwise repeats five settings per cell, a third of the XML docx makes.
function paragraph(p: ModelParagraph, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    alignment: p.align === 'left' ? undefined : ALIGN[p.align],
    indent: p.indent || p.marginLeft ? { firstLine: twips(p.indent), left: twips(p.marginLeft) } : undefined,
    spacing: p.spaceBefore || p.spaceAfter ? { before: twips(p.spaceBefore), after: twips(p.spaceAfter) } : undefined,
    keepNext: p.keepWithNext || undefined,
    keepLines: p.heading > 0 || undefined,
    pageBreakBefore: pageBreakBefore || undefined,
    children: runs(p.inlines, { size: p.size }),
  });
}

/** The components of `items`; `keep`: a page's own blocks, each kept by content where it can be (written-blocks.ts). */
function blocks(items: Block[], ctx: Context, keep = false): FileChild[] {
  const out: FileChild[] = [];
  let breakNext = false;
  for (const b of items) {
    if (b.kind === 'page-break') {
      breakNext = true;
      continue;
    }
    const pageBreakBefore = breakNext;
    const convert = () => block(b, ctx, pageBreakBefore);
    const { components, startsWithParagraph } =
      keep && keptByContent(b) ? writtenBlock(b, `${ctx.contentWidth} ${ctx.fontSize} ${pageBreakBefore}`, convert) : converted(convert());
    if (breakNext && !startsWithParagraph) out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    out.push(...components);
    breakNext = false;
  }
  return out;
}

function block(b: Exclude<Block, { kind: 'page-break' }>, ctx: Context, pageBreakBefore: boolean): FileChild[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraph(b, pageBreakBefore)];
    case 'list': {
      const size = b.size ?? ctx.fontSize;
      const markerWidth = LIST_MARKER[b.marker] * size;
      return b.items.flatMap((item, i) => {
        const marker = b.marker === 'number' ? `${thaiNumber(i + 1)}.` : b.marker === 'dash' ? '-' : '•';
        return item.flatMap((inner, j): FileChild[] => {
          if (inner.kind !== 'paragraph') return blocks([inner], { ...ctx, contentWidth: ctx.contentWidth - markerWidth });
          const text: Inline[] = j === 0 ? [{ text: `${marker}\t` }, ...inner.inlines] : inner.inlines;
          return [
            new Paragraph({
              alignment: ALIGN[inner.align],
              indent: { left: twips(markerWidth + inner.marginLeft), hanging: j === 0 ? twips(markerWidth) : 0 },
              tabStops: [{ type: 'left', position: twips(markerWidth) }],
              spacing: { before: twips(i === 0 && j === 0 ? b.spaceBefore : inner.spaceBefore) },
              children: runs(text, { size: inner.size ?? b.size }),
            }),
          ];
        });
      });
    }
    case 'table': {
      // The same columns as the PDF, plus the cell padding that Word counts inside the width.
      const widths = fitColumnWidths(b, ctx.contentWidth, ctx.fontSize).map((w) => w + 2 * CELL_PADDING + 1);
      const rows = b.rows.map(
        (row) =>
          new TableRow({
            tableHeader: row.header,
            cantSplit: true,
            children: (() => {
              let column = 0;
              return row.cells.map((cell) => {
                const width = widths.slice(column, column + cell.colSpan).reduce((a, w) => a + w, 0);
                column += cell.colSpan;
                const content = blocks(
                  cell.blocks.map((inner) => (inner.kind === 'paragraph' && b.size && !inner.size ? { ...inner, size: b.size } : inner.kind === 'list' && b.size && !inner.size ? { ...inner, size: b.size } : inner)),
                  { ...ctx, contentWidth: width, fontSize: b.size ?? ctx.fontSize },
                );
                return new TableCell({
                  children: content.length ? (content as (Paragraph | Table)[]) : [new Paragraph({})],
                  columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
                  rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
                  width: { size: twips(width), type: WidthType.DXA },
                  shading: cell.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill.replace('#', '') } : undefined,
                });
              });
            })(),
          }),
      );
      const table = new Table({
        rows,
        columnWidths: widths.map(twips),
        width: { size: twips(ctx.contentWidth), type: WidthType.DXA },
        layout: TableLayoutType.FIXED,
        // Once for the table (w:tblCellMar), not on every cell.
        margins: { left: twips(CELL_PADDING), right: twips(CELL_PADDING), top: twips(2), bottom: twips(2) },
      });
      return b.spaceBefore ? [new Paragraph({ spacing: { before: twips(b.spaceBefore) }, pageBreakBefore, children: [] }), table] : [table];
    }
    case 'image': {
      const data = readFileSync(b.src);
      const { width, height } = imageBox(data, b.width, b.height);
      if (b.top !== undefined) {
        // Outside the text flow, `top` below the page's edge (EMU: 12700 per point), centred over the text.
        const floating = {
          horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.CENTER },
          verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: Math.round(b.top * 12700) },
          allowOverlap: true,
        };
        const altText = ctx.drawing(basename(b.src));
        return [new Paragraph({ children: [imageRunHashedNatively({ type: 'png', data, transformation: { width: (width * 96) / 72, height: (height * 96) / 72 }, floating, altText })] })];
      }
      return [
        new Paragraph({
          alignment: ALIGN[b.align],
          spacing: { before: twips(b.spaceBefore) },
          pageBreakBefore,
          // docx sizes images in pixels at 96 per inch.
          children: [imageRunHashedNatively({ type: 'png', data, transformation: { width: (width * 96) / 72, height: (height * 96) / 72 }, altText: ctx.drawing(basename(b.src)) })],
        }),
      ];
    }
    case 'signature': {
      const axis = b.axis ?? ctx.contentWidth / 2;
      // Centre text on `axis` by indenting the paragraph symmetrically around it.
      const indent = { left: twips(Math.max(0, 2 * axis - ctx.contentWidth)), right: twips(Math.max(0, ctx.contentWidth - 2 * axis)) };
      const line = (text: string, before = 0) =>
        new Paragraph({ alignment: AlignmentType.CENTER, indent, keepNext: true, spacing: { before: twips(before) }, children: runs([{ text }], {}) });
      const signature = b.image
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              indent,
              keepNext: true,
              spacing: { before: twips(b.spaceBefore) },
              children: [imageRunHashedNatively({ type: 'png', data: readFileSync(b.image), transformation: { width: (b.signatureSpace * 2.5 * 96) / 72, height: (b.signatureSpace * 96) / 72 }, altText: ctx.drawing('signature') })],
            }),
          ]
        : [];
      return [...signature, line(`(${b.name})`, b.image ? 0 : b.spaceBefore + b.signatureSpace), ...b.position.map((p) => line(p))];
    }
    case 'rule': {
      const side = (ctx.contentWidth - b.width) / 2;
      return [
        new Paragraph({
          indent: { left: twips(b.align === 'left' ? 0 : side), right: twips(b.align === 'right' ? 0 : side) },
          spacing: { before: twips(b.spaceBefore) },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
          children: [],
        }),
      ];
    }
    case 'spacer':
      return [new Paragraph({ spacing: { before: twips(b.height) }, pageBreakBefore, children: [] })];
    case 'chart': {
      const data = ctx.chartImages.get(b);
      if (!data) throw new Error('chart image was not rendered before layout');
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: twips(b.spaceBefore) },
          pageBreakBefore,
          keepNext: true,
          children: [
            imageRunHashedNatively({
              type: 'png',
              data,
              transformation: { width: (b.width * 96) / 72, height: (b.height * 96) / 72 },
              altText: ctx.drawing('chart', b.bars.map((bar) => `${bar.label}: ${bar.display}`).join('; ')),
            }),
          ],
        }),
      ];
    }
  }
}

/** Every chart of the document rasterised before the synchronous layout. */
async function renderCharts(items: Block[], fontSize: number, images: Map<Chart, Uint8Array>): Promise<void> {
  for (const chart of chartsIn(items)) images.set(chart, await chartPng(chart, fontSize));
}

/** Starts drawing the model's chart pictures (kept by content, so renderDocx finds them drawn or under way). */
export function prepareDocx(model: DocumentModel): void {
  // A failure is reported by the renderDocx that awaits the same picture.
  for (const chart of chartsIn(model.blocks)) chartPng(chart, model.fontSize).catch(() => {});
}


