// Stage 2, validate: check one YAML source against its zod schema and turn every
// zod issue into a positioned, bilingual diagnostic.
import { z } from 'zod';
import type { DiagnosticBag } from '../diagnostics.js';
import { rangeOf, type PathKey, type YamlSource } from '../load/yaml-source.js';

type Issue = z.core.$ZodIssue;

/** Returns the typed value, or `undefined` after reporting every problem to `bag`. */
export function checkSchema<T extends z.ZodType>(schema: T, source: YamlSource, bag: DiagnosticBag): z.infer<T> | undefined {
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) report(schema, source, issue, bag);
  return undefined;
}

function report(schema: z.ZodType, source: YamlSource, issue: Issue, bag: DiagnosticBag): void {
  const path = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    for (const key of issue.keys) {
      const range = rangeOf(source, [...path, key], { key: true });
      const suggestion = closest(key, known);
      bag.add({
        severity: 'error',
        rule: 'schema/unknown-key',
        file: source.file,
        ...range,
        message_th: `ไม่รู้จักคีย์ "${key}"${suggestion ? ` หมายถึง "${suggestion}" หรือไม่` : ''}`,
        message_en: `unknown key "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        hint: known.length ? `keys allowed here: ${known.join(', ')}` : undefined,
      });
    }
    return;
  }
  const range = rangeOf(source, path);
  const where = path.length ? path.join('.') : '(document)';
  const { th, en, rule } = describe(issue, source, path);
  bag.add({ severity: 'error', rule, file: source.file, ...range, message_th: `${where}: ${th}`, message_en: `${where}: ${en}` });
}

const TYPE_TH: Record<string, string> = {
  string: 'ข้อความ',
  number: 'ตัวเลข',
  int: 'จำนวนเต็ม',
  boolean: 'true หรือ false',
  array: 'รายการ (list)',
  object: 'ชุดคีย์ (mapping)',
};

function describe(issue: Issue, source: YamlSource, path: PathKey[]): { th: string; en: string; rule: string } {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(source.value, path) === undefined) {
        return { rule: 'schema/missing-key', th: 'ขาดข้อมูลที่จำเป็น', en: 'required value is missing' };
      }
      const expected = String(issue.expected);
      return {
        rule: 'schema/wrong-type',
        th: `ต้องเป็น${TYPE_TH[expected] ?? expected}`,
        en: `expected ${expected}, found ${describeValue(valueAt(source.value, path))}`,
      };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        return small
          ? { rule: 'schema/too-few', th: `ต้องมีอย่างน้อย ${limit} รายการ`, en: `needs at least ${limit} item(s)` }
          : { rule: 'schema/too-many', th: `มีได้ไม่เกิน ${limit} รายการ`, en: `allows at most ${limit} item(s)` };
      }
      if (issue.origin === 'string') {
        return { rule: 'schema/empty-text', th: 'ข้อความต้องไม่ว่าง', en: 'text must not be empty' };
      }
      return small
        ? { rule: 'schema/out-of-range', th: `ต้องไม่น้อยกว่า ${limit}`, en: `must be at least ${limit}` }
        : { rule: 'schema/out-of-range', th: `ต้องไม่เกิน ${limit}`, en: `must be at most ${limit}` };
    }
    case 'invalid_format': {
      if (issue.format === 'date') {
        return {
          rule: 'schema/bad-date',
          th: `วันที่ "${String(valueAt(source.value, path))}" ไม่ถูกต้อง ต้องเขียนแบบ ปปปป-ดด-วว ในปีคริสต์ศักราช และเป็นวันที่มีอยู่จริง`,
          en: `"${String(valueAt(source.value, path))}" is not a real date written YYYY-MM-DD (Gregorian year)`,
        };
      }
      if (issue.format === 'url') {
        return { rule: 'schema/bad-url', th: 'ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https://', en: 'a web address must start with http:// or https://' };
      }
      if (issue.format === 'regex') {
        return { rule: 'schema/bad-id', th: 'รหัสต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เท่านั้น', en: 'an id uses only lower-case a-z, digits and "-"' };
      }
      return { rule: 'schema/bad-format', th: 'รูปแบบไม่ถูกต้อง', en: issue.message };
    }
    case 'invalid_value':
      return {
        rule: 'schema/not-allowed',
        th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${issue.values.map(String).join(', ')}`,
        en: `must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return {
        rule: 'schema/no-variant',
        th: 'ไม่ตรงกับรูปแบบใดที่อนุญาต',
        en: `matches none of the allowed forms (${issue.errors.map((e) => e.map((i) => i.path.join('.') || i.code).join('+')).join(' | ')})`,
      };
    default:
      return { rule: `schema/${issue.code.replaceAll('_', '-')}`, th: 'ข้อมูลไม่ถูกต้อง', en: issue.message };
  }
}

function valueAt(root: unknown, path: PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing (null)';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The keys an object schema at `path` allows, found by walking the schema itself. */
function knownKeys(schema: z.ZodType, path: PathKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = node.shape[key as string] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  return node;
}

/** The known key within edit distance 2 of `key`, if any: a typo, not a different word. */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
