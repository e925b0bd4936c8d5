// Stage 1, load: read YAML and keep every node's source range, so later stages
// (schema, consistency rules) can point at file:line:column instead of guessing.
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { DiagnosticBag, Position } from '../diagnostics.js';

export type PathKey = string | number;

export interface YamlSource {
  /** The path as the user should see it (relative to where the command runs). */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JavaScript value of the document. */
  value: unknown;
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'ชื่อคีย์ซ้ำกันในระดับเดียวกัน',
  BAD_INDENT: 'การย่อหน้าไม่ถูกต้อง',
  MISSING_CHAR: 'ขาดอักขระที่จำเป็น (เช่น เครื่องหมายคำพูดหรือวงเล็บปิด)',
  MULTILINE_IMPLICIT_KEY: 'คีย์ต้องอยู่ในบรรทัดเดียว',
  UNEXPECTED_TOKEN: 'พบอักขระที่ไม่คาดคิด',
  BLOCK_AS_IMPLICIT_KEY: 'ข้อความมี ": " อยู่ข้างใน (ให้ครอบข้อความด้วยเครื่องหมายคำพูด "...") หรือการย่อหน้าไม่ถูกต้อง',
  TAB_AS_INDENT: 'ห้ามใช้แท็บในการย่อหน้า ให้ใช้ช่องว่าง',
};

/** Reads and parses one YAML file; problems go to `bag`, and `undefined` means nothing usable was read. */
export async function loadYaml(path: string, displayName: string, bag: DiagnosticBag): Promise<YamlSource | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    bag.add({
      severity: 'error',
      rule: 'load/missing-file',
      file: displayName,
      message_th: 'ไม่พบไฟล์ข้อมูล หรือเปิดอ่านไม่ได้',
      message_en: `cannot read the data file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    });
    return undefined;
  }
  return parseYaml(text, displayName, bag);
}

export function parseYaml(text: string, file: string, bag: DiagnosticBag): YamlSource | undefined {
  const lineCounter = new LineCounter();
  // The core schema (YAML 1.2) keeps "2023-12-29" and "no" as strings: no silent type guessing.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  for (const error of [...doc.errors, ...doc.warnings]) {
    const start = toPosition(lineCounter, error.code === 'MISSING_CHAR' ? unclosedQuote(text, error.pos[0]) : error.pos[0]);
    bag.add({
      severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
      rule: `yaml/${error.code.toLowerCase().replaceAll('_', '-')}`,
      file,
      start,
      message_th: YAML_MESSAGES[error.code] ?? 'รูปแบบ YAML ไม่ถูกต้อง',
      message_en: firstLine(error.message),
    });
  }
  if (doc.errors.length > 0) return undefined;
  return { file, text, doc, lineCounter, value: doc.toJS() };
}

/**
 * An unclosed quote runs to the end of the file, where the parser notices it;
 * the clerk's mistake is on the last line before that with an odd number of quotes.
 */
function unclosedQuote(text: string, errorOffset: number): number {
  let offset = 0;
  let found = errorOffset;
  for (const line of text.slice(0, errorOffset).split('\n')) {
    const quotes = (line.replace(/\\"/g, '').match(/"/g) ?? []).length;
    if (quotes % 2 === 1 && !line.trimStart().startsWith('#')) found = offset + line.indexOf('"');
    offset += line.length + 1;
  }
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export interface SourceRange {
  start: Position;
  end: Position;
}

/**
 * The source range of the value at `path`, or of the nearest existing ancestor when
 * the value is missing. With `key: true`, the range of the last key itself (for "unknown key").
 */
export function rangeOf(source: YamlSource, path: readonly PathKey[], options: { key?: boolean } = {}): SourceRange | undefined {
  let node: unknown = source.doc.contents;
  let found: Node | undefined = node as Node;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      if (isLast && options.key) {
        found = pair.key as Node;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      break;
    }
    if (!node) break;
    found = node as Node;
  }
  const range = found?.range;
  if (!range) return undefined;
  return { start: toPosition(source.lineCounter, range[0]), end: toPosition(source.lineCounter, range[1]) };
}
