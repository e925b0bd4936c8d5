// Stage 4b: the XML that a template produced → the typed document model.
// A real XML parser (sax, strict mode) reads it, so data text can never become
// markup: Handlebars escapes <, >, & and quotes in everything it inserts.
import { resolve } from 'node:path';
import sax from 'sax';
import { DiagnosticsError, type Diagnostic } from '../diagnostics.js';
import { POINTS_PER_CM, type Align, type Block, type DocumentModel, type Inline, type PageNumberStyle, type TableCell, type TableRow } from './model.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: (Element | string)[];
  line: number;
  column: number;
}

/** Parses one document's XML; `file` names the template in diagnostics. */
export function parseDocumentXml(xml: string, file: string, baseDir: string): DocumentModel {
  const problems: Diagnostic[] = [];
  const problem = (el: { line: number; column: number } | undefined, en: string) =>
    problems.push({
      severity: 'error',
      rule: 'template/bad-markup',
      file,
      start: el ? { line: el.line, column: el.column } : undefined,
      message_th: 'แม่แบบเอกสารสร้างโครงสร้างที่ไม่ถูกต้อง',
      message_en: en,
    });

  const root = readTree(xml, (line, column, message) => problem({ line, column }, message));
  if (!root) throw new DiagnosticsError(problems);
  if (root.name !== 'document') problem(root, `the root element must be <document>, not <${root.name}>`);

  const length = (el: Element, name: string, fallback: number): number => {
    const value = el.attributes[name];
    if (value === undefined) return fallback;
    const match = /^(-?\d+(?:\.\d+)?)(pt|cm|mm)?$/.exec(value.trim());
    if (!match) {
      problem(el, `<${el.name} ${name}="${value}">: a length is a number with pt, cm or mm`);
      return fallback;
    }
    const n = Number(match[1]);
    return match[2] === 'cm' ? n * POINTS_PER_CM : match[2] === 'mm' ? (n * POINTS_PER_CM) / 10 : n;
  };
  const optionalLength = (el: Element, name: string) => (el.attributes[name] === undefined ? undefined : length(el, name, 0));
  const choice = <T extends string>(el: Element, name: string, allowed: readonly T[], fallback: T): T => {
    const value = el.attributes[name];
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problem(el, `<${el.name} ${name}="${value}">: expected one of ${allowed.join(', ')}`);
    return fallback;
  };
  const ALIGNS = ['left', 'center', 'right', 'justify'] as const;
  const flag = (el: Element, name: string) => el.attributes[name] === 'true';
  const size = (el: Element) => optionalLength(el, 'size');

  const inlines = (children: Element['children'], style: { bold?: boolean; italic?: boolean } = {}): Inline[] => {
    const out: Inline[] = [];
    for (const child of children) {
      if (typeof child === 'string') {
        const text = child.replace(/\s+/g, ' ');
        if (text) out.push({ text, ...style });
      } else if (child.name === 'b') out.push(...inlines(child.children, { ...style, bold: true }));
      else if (child.name === 'i') out.push(...inlines(child.children, { ...style, italic: true }));
      else if (child.name === 'br') {
        const last = out[out.length - 1];
        if (last) last.lineBreak = true;
        else out.push({ text: '', lineBreak: true });
      } else problem(child, `<${child.name}> cannot stand inside a paragraph (allowed: b, i, br)`);
    }
    return trimEnds(out);
  };

  const paragraph = (el: Element, heading = 0): Block => ({
    kind: 'paragraph',
    inlines: inlines(el.children, heading ? { bold: true } : {}),
    align: choice(el, 'align', ALIGNS, heading ? 'center' : 'left'),
    indent: length(el, 'indent', 0),
    marginLeft: length(el, 'margin-left', 0),
    spaceBefore: length(el, 'before', 0),
    spaceAfter: length(el, 'after', 0),
    size: size(el),
    keepWithNext: heading > 0 || flag(el, 'keep-with-next'),
    heading,
  });

  const BLOCK_NAMES = new Set(['p', 'h1', 'h2', 'h3', 'ul', 'table', 'img', 'chart', 'signature', 'rule', 'space', 'page-break']);

  /** Content of a list item or a table cell: blocks, or inline text that becomes one paragraph. */
  const flow = (el: Element, align?: Align): Block[] => {
    const hasBlocks = el.children.some((c) => typeof c !== 'string' && BLOCK_NAMES.has(c.name));
    if (!hasBlocks) {
      const p = paragraph(el) as Extract<Block, { kind: 'paragraph' }>;
      if (align) p.align = align;
      return [p];
    }
    return blocks(el.children);
  };

  const block = (el: Element): Block | undefined => {
    switch (el.name) {
      case 'p':
        return paragraph(el);
      case 'h1':
      case 'h2':
      case 'h3':
        return paragraph(el, Number(el.name[1]));
      case 'ul':
        return {
          kind: 'list',
          marker: choice(el, 'marker', ['dash', 'bullet', 'number'] as const, 'dash'),
          items: elements(el, 'li').map((li) => flow(li)),
          size: size(el),
          spaceBefore: length(el, 'before', 0),
        };
      case 'table': {
        const widths = (el.attributes.widths ?? '').split(',').map(Number);
        if (widths.some((w) => !(w > 0))) problem(el, '<table widths="…">: comma-separated positive numbers, one per column');
        const rows: TableRow[] = elements(el, 'tr').map((tr) => ({
          header: flag(tr, 'header'),
          cells: elements(tr, 'td').map((td): TableCell => {
            // A cell's alignment: its own, else its row's, else the table's.
            const alignOwner = [td, tr, el].find((e) => e.attributes.align !== undefined);
            const align = alignOwner ? choice(alignOwner, 'align', ALIGNS, 'left') : undefined;
            return {
              blocks: flow(td, align),
              colSpan: Number(td.attributes.colspan ?? 1),
              rowSpan: Number(td.attributes.rowspan ?? 1),
              align,
              fill: td.attributes.fill,
            };
          }),
        }));
        for (const row of rows) {
          const span = row.cells.reduce((n, c) => n + c.colSpan, 0);
          if (span > widths.length) problem(el, `a table row spans ${span} columns but the table has ${widths.length}`);
        }
        return { kind: 'table', widths, rows, size: size(el), spaceBefore: length(el, 'before', 0) };
      }
      case 'img':
        return {
          kind: 'image',
          src: resolvePath(baseDir, el.attributes.src ?? ''),
          width: optionalLength(el, 'width'),
          height: optionalLength(el, 'height'),
          align: choice(el, 'align', ALIGNS, 'center'),
          spaceBefore: length(el, 'before', 0),
          top: optionalLength(el, 'top'),
        };
      case 'chart': {
        const target = el.attributes.target;
        return {
          kind: 'chart',
          bars: elements(el, 'bar').map((bar) => ({
            label: bar.attributes.label ?? '',
            value: Number(bar.attributes.value),
            display: bar.attributes.display ?? bar.attributes.value ?? '',
            highlight: flag(bar, 'highlight'),
          })),
          max: el.attributes.max === undefined ? undefined : Number(el.attributes.max),
          target: target === undefined ? undefined : { value: Number(target), label: el.attributes['target-label'] ?? target },
          width: length(el, 'width', 16 * POINTS_PER_CM),
          height: length(el, 'height', 7 * POINTS_PER_CM),
          size: size(el),
          spaceBefore: length(el, 'before', 0),
        };
      }
      case 'signature':
        return {
          kind: 'signature',
          name: el.attributes.name ?? '',
          position: elements(el, 'line').map((line) => text(line)),
          image: el.attributes.image ? resolvePath(baseDir, el.attributes.image) : undefined,
          signatureSpace: length(el, 'space', 1.5 * POINTS_PER_CM),
          axis: optionalLength(el, 'axis'),
          spaceBefore: length(el, 'before', 0),
        };
      case 'rule':
        return { kind: 'rule', width: length(el, 'width', 4 * POINTS_PER_CM), align: choice(el, 'align', ALIGNS, 'center'), spaceBefore: length(el, 'before', 0) };
      case 'space':
        return { kind: 'spacer', height: length(el, 'height', 12) };
      case 'page-break':
        return { kind: 'page-break' };
      default:
        problem(el, `unknown element <${el.name}>`);
        return undefined;
    }
  };

  const blocks = (children: Element['children']): Block[] => {
    const out: Block[] = [];
    for (const child of children) {
      if (typeof child === 'string') {
        if (child.trim()) problem(undefined, `text outside a paragraph: "${child.trim().slice(0, 40)}"`);
        continue;
      }
      const b = block(child);
      if (b) out.push(b);
    }
    return out;
  };

  const elements = (el: Element, name: string): Element[] =>
    el.children.filter((c): c is Element => {
      if (typeof c === 'string') return false;
      if (c.name !== name) problem(c, `<${el.name}> may contain only <${name}>, found <${c.name}>`);
      return c.name === name;
    });

  const model: DocumentModel = {
    title: root.attributes.title ?? '',
    size: 'A4',
    orientation: choice(root, 'orientation', ['portrait', 'landscape'] as const, 'portrait'),
    margins: {
      top: length(root, 'margin-top', 72),
      right: length(root, 'margin-right', 72),
      bottom: length(root, 'margin-bottom', 72),
      left: length(root, 'margin-left', 72),
    },
    fontSize: length(root, 'font-size', 16),
    pageNumbers: choice<PageNumberStyle>(root, 'page-numbers', ['none', 'top-center-dash', 'bottom-right'], 'none'),
    banner: root.attributes.banner || undefined,
    blocks: blocks(root.children),
  };
  if (problems.length) throw new DiagnosticsError(problems);
  return model;
}

function readTree(xml: string, onError: (line: number, column: number, message: string) => void): Element | undefined {
  const parser = sax.parser(true, { position: true, trim: false, normalize: false });
  const stack: Element[] = [];
  let root: Element | undefined;
  let failed = false;
  parser.onerror = (error) => {
    failed = true;
    onError(parser.line + 1, parser.column + 1, error.message.split('\n')[0]!);
    parser.error = null as unknown as Error; // sax: clear to continue
  };
  parser.onopentag = (tag) => {
    const el: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      line: parser.line + 1,
      column: parser.column + 1,
    };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
    root ??= el;
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(text);
  };
  parser.write(xml).close();
  return failed ? undefined : root;
}

function text(el: Element): string {
  return el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('').replace(/\s+/g, ' ').trim();
}

/** Whitespace at the start and end of a paragraph is layout of the template, not content. */
function trimEnds(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first) first.text = first.text.replace(/^\s+/, '');
  const last = inlines[inlines.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return inlines.filter((i) => i.text || i.lineBreak);
}

function resolvePath(baseDir: string, path: string): string {
  return resolve(baseDir, path);
}
