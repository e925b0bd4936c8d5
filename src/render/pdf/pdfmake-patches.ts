// The one place that changes pdfmake's internals, for Thai:
//
// 1. Line-break opportunities. pdfmake breaks only where the UAX #14 breaker
//    (the `linebreak` package) allows, which treats a Thai run as one long word.
//    TextBreaker.getBreaks is wrapped to split its pieces again at Thai word
//    boundaries (src/text/segment.ts). Nothing is inserted into the text.
// 2. Words wider than their column. pdfmake then cuts at whatever character
//    fits, which can separate a tone mark from its consonant. buildNextLine is
//    wrapped so that such a word is first split at every ICU boundary (ignoring
//    the keep-whole list) and, if a piece is still too wide, by grapheme cluster.
// 3. Thai justification. pdfmake's `justify` spreads the slack between word
//    pieces: visible holes, and PDF readers copy the holes as spaces. alignLine
//    is wrapped to spread it between grapheme clusters instead (what Word's Thai
//    Distributed and Chromium's inter-character justification do). Each cluster
//    is drawn as its own run, so marks stay shaped with their base (no Tc, which
//    pdfkit does not apply to GPOS-positioned marks).
// 4. Copying Thai text. Readers rebuild text from glyph positions, and Thai
//    stacks zero-width marks whose origins may fall after the next letter
//    (copying "ผูร้ บ" for "ผู้รับ"). Each drawn piece of Thai is wrapped in a
//    marked-content span whose ActualText is its source text, as Typst and
//    Chromium do, so copy, search and screen readers get the exact text.
//    Drawing is unchanged.
// 5. Mark order for text extraction. Sarabun's anchors put some marks' origins a
//    font unit right of where the next letter starts, or a tone mark left of the
//    vowel under it. Readers that order glyphs by x (poppler: Evince, pdftotext)
//    then copy "รว่ม" for "ร่วม" and "ท่ี" for "ที่". fontkit's layout is wrapped
//    to move such marks left by the unit or two needed (invisible: 1/1000 em).
//
// 6. Speed only: pdfmake resolves ~20 style properties per inline by walking the
//    style stack; with the Thai splits inlines are many. Within one measure()
//    call the stack is fixed, so each property is looked up once (section 6 below),
//    and every inline gets one object shape (sameShape), so V8's stores stay fast.
//    A lookup walks the stack without the closure and Set pdfmake makes for each
//    (same values).
// 7. Speed only: pdfkit's content streams keep their lines as strings until the
//    stream is finalized instead of making a Buffer of each (same bytes).
// 8. Speed only: fontkit decodes each font table once per process, not once per
//    document (same bytes).
// 9. Speed only: a PNG with transparency (the emblem) is split into colour and alpha
//    once per process, not in every PDF, and always synchronously.
// 10. Speed only: the word pieces of a line are drawn in one text object (BT … ET)
//    instead of one each with its own state changes, each piece placed by a Td and
//    its marks by TJ adjustments instead of two Tm each (same glyphs at the same places).
// 11. Speed only: fontkit's subsetter reads each glyph it embeds (its outline bytes,
//    components and metrics) once per process, not once per document (same bytes).
// 12. Speed only: the lists pdfmake hands to a pageBreakBefore function (the nodes
//    after this one on its page, …) come from an index by page instead of a scan of
//    the whole document for each call (same lists, same page breaks).
// 13. Paragraphs are settled before their first line (words wider than a line split,
//    glue no line can hold dropped), and justified ones are broken into lines as a
//    whole: buildNextLine takes the lines that src/render/pdf/line-breaking.ts plans,
//    so a line before a long unbreakable word is not left with holes at its few spaces.
// 14. Speed only: a paragraph's measured word pieces are kept by its text and reused
//    wherever the style properties its measuring read resolve the same (same pieces,
//    same widths, the fonts of the document at hand).
// 15. Speed only: pdfkit shapes each word once per font object, so once per document;
//    the shaped words are kept per font file instead (same glyphs, same positions).
// 16. Speed only: a subset font is written straight from its glyphs, in the layout
//    fontkit's generic encoder gives it; the tables that are the same in every subset
//    of a file are taken once from fontkit's own encoding (same bytes).
//
// Pinned: these wrappers rely on the shapes of pdfmake 0.3.11's inlines, lines
// and writer, and on pdfkit 0.19.1's and fontkit 2.0.4's internals. On any other
// version we refuse to run instead of typesetting Thai wrongly;
// test/pdfmake-patches.test.ts fails too, so an upgrade is deliberate.
import { readFileSync } from 'node:fs';
import zlib, { type CompressCallback, type InputType } from 'node:zlib';
import { FONT_FILES } from '../../paths.js';
import { vendor, type PdfmakeInternal } from '../../vendor.js';
import { orderMarks, type GlyphRun } from '../../text/mark-order.js';
import { bindsToNext, graphemeClusters, isConnective, splitAtBreaks, splitAtWords, THAI_COMBINING_MARKS } from '../../text/segment.js';
import { ConstrainedMemo, type MemoStats } from '../../util/constrained-memo.js';
import { MAX_LETTER_SPACING_EM, planLines } from './line-breaking.js';

export const PATCHED_PDFMAKE_VERSION = '0.3.11';
export const PATCHED_PDFKIT_VERSION = '0.19.1';
export const PATCHED_FONTKIT_VERSION = '2.0.4';

/** The fields of pdfmake's inline objects that the patches read or write. */
export interface PdfmakeInline {
  text: string;
  width?: number;
  x?: number;
  lineEnd?: boolean;
  noNewLine?: boolean;
  noWrap?: boolean;
  leadingCut?: number;
  trailingCut?: number;
  leadingIndent?: number;
  alignment?: string;
  justifyShift?: number;
  /** A piece of a word cut by grapheme cluster (section 2): a break after it is inside the word. */
  midWord?: boolean;
  [style: string]: unknown;
}

interface PdfmakeLine {
  inlines: PdfmakeInline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  leadingCut: number;
  getWidth(): number;
}

interface StyleStack {
  auto<T>(item: unknown, callback: () => T): T;
  getProperty(property: string): unknown;
}

/**
 * The style stack as seen by items that bring no style of their own: pushing such
 * an item changes no property, so each property resolves the same for all of them.
 * `values` gets each property looked up, with what it resolved to.
 */
function memoizedStack(stack: StyleStack, values = new Map<string, unknown>()): StyleStack {
  return {
    auto: (_item, callback) => callback(),
    getProperty(property) {
      if (!values.has(property)) values.set(property, stack.getProperty(property));
      return values.get(property);
    },
  };
}

interface StyleContextStackProto {
  getProperty: Method<[string], unknown>;
}

/** The fields of pdfmake's StyleContextStack that getProperty reads. */
interface StyleContextStackFields {
  styleOverrides?: unknown[];
  styleDictionary: Record<string, Record<string, unknown> | undefined>;
  defaultStyle?: Record<string, unknown>;
}

/**
 * 6, continued. pdfmake 0.3.11's getProperty makes a closure on every call and a Set
 * for every named style it looks into (to stop cycles of `extends`), and section 14
 * asks ~20 properties of every paragraph it finds kept. The same walk, top of the
 * stack down, without them; a named style that extends others is left to pdfmake's
 * own method (km-docs's styles extend none).
 */
