// Stage 1, load: read YAML and keep every node's source range, so later stages
// (schema, consistency rules) can point at file:line:column instead of guessing.
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { DiagnosticBag, type Diagnostic, type Position } from '../diagnostics.js';

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
  MULTIPLE_DOCS: 'ไฟล์ข้อมูลมีได้เพียงเอกสารเดียว ให้ลบบรรทัด "---"',
};

/** The parser's own wording where it speaks to programmers rather than to clerks. */
const YAML_MESSAGES_EN: Record<string, string> = {
  MULTIPLE_DOCS: 'a data file holds one document; remove the "---" line',
  TAB_AS_INDENT: 'tabs are not allowed as indentation; indent with spaces',
};

/** MISSING_CHAR covers several mistakes; the parser's message tells which. */
const MISSING_CHAR: [RegExp, string, string?][] = [
  [/closing .?quote/, 'ไม่มีเครื่องหมายคำพูดปิด (") ของข้อความ', 'a quoted text is not closed with its quotation mark'],
  [/without - indicator/, 'รายการในลิสต์ต้องขึ้นต้นด้วย "- " หรือบรรทัดนี้ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า', 'a list item must start with "- ", or this line is not indented like the one above'],
  [/Missing ,/, 'ขาดเครื่องหมายจุลภาค (,) ระหว่างรายการในวงเล็บ'],
];

/** Errors that stand on their own; after any other syntax error the parser's later complaints are mostly echoes. */
const INDEPENDENT = new Set(['DUPLICATE_KEY']);

/**
 * Reads and parses one YAML file; problems go to `bag`, and `undefined` means nothing usable was read.
 * The text goes to `texts` even when it does not parse, so syntax errors get their code frame too.
 */
export function loadYaml(path: string, displayName: string, bag: DiagnosticBag, texts?: Map<string, string>): YamlSource | undefined {
  let text: string;
  try {
    // Synchronous: see src/write/atomic.ts.
    text = readFileSync(path, 'utf8');
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
  texts?.set(displayName, text);
  return parseYaml(text, displayName, bag);
}

/**
 * The last parses, by text. A clerk's edit changes one file; the rebuild that
 * follows (watch mode, or a start from the snapshot, which parsed data/ when it was
 * made) parses only that one. Parsing is the slow part of loading: plan.yaml's 24 KB
 * take 15 ms warm, 40 ms cold. Kept by the text, not the file's name: the name is
 * how the user sees the path, relative to where the command runs, and a parse found
 * under another name (a command run from another folder) is handed out with this
 * one. Nothing downstream changes a YamlSource (zod gives new objects).
 */
const lastParses = new Map<string, { source: YamlSource | undefined; diagnostics: Diagnostic[] }>();
/** Enough for the files of two data folders; a batch, whose files all differ, keeps only these few. */
const FILES_KEPT = 8;

export function parseYaml(text: string, file: string, bag: DiagnosticBag): YamlSource | undefined {
  let kept = lastParses.get(text);
  if (!kept) {
    const own = new DiagnosticBag();
    kept = { source: parseYamlText(text, file, own), diagnostics: own.items };
    if (lastParses.size >= FILES_KEPT) lastParses.delete(lastParses.keys().next().value!);
  }
  lastParses.delete(text);
  lastParses.set(text, kept);
  for (const diagnostic of kept.diagnostics) bag.add({ ...diagnostic, file });
  const { source } = kept;
  return source && source.file !== file ? { ...source, file } : source;
}

function parseYamlText(text: string, file: string, bag: DiagnosticBag): YamlSource | undefined {
  const lineCounter = new LineCounter();
  // The core schema (YAML 1.2) keeps "2023-12-29" and "no" as strings: no silent type guessing.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  // One broken line makes the parser complain about what follows it too: show the first
  // syntax error, and every duplicate key, which are mistakes of their own.
  let syntaxShown = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    const isError = error.name !== 'YAMLWarning';
    if (isError && !INDEPENDENT.has(error.code)) {
      if (syntaxShown) continue;
      syntaxShown = true;
    }
    const quote = error.code === 'MISSING_CHAR' && /closing .?quote/.test(error.message);
    const start = toPosition(lineCounter, quote ? unclosedQuote(text, error.pos[0]) : firstCharacter(text, error.pos[0]));
    const key = error.code === 'DUPLICATE_KEY' ? keyAt(text, error.pos[0]) : undefined;
    const missing = error.code === 'MISSING_CHAR' ? MISSING_CHAR.find(([pattern]) => pattern.test(error.message)) : undefined;
    bag.add({
      severity: isError ? 'error' : 'warning',
      rule: `yaml/${error.code.toLowerCase().replaceAll('_', '-')}`,
      file,
      start,
      message_th: (missing?.[1] ?? YAML_MESSAGES[error.code] ?? 'รูปแบบ YAML ไม่ถูกต้อง') + (key ? ` ("${key}")` : ''),
      message_en: key ? `the key "${key}" appears twice in the same mapping` : (missing?.[2] ?? YAML_MESSAGES_EN[error.code] ?? firstLine(error.message)),
    });
  }
  if (doc.errors.length > 0) return undefined;
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // yaml refuses documents whose aliases (*name) expand without bound: a user's file, not our bug.
    bag.add({
      severity: 'error',
      rule: 'yaml/too-many-aliases',
      file,
      start: { line: 1, column: 1 },
      message_th: 'ไฟล์อ้างถึงข้อมูลซ้ำ (alias *ชื่อ) มากเกินไป ให้เขียนข้อมูลตรง ๆ แทนการอ้างถึง',
      message_en: `the file expands too many aliases (*name): write the values out instead (${(error as Error).message})`,
    });
    return undefined;
  }
  return { file, text, doc, lineCounter, value };
}

/** An error reported at the start of an indented line is shown at its first character, where the clerk looks. */
function firstCharacter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] !== '\n') return offset;
  return offset + (text.slice(offset).match(/^[ ]*/)?.[0].length ?? 0);
}

/** The key written at `offset` (a duplicate key's name, for the message). */
function keyAt(text: string, offset: number): string | undefined {
  return text.slice(offset).match(/^["']?([^"':\n]+?)["']?\s*:/)?.[1];
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