function lookUpStylesWithoutAllocating(proto: StyleContextStackProto): void {
  const getProperty = proto.getProperty;
  proto.getProperty = function getPropertyWithoutAllocating(this: StyleContextStackFields, property) {
    const overrides = this.styleOverrides;
    if (overrides) {
      for (let i = overrides.length - 1; i >= 0; i--) {
        const item = overrides[i] as Record<string, unknown>;
        if (typeof item === 'string' || item instanceof String) {
          const style = this.styleDictionary[item as unknown as string];
          if (!style) continue;
          const value = style[property];
          if (value !== undefined && value !== null) return value;
          if (style.extends) return getProperty.call(this, property);
        } else {
          const value = item[property];
          if (value !== undefined && value !== null) return value;
        }
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
}

interface Measurer {
  widthOfText(text: string, inline: PdfmakeInline): number;
}

type Method<Args extends unknown[], R> = (this: any, ...args: Args) => R;

let applied = false;

export function applyPdfmakePatches(): void {
  if (applied) return;
  const version = vendor.pdfmakeVersion();
  if (version !== PATCHED_PDFMAKE_VERSION) {
    throw new Error(
      `km-docs patches pdfmake ${PATCHED_PDFMAKE_VERSION} for Thai line breaking, but pdfmake ${version} is installed. ` +
        'Re-check src/render/pdf/pdfmake-patches.ts against the new version, then update PATCHED_PDFMAKE_VERSION.',
    );
  }
  // Sections 7, 9 and 10 rely on pdfkit's internals too (pdfmake accepts any 0.19.x).
  const pdfkitVersion = vendor.pdfkitVersion();
  if (pdfkitVersion !== PATCHED_PDFKIT_VERSION) {
    throw new Error(`km-docs patches pdfkit ${PATCHED_PDFKIT_VERSION}, but pdfmake draws with pdfkit ${pdfkitVersion}: re-check src/render/pdf/pdfmake-patches.ts.`);
  }
  const internal = <T>(name: PdfmakeInternal) => (vendor.pdfmakeInternal(name) as { default: { prototype: T } }).default;
  const TextInlines = (vendor.pdfmakeInternal('TextInlines') as { default: new (doc: null) => Measurer }).default;
  const measurer = new TextInlines(null);

  // 6. Speed, not typesetting: pdfmake resolves ~20 style properties for every
  //    inline by walking the whole style stack, and the Thai split above makes
  //    inlines many. Within one measure() call the stack is fixed, so for inlines
  //    without a named style (km-docs uses none) each property is looked up once.
  const TextInlinesProto = TextInlines.prototype as unknown as { measure: Method<[PdfmakeInline[], StyleStack | undefined], PdfmakeInline[]> };
  const measure = TextInlinesProto.measure;
  TextInlinesProto.measure = function measureWithStyleMemo(array, styleContextStack) {
    const plain = styleContextStack && array.every((item) => typeof item === 'object' && item.style === undefined && item.section === undefined);
    return measure.call(this, array, plain ? memoizedStack(styleContextStack) : styleContextStack);
  };

  // 6, continued. Each style lookup without pdfmake's per-call closure and Set.
  lookUpStylesWithoutAllocating(internal<StyleContextStackProto>('StyleContextStack').prototype);

  // 14. Measured paragraphs kept by content (measureEachParagraphOnce).
  measureEachParagraphOnce(TextInlines.prototype as unknown as TextInlinesProto);
  // 15. pdfkit's EmbeddedFont is not exported: its prototype is taken from the first font provided.
  const PdfmakeDocumentClass = internal<{ provideFont: Method<[string, boolean, boolean], object> }>('PDFDocument');
  const provideFont = PdfmakeDocumentClass.prototype.provideFont;
  PdfmakeDocumentClass.prototype.provideFont = function provideFontThenPatch(family, bold, italics) {
    const font = provideFont.call(this, family, bold, italics);
    shapeEachWordOncePerFile(Object.getPrototypeOf(font) as EmbeddedFontProto);
    PdfmakeDocumentClass.prototype.provideFont = provideFont;
    return font;
  };

  const TextBreaker = internal<{ getBreaks: Method<[unknown, unknown], PdfmakeInline[]> }>('TextBreaker');
  const getBreaks = TextBreaker.prototype.getBreaks;
  TextBreaker.prototype.getBreaks = function getBreaksAtThaiWords(texts, styleContextStack) {
    return sameShape(getBreaks.call(this, texts, styleContextStack).flatMap(splitInline));
  };

  const LayoutBuilder = internal<{ buildNextLine: Method<[{ _inlines?: PdfmakeInline[] }], unknown> }>('LayoutBuilder');
  const buildNextLine = LayoutBuilder.prototype.buildNextLine;
  LayoutBuilder.prototype.buildNextLine = function buildNextLineWithoutCuttingClusters(textNode) {
    const inlines = textNode._inlines;
    const planned = inlines?.length ? plannedLineLength(textNode, inlines, this.writer.context().availableWidth, measurer) : undefined;
    if (inlines && planned) {
      // pdfmake fills the line from the planned items only, then gets the rest back. They
      // fit; marked noWrap meanwhile, so that pdfmake does not cut the last one because
      // its trailing space would not (the space hangs past the margin).
      const rest = inlines.splice(planned);
      const wraps = inlines.map((inline) => inline.noWrap);
      for (const inline of inlines) inline.noWrap = true;
      const taken = inlines.slice();
      let line: PdfmakeLine;
      try {
        line = buildNextLine.call(this, textNode) as PdfmakeLine;
      } finally {
        taken.forEach((inline, i) => (inline.noWrap = wraps[i]));
      }
      const left = textNode._inlines ?? [];
      textNode._inlines = left.length ? [...left, ...rest] : rest;
      line.lastLineInParagraph = textNode._inlines.length === 0;
      return line;
    }
    // Read after plannedLineLength, which may have split the first inline.
    const first = inlines?.[0];
    if (inlines && first && !first.noWrap) {
      const available = this.writer.context().availableWidth - (first.leadingIndent ?? 0);
      if ((first.width ?? 0) > available) inlines.splice(0, 1, ...splitOverwide(first, available, measurer));
      else if (first.noNewLine && gluedWidth(inlines) > available) first.noNewLine = false;
    }
    return buildNextLine.call(this, textNode);
  };

  indexNodesByPage(LayoutBuilder as unknown as { prototype: LayoutBuilderProto });

  const ElementWriter = internal<{ alignLine: Method<[PdfmakeLine], void> }>('ElementWriter');
  const alignLine = ElementWriter.prototype.alignLine;
  ElementWriter.prototype.alignLine = function alignLineThaiJustified(line) {
    const justify = line.inlines[0]?.alignment === 'justify' && !line.newLineForced && !line.lastLineInParagraph;
    if (!justify || !justifyByClusters(line, this.context().availableWidth, measurer)) alignLine.call(this, line);
  };
  // pdfkit draws each inline as BT … ET; the span goes inside, after the font is set,
  // so readers attribute the text to the right font, size and baseline.
  const PDFDocument = internal<{
    _fragment: Method<[string, number, number, unknown], unknown>;
    addContent(data: string): unknown;
    ref: Method<[unknown], object>;
    openImage: Method<[unknown], object>;
  }>('PDFDocument');
  const fragment = PDFDocument.prototype._fragment;
  PDFDocument.prototype._fragment = function fragmentWithActualText(text, x, y, options) {
    const span = actualTextSpan(text);
    if (!span) return fragment.call(this, text, x, y, options);
    const addContent = this.addContent as (data: string) => unknown;
    this.addContent = (data: string) => {
      if (data === 'ET') addContent.call(this, 'EMC');
      addContent.call(this, data);
      if (data.endsWith(' Tf')) addContent.call(this, span);
      return this;
    };
    try {
      return fragment.call(this, text, x, y, options);
    } finally {
      this.addContent = addContent;
    }
  };

  // 10. One text object per line (see drawLineAsOneTextObject).
  const Renderer = internal<{ renderLine: Method<[RenderedLine, number, number], void>; pdfDocument: PdfkitDocument }>('Renderer');
  const TextDecorator = (vendor.pdfmakeInternal('TextDecorator') as { default: TextDecoratorClass }).default;
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function renderLineAsOneTextObject(line, x, y) {
    if (!drawsAsOneTextObject(line)) return renderLine.call(this, line, x, y);
    drawLineAsOneTextObject(this.pdfDocument, new TextDecorator(this.pdfDocument), line, x || 0, y || 0);
  };

  // 7. Speed only: pdfkit makes a Buffer of every content-stream line as it is written.
  //    Lines are kept as strings and converted together when the stream is finalized,
  //    giving the same bytes. PDFReference is not exported: its prototype is taken
  //    from the first reference a document makes.
  const ref = PDFDocument.prototype.ref;
  PDFDocument.prototype.ref = function refWithBatchedWrites(this: object, data: unknown) {
    const reference = ref.call(this, data);
    batchStringWrites(Object.getPrototypeOf(reference) as PdfReferenceProto);
    PDFDocument.prototype.ref = ref;
    return reference;
  };

  // 9. PNGImage is not exported either: its prototype is taken from the first PNG opened.
  const openImage = PDFDocument.prototype.openImage;
  PDFDocument.prototype.openImage = function openImageSplitOnce(this: object, src: unknown) {
    const image = openImage.call(this, src) as object;
    const proto = Object.getPrototypeOf(image) as Partial<PngImageProto>;
    if (proto.splitAlphaChannel && proto.constructor?.name === 'PNGImage') {
      splitEachPngOnce(proto as PngImageProto);
      PDFDocument.prototype.openImage = openImage;
    }
    return image;
  };

  const fontkitClasses = fontkitPrototypes();
  decodeEachTableOnce(fontkitClasses.font);
  orderMarksForExtraction(fontkitClasses.font);
  readEachSubsetGlyphOnce(fontkitClasses.subset);
  writeEachSubsetDirectly(fontkitClasses.subset);
  applied = true;
}

interface BuiltInlines {
  items: PdfmakeInline[];
  minWidth: number;
  maxWidth: number;
}

interface TextInlinesProto {
  buildInlines: Method<[unknown, StyleStack | undefined], BuiltInlines>;
}

/** The parts of pdfmake's PDFDocument that choose fonts. */
interface PdfmakeDocument {
  fonts: Record<string, Record<string, unknown>>;
  fontCache: Record<string, Record<string, object>>;
  provideFont(family: string, bold: boolean, italics: boolean): object;
}

/** A font as pdfmake's provideFont is asked for it. */
interface FontChoice {
  family: string;
  bold: boolean;
  italics: boolean;
}

interface MeasuredParagraph extends BuiltInlines {
  /** The font of each item, by name: the font objects belong to one document. */
  fonts: FontChoice[];
  /** The items' keys beyond pdfmake's own, found once when kept instead of on every copy. */
  extraKeys: string[];
}

/**
 * 14. pdfmake measures every text node of every document: it breaks the text into
 * pieces (with the Thai split of section 1), resolves ~20 style properties for each
 * piece and shapes it to get its width, for paragraphs that come back in every
 * document (headings, the activities, the factors) and in every organization. A
 * measured paragraph is kept by its text, with the style properties its measuring
 * read and what they resolved to, and the font files it used
 * (src/util/constrained-memo.ts); where all of them resolve the same, the paragraph
 * gets copies of the kept pieces with its own document's fonts, asked for in the
 * same order as measuring asks (pdfkit numbers fonts by first use). Measuring
 * changes nothing else in the document, so the bytes are the same.
 *
 * Only text whose items bring no named style of their own: the memo then reads
 * style properties only from the stack (as section 6 assumes).
 */
function measureEachParagraphOnce(proto: TextInlinesProto): void {
  const buildInlines = proto.buildInlines;
  proto.buildInlines = function buildInlinesOnce(this: { pdfDocument: PdfmakeDocument }, textArray, stack) {
    const key = stack && paragraphKey(textArray);
    if (key === undefined) return buildInlines.call(this, textArray, stack);
    const doc = this.pdfDocument;
    const resolve = (property: string) => (property.startsWith(FONT_FILE_READ) ? fontFileRead(doc, property) : stack!.getProperty(property));
    const kept = measuredParagraphs.get(key, resolve);
    if (kept) {
      const items = copiesWith(kept.items, kept.extraKeys);
      items.forEach((item, i) => {
        const { family, bold, italics } = kept.fonts[i]!;
        item.font = doc.provideFont(family, bold, italics);
      });
      return { items, minWidth: kept.minWidth, maxWidth: kept.maxWidth };
    }
    const reads = new Map<string, unknown>();
    const built = buildInlines.call(this, textArray, memoizedStack(stack!, reads));
    // A paragraph's items mostly share one font: each is looked up once.
    const choices = new Map<unknown, FontChoice | undefined>();
    const fonts = built.items.map((item) => {
      if (!choices.has(item.font)) choices.set(item.font, fontChoiceOf(doc, item.font));
      return choices.get(item.font);
    });
    if (fonts.every((font) => font !== undefined)) {
      for (const font of fonts) {
        const read = `${FONT_FILE_READ}${font.family}\u0000${fontType(font)}`;
        reads.set(read, fontFileRead(doc, read));
      }
      // Kept without the font objects, which would keep this document's fonts alive.
      const extra = extraKeys(built.items);
      const items = copiesWith(built.items, extra);
      for (const item of items) item.font = undefined;
      measuredParagraphs.set(key, reads, { items, extraKeys: extra, fonts, minWidth: built.minWidth, maxWidth: built.maxWidth }, items.length);
    }
    return built;
  };
}

/**
 * Weighed in word pieces: ~0.6 KB each with their entry (the example set's four PDFs
 * keep 2,700 in 1.7 MB), so at most ~18 MB; a batch organization adds ~300.
 */
const MAX_KEPT_PIECES = 30_000;
const measuredParagraphs = new ConstrainedMemo<MeasuredParagraph>(MAX_KEPT_PIECES);

/** How often section 14 found a paragraph measured before (for tests). */
export function measuredParagraphStats(): MemoStats {
  return measuredParagraphs.stats();
}

/** Drops the paragraphs (section 14) and the shaped words (section 15) kept so far (for tests). */
export function forgetKeptMeasurements(): void {
  measuredParagraphs.clear();
  for (const file of fontFiles) file.words.clear();
}

/** A read that is not a style property: which file a font family's style is. */
const FONT_FILE_READ = '\u0000font file\u0000';

function fontFileRead(doc: PdfmakeDocument, read: string): unknown {
  const [family, type] = read.slice(FONT_FILE_READ.length).split('\u0000') as [string, string];
  return doc.fonts[family]?.[type];
}

/** pdfmake's getFontType. */
function fontType({ bold, italics }: FontChoice): string {
  return bold && italics ? 'bolditalics' : bold ? 'bold' : italics ? 'italics' : 'normal';
}

function fontChoiceOf(doc: PdfmakeDocument, font: unknown): FontChoice | undefined {
  for (const [family, types] of Object.entries(doc.fontCache)) {
    for (const [type, provided] of Object.entries(types)) {
      if (provided === font) return { family, bold: type.startsWith('bold'), italics: type.endsWith('italics') };
    }
  }
  return undefined;
}

/**
 * The text as a key, or undefined where its items could read styles the memo does
 * not see, or hold what JSON does not show (functions, a cycle).
 */
function paragraphKey(textArray: unknown): string | undefined {
  let keyable = true;
  try {
    const key = JSON.stringify(textArray, (name, value: unknown) => {
      if (name === 'style' || name === 'section' || typeof value === 'function') keyable = false;
      return value;
    });
    return keyable ? key : undefined;
  } catch {
    return undefined;
  }
}

interface EmbeddedFontProto {
  layoutCached: Method<[string], PdfkitRun>;
}

/** A shaped word as pdfkit's EmbeddedFont.layout takes it. */
interface PdfkitRun {
  glyphs: { id: number; codePoints: number[]; advanceWidth: number }[];
  positions: object[];
  advanceWidth: number;
}

/**
 * 15. pdfkit's EmbeddedFont keeps each word it shapes (layoutCached), but a font
 * object lives for one document, so every PDF shaped its words again (fontkit's
 * GSUB and GPOS in JavaScript, or copies from a per-process cache of fontkit's runs)
 * and scaled them to 1000 units; with section 14, measuring no longer shapes a kept
 * paragraph's words, and drawing would shape them all. The scaled runs are kept per
 * font file instead (a word's code points, which pdfkit's ToUnicode
 * map takes, are those of its first shaping in the process, as they were). pdfkit
 * reads only a glyph's id, code points and advance width, so the kept runs hold just
 * those (the font's own glyph objects would keep its document alive); it never changes
 * a run once scaled (it already hands the same run to every use of a word).
 */
function shapeEachWordOncePerFile(proto: EmbeddedFontProto): void {
  if (typeof proto.layoutCached !== 'function' || proto.layoutCached.name === 'layoutCachedPerFile') return;
  const layoutCached = proto.layoutCached;
  proto.layoutCached = function layoutCachedPerFile(this: { font: FontkitFont; layoutCache?: object }, text) {
    if (!this.layoutCache) return layoutCached.call(this, text);
    const { words } = fontFileOf(this.font);
    let run = words.get(text);
    if (!run) {
      const shaped = layoutCached.call(this, text);
      run = {
        glyphs: shaped.glyphs.map(({ id, codePoints, advanceWidth }) => ({ id, codePoints, advanceWidth })),
        positions: shaped.positions,
        advanceWidth: shaped.advanceWidth,
      };
      if (words.size >= MAX_KEPT_WORDS) words.clear();
      words.set(text, run);
    }
    return run;
  };
}

const MAX_KEPT_WORDS = 50_000;

/**
 * 8. pdfkit parses every font anew for each document, and fontkit then decodes its
 * tables (cmap, hmtx, GSUB, GPOS …) again. Decoded tables are plain data, so fonts with
 * the same bytes share them. Glyph objects stay per font: pdfkit's ToUnicode map takes
 * each glyph's code points from the font that made it, so sharing whole fonts would make
 * a document's bytes depend on the documents built before it.
 */
function decodeEachTableOnce(TTFFont: TTFFontProto): void {
  const decodeTable = TTFFont._decodeTable;
  TTFFont._decodeTable = function decodeTableOnce(this: FontkitFont, table) {
    const { tables } = fontFileOf(this);
    if (!tables.has(table.tag)) tables.set(table.tag, decodeTable.call(this, table));
    return tables.get(table.tag);
  };
}

/** What every font object read from the same file (the same bytes) can share. */
interface FontFile {
  bytes: Uint8Array;
  /** Decoded tables by tag (section 8). */
  tables: Map<string, unknown>;
  /** Glyphs as the subsetter copies them, by glyph id (section 11). */
  subsetGlyphs: Map<number, SubsetGlyph>;
  /** pdfkit's shaped words, by text (section 15). */
  words: Map<string, PdfkitRun>;
  /** The tables of a subset font as fontkit writes them, in its order (section 16). */
  subsetTables?: SubsetTable[];
}
const fontFiles: FontFile[] = [];

interface FontkitFont {
  stream: { buffer: Uint8Array };
}

/** Each font object's file, looked up once per object (comparing the bytes is not free: ~8 µs for Sarabun). */
const fileOfFont = new WeakMap<FontkitFont, FontFile>();

function fontFileOf(font: FontkitFont): FontFile {
  let file = fileOfFont.get(font);
  if (file) return file;
  const bytes = font.stream.buffer;
  file = fontFiles.find((f) => f.bytes === bytes || Buffer.compare(f.bytes, bytes) === 0);
  if (!file) fontFiles.push((file = { bytes, tables: new Map(), subsetGlyphs: new Map(), words: new Map() }));
  fileOfFont.set(font, file);
  return file;
}

/** One glyph as fontkit's TrueType subsetter takes it from the font file. */
interface SubsetGlyph {
  /** The glyph's bytes in the glyf table (never written to: a composite is copied first). */
  bytes: Uint8Array;
  /** A composite's components: where each one's glyph id sits in `bytes`, and that id. */
  components?: { pos: number; glyphID: number }[];
  advance: number;
  bearing: number;
}

interface TTFSubsetProto {
  _addGlyph(this: TTFSubset, gid: number): number;
  encode(this: TTFSubset): Uint8Array;
}
interface TTFSubset {
  font: FontkitFont & {
    _variationProcessor?: unknown;
    loca: { offsets: number[]; version: number };
    createSubset(): TTFSubset;
    getGlyph(gid: number): { advanceWidth: number; _decode(): { numberOfContours: number; components?: { pos: number; glyphID: number }[] } | null; _getMetrics(): { leftBearing: number } };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  glyphs: number[];
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

/**
 * 11. Each PDF embeds a subset of each Sarabun face it uses, and fontkit's subsetter
 * (TTFSubset._addGlyph) decodes every glyph it copies, to find a composite's
 * components (แ is two เ; most stacked marks are composites), and reads its metrics:
 * a twelfth of a PDF's time. All of that depends on the font file alone, so it is
 * read once per file; what depends on the subset, the renumbered component ids, is
 * still written per subset, into a copy. The subset's bytes are fontkit's own.
 */
function readEachSubsetGlyphOnce(TTFSubset: TTFSubsetProto): void {
  const addGlyph = TTFSubset._addGlyph;
  TTFSubset._addGlyph = function addGlyphReadOnce(this: TTFSubset, gid) {
    if (this.font._variationProcessor) return addGlyph.call(this, gid); // outlines re-encoded per instance
    const kept = fontFileOf(this.font).subsetGlyphs;
    let glyph = kept.get(gid);
    if (!glyph) {
      const source = this.font.getGlyph(gid);
      const decoded = source._decode();
      const stream = this.font._getTableStream('glyf');
      stream.pos += this.font.loca.offsets[gid]!;
      const bytes = new Uint8Array(stream.readBuffer(this.font.loca.offsets[gid + 1]! - this.font.loca.offsets[gid]!));
      const components = decoded && decoded.numberOfContours < 0 ? decoded.components!.map(({ pos, glyphID }) => ({ pos, glyphID })) : undefined;
      glyph = { bytes, components, advance: source.advanceWidth, bearing: source._getMetrics().leftBearing };
      kept.set(gid, glyph);
    }
    let bytes = glyph.bytes;
    if (glyph.components) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of glyph.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

/** One table of a subset font: its bytes where they are the same in every subset of the file. */
interface SubsetTable {
  tag: string;
  bytes?: Uint8Array;
}

/** The tables fontkit 2.0.4's TTFSubset.encode computes for each subset; the others it re-encodes unchanged. */
const SUBSET_OWN_TABLES = new Set(['loca', 'glyf', 'hmtx']);
/** Where the glyph count sits in maxp and the count of metrics in hhea (OpenType: maxp, hhea). */
const MAXP_NUM_GLYPHS = 4;
const HHEA_NUMBER_OF_METRICS = 34;

/**
 * 16. fontkit's TTFSubset.encode puts the subset's tables through restructure's
 * generic encoder: head, hhea, maxp, cvt, prep and fpgm decoded and encoded again,
 * then loca, glyf and hmtx number by number, a fiftieth of an organization's build.
 * Its output is a table directory (tag "true", checksums 0) followed by the tables,
 * one after another in a fixed order. The tables that do not depend on the glyphs
 * are taken from fontkit's own encoding of a one-glyph subset of the same file (maxp
 * and hhea then get this subset's counts); loca, glyf and hmtx are written here from
 * the glyphs _addGlyph collected, as fontkit writes them. A font with variations
 * (never Sarabun) is left to fontkit. test/pdfmake-patches.test.ts compares the bytes
 * with those of fontkit unpatched.
 */
function writeEachSubsetDirectly(TTFSubset: TTFSubsetProto): void {
  const encode = TTFSubset.encode;
  TTFSubset.encode = function encodeDirectly(this: TTFSubset) {
    if (this.font._variationProcessor) return encode.call(this);
    const file = fontFileOf(this.font);
    file.subsetTables ??= tablesOf(encode.call(this.font.createSubset()));
    // What fontkit's encode does first: every glyph added (composites add their components).
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [] };
    this.hmtx = { metrics: [] };
    for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]!);
    this.loca.offsets.push(this.offset);
    const tables = file.subsetTables.map(({ tag, bytes }) => ({ tag, bytes: bytes ? withCounts(tag, bytes, this.glyf.length) : ownTable(this, tag) }));
    return fontFileBytes(tables);
  };
}

/** The tables of a font file as fontkit wrote it, in its order; loca, glyf and hmtx without their bytes. */
function tablesOf(font: Uint8Array): SubsetTable[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables: SubsetTable[] = [];
  for (let i = 0, count = view.getUint16(4); i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    tables.push({ tag, bytes: SUBSET_OWN_TABLES.has(tag) ? undefined : font.slice(offset, offset + view.getUint32(entry + 12)) });
  }
  return tables;
}

/** A table taken from fontkit's one-glyph subset, with this subset's glyph count (every glyph has its own metric). */
function withCounts(tag: string, bytes: Uint8Array, glyphs: number): Uint8Array {
  const at = tag === 'maxp' ? MAXP_NUM_GLYPHS : tag === 'hhea' ? HHEA_NUMBER_OF_METRICS : -1;
  if (at < 0) return bytes;
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint16(at, glyphs);
  return copy;
}

/** loca, glyf or hmtx of `subset`, as fontkit's structures encode them. */
function ownTable(subset: TTFSubset, tag: string): Uint8Array {
  if (tag === 'glyf') return Buffer.concat(subset.glyf);
  if (tag === 'hmtx') {
    const bytes = new DataView(new ArrayBuffer(4 * subset.hmtx.metrics.length));
    subset.hmtx.metrics.forEach(({ advance, bearing }, i) => {
      bytes.setUint16(4 * i, advance);
      bytes.setInt16(4 * i + 2, bearing);
    });
    return new Uint8Array(bytes.buffer);
  }
  // Short offsets (head.indexToLocFormat 0, the font's own) are stored halved.
  const { offsets } = subset.loca;
  const short = subset.font.loca.version === 0;
  const bytes = new DataView(new ArrayBuffer((short ? 2 : 4) * offsets.length));
  offsets.forEach((offset, i) => (short ? bytes.setUint16(2 * i, offset >>> 1) : bytes.setUint32(4 * i, offset)));
  return new Uint8Array(bytes.buffer);
}

/** A font file as fontkit's Directory writes it: header, entries (checksum 0), then the tables in order. */
function fontFileBytes(tables: { tag: string; bytes: Uint8Array }[]): Uint8Array {
  const headerSize = 12 + 16 * tables.length;
  const out = new Uint8Array(headerSize + tables.reduce((sum, { bytes }) => sum + bytes.length, 0));
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.set([0x74, 0x72, 0x75, 0x65]); // "true"
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let offset = headerSize;
  tables.forEach(({ tag, bytes }, i) => {
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length;
  });
  return out;
}

/** What pdfmake tells a pageBreakBefore function about a node, and the lists it offers. */
interface NodeInfo {
  pageNumbers: number[];
}
interface PageBreakLists {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
  getPreviousNodesOnPage(): NodeInfo[];
}
/** The lists as pdfmake itself computes them, kept for test/pdfmake-patches.test.ts. */
export interface IndexedPageBreakLists extends PageBreakLists {
  unindexed: PageBreakLists;
}
interface LayoutNode {
  positions: { pageNumber: number }[];
  text?: unknown;
  listMarker?: unknown;
  nodeInfo?: NodeInfo;
}
type PageBreakBefore = (nodeInfo: NodeInfo, lists: PageBreakLists) => boolean;
interface LayoutBuilderProto {
  layoutDocument(this: LayoutBuilderProto, ...args: unknown[]): unknown;
  tryLayoutDocument(this: LayoutBuilderProto, ...args: unknown[]): { linearNodeList: LayoutNode[] };
  _laidOutNodes?: LayoutNode[];
}

/**
 * 12. After each layout pass pdfmake asks the document's pageBreakBefore function about
 * every node, offering lists such as the nodes that follow it on its page; each list
 * scans the rest of the document. km-docs asks for each heading that must stay with
 * what follows, so a 1,000-activity AAR spent half its time in these scans (35 of
 * 75 s). Here the nodes of the pass are indexed by page once, as pdfmake numbers them
 * (its renderable nodes, in order, on the pages each touches), and each list is read
 * from the index: the same nodes in the same order, so the same page breaks.
 */
function indexNodesByPage(LayoutBuilder: { prototype: LayoutBuilderProto }): void {
  const proto = LayoutBuilder.prototype;
  const tryLayoutDocument = proto.tryLayoutDocument;
  proto.tryLayoutDocument = function tryLayoutDocumentKeepingNodes(...args) {
    const result = tryLayoutDocument.apply(this, args);
    this._laidOutNodes = result.linearNodeList;
    return result;
  };
  const layoutDocument = proto.layoutDocument;
  proto.layoutDocument = function layoutDocumentWithIndexedLists(...args) {
    const pageBreakBefore = args[8] as PageBreakBefore | undefined;
    if (typeof pageBreakBefore !== 'function') return layoutDocument.apply(this, args);
    let indexed: ReturnType<typeof indexByPage> | undefined;
    const builder = this;
    args[8] = (nodeInfo: NodeInfo, lists: PageBreakLists) => {
      const page = nodeInfo.pageNumbers[0]!;
      // Indexed on the first list asked for in a pass (a new pass lays out new nodes with new infos).
      const on = (pageNumber: number, keep: (offset: number) => boolean) => {
        const nodes = builder._laidOutNodes!;
        if (!indexed || indexed.nodes !== nodes || !indexed.byInfo.has(nodeInfo)) indexed = indexByPage(nodes);
        const { infos, byInfo, byPage } = indexed;
        const index = byInfo.get(nodeInfo)!;
        return (byPage.get(pageNumber) ?? []).filter((i) => keep(i - index)).map((i) => infos[i]!);
      };
      const fast: IndexedPageBreakLists = {
        getFollowingNodesOnPage: () => on(page, (after) => after > 0),
        getNodesOnNextPage: () => on(page + 1, (after) => after > 0),
        getPreviousNodesOnPage: () => on(page, (after) => after < 0),
        unindexed: lists,
      };
      return pageBreakBefore(nodeInfo, fast);
    };
    return layoutDocument.apply(this, args);
  };
}

/** pdfmake's renderable nodes of a pass (as addPageBreaksIfNecessary filters them), by their info and by page. */
function indexByPage(nodes: LayoutNode[]) {
  const infos: NodeInfo[] = [];
  const byInfo = new Map<NodeInfo, number>();
  const byPage = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.positions.length === 0 || (node.text === '' && !node.listMarker) || !node.nodeInfo) continue;
    const index = infos.push(node.nodeInfo) - 1;
    byInfo.set(node.nodeInfo, index);
    for (const pageNumber of node.nodeInfo.pageNumbers) {
      let onPage = byPage.get(pageNumber);
      if (!onPage) byPage.set(pageNumber, (onPage = []));
      onPage.push(index);
    }
  }
  return { nodes, infos, byInfo, byPage };
}

/** The parts of a pdfmake line and of its inlines that section 10 reads. */
interface RenderedLine {
  inlines: (PdfmakeInline & { font: PdfkitFont; fontSize: number; x: number; _pageNodeRef?: unknown })[];
  id?: string;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}
interface PdfkitFont {
  id: string;
  ascender: number;
  ref(): object;
  encode(text: string, features?: unknown): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
}
interface PdfkitDocument {
  page: { height: number; fonts: Record<string, object> };
  _font: PdfkitFont;
  _fontSize: number;
  opacity(value: number): unknown;
  fillColor(color: unknown): unknown;
  resolveColor(color: unknown, fallback: string): unknown;
  fontSize(size: number): unknown;
  save(): unknown;
  restore(): unknown;
  transform(...matrix: number[]): unknown;
  addContent(data: string): unknown;
}

type TextDecoratorClass = new (doc: object) => {
  drawBackground(line: object, x: number, y: number): void;
  drawDecorations(line: object, x: number, y: number): void;
};

/** Lines whose inlines need nothing but glyphs drawn: no links, page references, outline entries, super/subscripts. */
function drawsAsOneTextObject(line: RenderedLine): boolean {
  if (line._outline || line._pageNodeRef || line.id) return false;
  return line.inlines.every(
    (i) =>
      !i._pageNodeRef && !i.link && !i.linkToPage && !i.linkToDestination && !i.sup && !i.sub &&
      !i.characterSpacing && !i.fontFeatures && !i.text.includes('\n'),
  );
}

/**
 * 10. pdfmake draws each inline through pdfkit's text(): opacity, colour, an empty fill,
 * save, transform, BT, font, the glyphs, ET, restore, every time; with Thai split into
 * words and justified lines into clusters, that is most of a page's content stream and
 * a sixth of a warm build. Here the inlines of a line that share colour and opacity go
 * in one BT … ET: per inline only its position (Td), its font when it changes, the
 * ActualText span of section 4 and its glyphs in one TJ. Glyphs land where pdfkit's
 * _fragment places them. Backgrounds and decorations are drawn as pdfmake draws them.
 */
function drawLineAsOneTextObject(doc: PdfkitDocument, decorator: InstanceType<TextDecoratorClass>, line: RenderedLine, x: number, y: number): void {
  decorator.drawBackground(line, x, y);
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  let open: { opacity: number; color: unknown; font?: PdfkitFont; size?: number; origin: TextOrigin } | undefined;
  const close = () => {
    if (!open) return;
    doc.addContent('ET');
    doc.restore();
    open = undefined;
  };
  for (const inline of line.inlines) {
    const text = inline.text;
    if (text.length === 0) continue;
    const opacity = typeof inline.opacity === 'number' ? inline.opacity : 1;
    if (!open || open.opacity !== opacity || open.color !== inline.color) {
      close();
      doc.opacity(opacity);
      doc.fillColor(doc.resolveColor(inline.color, 'black'));
      doc.save();
      doc.transform(1, 0, 0, -1, 0, doc.page.height);
      doc.addContent('BT');
      open = { opacity, color: inline.color, origin: { x: 0, y: 0 } };
    }
    const font = inline.font;
    doc._font = font;
    doc.fontSize(inline.fontSize);
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    if (open.font !== font || open.size !== inline.fontSize) {
      doc.addContent(`/${font.id} ${pdfNumber(inline.fontSize)} Tf`);
      Object.assign(open, { font, size: inline.fontSize });
    }
    // pdfkit's _fragment: the baseline is the inline's top plus the font's ascender.
    const top = y + lineHeight - (font.ascender / 1000) * inline.fontSize - descent;
    drawGlyphs(doc, font, inline.fontSize, text, open.origin, x + inline.x, doc.page.height - top - (font.ascender / 1000) * inline.fontSize);
  }
  close();
  decorator.drawDecorations(line, x, y);
}

/** Where the last Td of a text object put the start of the line (BT puts it at 0 0). */
interface TextOrigin {
  x: number;
  y: number;
}

/**
 * The glyphs of one inline from (x, baseline y) in PDF space. pdfkit gives every glyph
 * that GPOS moves (Thai marks) a Tm of its own and one back after it: two thirds of a
 * justified page's content stream. Here the move is a TJ adjustment (in thousandths of
 * an em, as the positions come) and, for the few marks GPOS also raises or lowers, a
 * text rise (Ts) around them. The inline's start is a Td from the previous one,
 * rounded as pdfkit rounds (never accumulating: each Td starts from the rounded origin).
 */
function drawGlyphs(doc: PdfkitDocument, font: PdfkitFont, fontSize: number, text: string, origin: TextOrigin, x: number, y: number): void {
  const dx = pdfNumber(x - origin.x);
  const dy = pdfNumber(y - origin.y);
  doc.addContent(`${dx} ${dy} Td`);
  origin.x += dx;
  origin.y += dy;
  // A document draws the same words and clusters again and again (a justified line is
  // drawn cluster by cluster). What follows the Td depends only on the font object,
  // which is the document's own (its subset numbers the glyphs in the order they are
  // first drawn), the size and the text: kept per font object.
  let drawn = glyphOperatorsOf.get(font);
  if (!drawn) glyphOperatorsOf.set(font, (drawn = new Map()));
  const key = `${fontSize}\u0000${text}`;
  let operators = drawn.get(key);
  if (operators === undefined) drawn.set(key, (operators = glyphOperators(font, fontSize, text)));
  if (operators) doc.addContent(operators);
}

const glyphOperatorsOf = new WeakMap<PdfkitFont, Map<string, string>>();

/** The content-stream lines (joined by newlines, as pdfkit writes them) that draw `text`'s glyphs after the inline's Td. */
function glyphOperators(font: PdfkitFont, fontSize: number, text: string): string {
  const lines: string[] = [];
  const span = actualTextSpan(text);
  if (span) lines.push(span);
  const [encoded, positions] = font.encode(text);
  const scale = fontSize / 1000;
  const items: (string | number)[] = [];
  let glyphs = '';
  // TJ's number moves the next glyph left by that many thousandths of an em.
  let adjustment = 0;
  const showGlyph = (id: string) => {
    if (Math.abs(adjustment) >= 5e-7) {
      if (glyphs) items.push(`<${glyphs}>`);
      items.push(pdfNumber(adjustment));
      glyphs = '';
      adjustment = 0;
    }
    glyphs += id;
  };
  const showText = () => {
    if (glyphs) items.push(`<${glyphs}>`);
    glyphs = '';
    if (items.length) lines.push(`[${items.join(' ')}] TJ`);
    items.length = 0;
  };
  for (let i = 0; i < positions.length; i++) {
    const { xAdvance, advanceWidth, xOffset, yOffset } = positions[i]!;
    adjustment -= xOffset;
    if (yOffset) {
      showText();
      lines.push(`${pdfNumber(yOffset * scale)} Ts`);
      showGlyph(encoded[i]!);
      showText();
      lines.push('0 Ts');
    } else {
      showGlyph(encoded[i]!);
    }
    // A viewer advances by the glyph's own width (the font's /W); the run wants xAdvance.
    adjustment -= xAdvance - advanceWidth - xOffset;
  }
  showText();
  if (span) lines.push('EMC');
  return lines.join('\n');
}

/** A number as pdfkit writes it in content streams (PDFObject.number). */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

interface PngImage {
  image: { data: Uint8Array };
  imgData: Uint8Array | null;
  alphaChannel?: Uint8Array;
  finalize(): unknown;
}
interface PngImageProto {
  splitAlphaChannel: Method<[], unknown>;
  finalize: Method<[], unknown>;
}

/**
 * 9. pdfkit keeps a PNG's alpha as a separate image: it inflates the pixels (png-js, in
 * JavaScript), splits colour from alpha and deflates both, in every PDF (~15 ms per
 * organization for the emblem). The two compressed streams are kept by PNG bytes and
 * shared: pdfkit writes them as they are. png-js inflates through zlib's callback API,
 * which would finish after the rest of the page is written on a first split and before
 * it when kept; inflating synchronously keeps the object order, and so the bytes, the same.
 */
function splitEachPngOnce(proto: PngImageProto): void {
  const split = proto.splitAlphaChannel;
  const kept: { png: Uint8Array; imgData: Uint8Array; alphaChannel: Uint8Array }[] = [];
  proto.splitAlphaChannel = function splitAlphaChannelOnce(this: PngImage) {
    const png = this.image.data;
    let entry = kept.find((k) => k.png === png || Buffer.compare(k.png, png) === 0);
    if (!entry) {
      let parts: { imgData: Uint8Array; alphaChannel: Uint8Array } | undefined;
      this.finalize = () => (parts = { imgData: this.imgData!, alphaChannel: this.alphaChannel! });
      try {
        withSynchronousInflate(() => split.call(this));
      } finally {
        delete (this as Partial<PngImage>).finalize;
      }
      if (!parts) throw new Error('png-js no longer inflates through zlib.inflate: re-check section 9 of src/render/pdf/pdfmake-patches.ts');
      if (kept.length >= MAX_KEPT_PNGS) kept.length = 0;
      kept.push((entry = { png, ...parts }));
    }
    this.imgData = entry.imgData;
    this.alphaChannel = entry.alphaChannel;
    return this.finalize();
  };
}

const MAX_KEPT_PNGS = 32;

function withSynchronousInflate(run: () => void): void {
  const inflate = zlib.inflate;
  zlib.inflate = ((data: InputType, callback: CompressCallback) => callback(null, zlib.inflateSync(data))) as typeof zlib.inflate;
  try {
    run();
  } finally {
    zlib.inflate = inflate;
  }
}

interface PdfReference {
  buffer: (string | Uint8Array)[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
}
interface PdfReferenceProto {
  write: Method<[unknown], void>;
  finalize: Method<[], void>;
}

function batchStringWrites(proto: PdfReferenceProto): void {
  const { write, finalize } = proto;
  proto.write = function writeLater(this: PdfReference, chunk: unknown) {
    if (typeof chunk !== 'string') return write.call(this, chunk);
    // What pdfkit's write does for a string, but without the Buffer.
    const length = chunk.length + 1;
    this.uncompressedLength += length;
    this.data.Length = (this.data.Length ?? 0) + length;
    this.buffer.push(chunk);
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function finalizeWrittenLines(this: PdfReference) {
    if (this.buffer.some((chunk) => typeof chunk === 'string')) this.buffer = joinLines(this.buffer);
    return finalize.call(this);
  };
}

/** Consecutive string lines as one Buffer each ("binary": one byte per char, as pdfkit converts them). */
export function joinLines(chunks: (string | Uint8Array)[]): Uint8Array[] {
  const buffers: Uint8Array[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) buffers.push(Buffer.from(`${lines.join('\n')}\n`, 'binary'));
    lines = [];
  };
  for (const chunk of chunks) {
    if (typeof chunk === 'string') lines.push(chunk);
    else {
      flush();
      buffers.push(chunk);
    }
  }
  flush();
  return buffers;
}

interface TTFFontProto {
  layout: Method<unknown[], GlyphRun>;
  _decodeTable: Method<[{ tag: string }], unknown>;
}

/** The prototypes of fontkit's TrueType fonts and of their subsets (what pdfkit embeds), in the copy pdfkit loads. */
function fontkitPrototypes(): { font: TTFFontProto; subset: TTFSubsetProto } {
  const version = vendor.fontkitVersion();
  if (version !== PATCHED_FONTKIT_VERSION) {
    throw new Error(`km-docs patches fontkit ${PATCHED_FONTKIT_VERSION}, but pdfkit loads fontkit ${version}: re-check src/render/pdf/pdfmake-patches.ts.`);
  }
  const fontkit = vendor.fontkit() as { create(data: Buffer): { createSubset(): object } };
  const font = fontkit.create(readFileSync(FONT_FILES.normal));
  const subset = font.createSubset();
  if (typeof (subset as Partial<TTFSubsetProto>)._addGlyph !== 'function') throw new Error('fontkit has no TTFSubset._addGlyph: re-check src/render/pdf/pdfmake-patches.ts.');
  return { font: Object.getPrototypeOf(font) as TTFFontProto, subset: Object.getPrototypeOf(subset) as TTFSubsetProto };
}

/**
 * Wraps fontkit's layout so marks sit in text order by x. (Shaped words are kept
 * by pdfkit's layoutCached, per font file: section 15.)
 */
function orderMarksForExtraction(TTFFont: TTFFontProto): void {
  const layout = TTFFont.layout;
  TTFFont.layout = function layoutWithMarksInOrder(this: unknown, text: unknown, features?: unknown, ...rest: unknown[]) {
    const run = layout.call(this, text, features, ...rest);
    if (typeof text === 'string' && rest.length === 0) orderMarks(run);
    return run;
  };
}

/**
 * Speed only: pdfmake then adds ~25 properties to every inline; inlines made with
 * different key orders give V8 as many object shapes, and its property stores go
 * megamorphic (a third of layout time). Every inline of a batch is remade with the
 * same keys in one order (absent ones undefined, which pdfmake reads as absent).
 */
function sameShape(inlines: PdfmakeInline[]): PdfmakeInline[] {
  return copiesWith(inlines, extraKeys(inlines));
}

/** The keys some of `inlines` have beyond pdfmake's own. */
function extraKeys(inlines: PdfmakeInline[]): string[] {
  const extra = new Set<string>();
  for (const inline of inlines) for (const key in inline) if (!PDFMAKE_INLINE_KEYS.has(key)) extra.add(key);
  return [...extra];
}

/** Copies of `inlines`, each with pdfmake's keys first, then `extra`. */
function copiesWith(inlines: PdfmakeInline[], extra: readonly string[]): PdfmakeInline[] {
  return inlines.map((inline) => {
    const copy = withPdfmakeKeys(inline);
    for (const key of extra) (copy as Record<string, unknown>)[key] = inline[key];
    return copy;
  });
}

/** One object literal, so every copy starts with the same shape (a loop of keyed stores is slower). */
function withPdfmakeKeys(i: PdfmakeInline): PdfmakeInline {
  return {
    text: i.text, font: i.font, bold: i.bold, italics: i.italics, alignment: i.alignment, fontSize: i.fontSize,
    fontFeatures: i.fontFeatures, characterSpacing: i.characterSpacing, color: i.color, decoration: i.decoration,
    decorationColor: i.decorationColor, decorationStyle: i.decorationStyle, decorationThickness: i.decorationThickness,
    background: i.background, link: i.link, linkToPage: i.linkToPage, linkToDestination: i.linkToDestination,
    noWrap: i.noWrap, opacity: i.opacity, sup: i.sup, sub: i.sub, width: i.width, height: i.height,
    leadingCut: i.leadingCut, trailingCut: i.trailingCut, lineEnd: i.lineEnd, noNewLine: i.noNewLine, leadingIndent: i.leadingIndent,
  };
}
const PDFMAKE_INLINE_KEYS = new Set(Object.keys(withPdfmakeKeys({ text: '' })));

/** One inline becomes several with the same style; only the last keeps the line-end / glue flags. */
export function splitInline(inline: PdfmakeInline): PdfmakeInline[] {
  if (inline.noWrap) return [inline];
  const pieces = reinline(inline, splitAtBreaks(inline.text));
  // A connective (และ, ที่, ของ …) keeps to the word after it: pdfmake's noNewLine
  // moves the pair to the next line together, unless the pair is wider than a line.
  for (const piece of pieces) if (!piece.lineEnd && bindsToNext(piece.text)) piece.noNewLine = true;
  return pieces;
}

function reinline(inline: PdfmakeInline, pieces: readonly string[], measurer?: Measurer): PdfmakeInline[] {
  if (pieces.length === 1) return [inline];
  const { lineEnd, noNewLine, leadingCut, trailingCut, ...style } = inline;
  return pieces.map((text, i) => {
    const piece: PdfmakeInline = { ...style, text };
    if (measurer) piece.width = measurer.widthOfText(text, inline);
    if (i === 0 && leadingCut !== undefined) piece.leadingCut = leadingCut;
    if (i === pieces.length - 1) {
      if (lineEnd) piece.lineEnd = true;
      if (noNewLine) piece.noNewLine = true;
      if (trailingCut !== undefined) piece.trailingCut = trailingCut;
    } else if (trailingCut !== undefined) {
      piece.trailingCut = 0;
    }
    return piece;
  });
}

/**
 * 13. Each paragraph is settled before its first line is made: a word wider than
 * the line is split (section 2) and a glued run wider than the line loses its
 * glue, so that a connective before such a word ends the line before it instead of
 * standing alone. A justified paragraph is then broken into lines as a whole
 * (src/render/pdf/line-breaking.ts) instead of by filling each line in turn. This
 * is done again whenever pdfmake's inlines or the width are not those it was done
 * for (a layout run again, a column of another width).
 */
const paragraphs = new WeakMap<object, { width: number; inlines: Set<PdfmakeInline>; lengths: Map<PdfmakeInline, number> }>();
const SOFT_GLUE = { softGlue: (item: { text: string }) => isConnective(item.text) };

/** The number of inlines the next line takes by the paragraph's plan; undefined: fill it as pdfmake does. */
function plannedLineLength(textNode: object, inlines: PdfmakeInline[], width: number, measurer: Measurer): number | undefined {
  let paragraph = paragraphs.get(textNode);
  if (!paragraph || paragraph.width !== width || !paragraph.inlines.has(inlines[0]!)) {
    const justified = inlines[0]!.alignment === 'justify';
    settle(inlines, width, measurer, justified);
    const lengths = new Map<PdfmakeInline, number>();
    if (justified) {
      let index = 0;
      for (const length of planLines(inlines as (PdfmakeInline & { width: number })[], width, SOFT_GLUE) ?? []) {
        lengths.set(inlines[index]!, length);
        index += length;
      }
    }
    paragraphs.set(textNode, (paragraph = { width, inlines: new Set(inlines), lengths }));
  }
  return paragraph.lengths.get(inlines[0]!);
}

/**
 * Glue no line can hold is dropped. Words wider than a line are split here only for
 * the line breaker (`split`); otherwise when they come to start a line, as before,
 * so that a too-wide phrase keeps as much of itself together as a line holds
 * ("ตามพระราช / บัญญัติจัดซื้อ", not "พัสดุตามพระ / ราชบัญญัติจัด").
 */
function settle(inlines: PdfmakeInline[], width: number, measurer: Measurer, split: boolean): void {
  // Widths as a line ending there counts them: a trailing space hangs past the margin.
  for (let i = 0; split && i < inlines.length; i++) {
    const inline = inlines[i]!;
    const available = width - (i === 0 ? (inline.leadingIndent ?? 0) : 0);
    if (inline.noWrap || (inline.width ?? 0) - (inline.trailingCut ?? 0) <= available) continue;
    const pieces = splitOverwide(inline, available, measurer);
    inlines.splice(i, 1, ...pieces);
    i += pieces.length - 1;
  }
  for (let i = 0; i < inlines.length; i++) {
    if (!inlines[i]!.noNewLine) continue;
    let end = i;
    while (end < inlines.length - 1 && inlines[end]!.noNewLine) end++;
    if (gluedWidth(inlines, i) - (inlines[end]!.trailingCut ?? 0) > width) inlines[i]!.noNewLine = false;
  }
}

/** Width of the inline at `start` and the ones glued to it (noNewLine), as pdfmake keeps them together. */
function gluedWidth(inlines: PdfmakeInline[], start = 0): number {
  let width = 0;
  for (let i = start; i < inlines.length; i++) {
    width += inlines[i]!.width ?? 0;
    if (!inlines[i]!.noNewLine) break;
  }
  return width;
}

/** A word wider than the line: split at any word boundary, then by grapheme cluster, never inside one. */
function splitOverwide(inline: PdfmakeInline, available: number, measurer: Measurer): PdfmakeInline[] {
  const words = reinline(inline, splitAtWords(inline.text), measurer);
  return words.flatMap((word) => {
    if ((word.width ?? 0) <= available) return [word];
    // A break between these pieces is inside a word: the line breaker takes as few as it can.
    const clusters = reinline(word, graphemeClusters(word.text), measurer);
    for (const cluster of clusters.slice(0, -1)) cluster.midWord = true;
    return clusters;
  });
}

/**
 * Spreads a line's slack evenly between its grapheme clusters so the line ends
 * flush right; returns false (leave the line alone) when there is nothing to spread.
 */
function justifyByClusters(line: PdfmakeLine, width: number, measurer: Measurer): boolean {
  const clusters: PdfmakeInline[] = [];
  for (const inline of line.inlines) {
    const { lineEnd, noNewLine, leadingCut, trailingCut, justifyShift, ...style } = inline;
    for (const text of graphemeClusters(inline.text)) clusters.push({ ...style, text, width: measureCluster(measurer, text, inline) });
  }
  // Spaces cut from the start of the line (line.leadingCut) and those that end it hang
  // outside the measure; the slack goes between the clusters in between.
  const isSpace = (c: PdfmakeInline) => /^\s+$/.test(c.text);
  let first = 0;
  while (first < clusters.length && isSpace(clusters[first]!)) first++;
  let last = clusters.length - 1;
  while (last > first && isSpace(clusters[last]!)) last--;
  const start = -line.leadingCut;
  const natural = start + clusters.slice(0, last + 1).reduce((sum, c) => sum + c.width!, 0);
  const slack = width - natural;
  // Text extraction (poppler's, which PDF viewers share in spirit) treats a letter that
  // starts where a zero-width mark was drawn as a possible duplicate, splits the word
  // there and right after it, then calls any gap at such a split a space. So no slack
  // goes after a mark, nor after the letter that follows one (ำ hides a mark before
  // its า); every other gap stays far below a word space.
  const text = clusters.map((c) => c.text).join('');
  let end = -1;
  const inRange = (i: number) => i >= first && i < last;
  const letterGap = clusters.map((c, i) => {
    end += c.text.length;
    const afterMark = MARK.test(text[end]!) || MARK.test(text[end - 1] ?? '') || text[end] === '\u0E33';
    return inRange(i) && !afterMark && !isSpace(c);
  });
  // A space is a word gap already: widening it never misleads a reader.
  const spaceGap = clusters.map((c, i) => inRange(i) && isSpace(c));
  const letters = letterGap.filter(Boolean).length;
  const spaces = spaceGap.filter(Boolean).length;
  if (letters + spaces < 1 || slack <= 0) return false;
  // Evenly between letters and spaces, but past MAX_LETTER_SPACING_EM letters look
  // spaced out and readers see word gaps: the rest goes to the spaces, if any.
  const fontSize = Number(line.inlines[0]?.fontSize ?? 12);
  let shift = slack / (letters + spaces);
  if (spaces > 0 && shift > MAX_LETTER_SPACING_EM * fontSize) shift = MAX_LETTER_SPACING_EM * fontSize;
  const atSpace = spaces > 0 ? (slack - shift * letters) / spaces : 0;
  let x = start;
  clusters.forEach((cluster, i) => {
    cluster.x = x;
    x += cluster.width! + (letterGap[i] ? shift : spaceGap[i] ? atSpace : 0);
  });
  line.inlines = clusters;
  return true;
}

const THAI = /[\u0E00-\u0E7F]/;

/** Section 4: the marked-content span that gives readers a piece's source text, for pieces with Thai. */
function actualTextSpan(text: string): string | undefined {
  return THAI.test(text) ? `/Span <</ActualText <FEFF${utf16Hex(text)}>>> BDC` : undefined;
}

/** UTF-16BE hex of a string, as PDF text strings are written. */
function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}
const MARK = new RegExp(`[${THAI_COMBINING_MARKS}]`);

// Widths of clusters repeat endlessly ("ที่", "การ"); fontkit shapes each only once per font and size.
const widthCache = new WeakMap<object, Map<string, number>>();
function measureCluster(measurer: Measurer, text: string, inline: PdfmakeInline): number {
  const font = inline.font as object;
  let cache = widthCache.get(font);
  if (!cache) widthCache.set(font, (cache = new Map()));
  const key = `${inline.fontSize}|${inline.characterSpacing ?? 0}|${text}`;
  let width = cache.get(key);
  if (width === undefined) cache.set(key, (width = measurer.widthOfText(text, inline)));
  return width;
}
