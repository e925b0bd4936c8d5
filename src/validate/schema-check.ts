// Stage 2, validate: check one YAML source against its zod schema and turn every
// zod issue into a positioned, bilingual diagnostic.
import { z } from 'zod';
import type { DiagnosticBag } from '../diagnostics.js';
import { rangeOf, type PathKey, type YamlSource } from '../load/yaml-source.js';
import { closest } from './did-you-mean.js';

type Issue = z.core.$ZodIssue;

/** Returns the typed value, or `undefined` after reporting every problem to `bag`. */
export function checkSchema<T extends z.ZodType>(schema: T, source: YamlSource, bag: DiagnosticBag): z.infer<T> | undefined {
  if (source.value === null || source.value === undefined) {
    // One message for an empty file rather than one per missing key.
    bag.add({
      severity: 'error',
      rule: 'schema/empty-file',
      file: source.file,
      start: { line: 1, column: 1 },
      message_th: 'ไฟล์ว่าง ไม่มีข้อมูล',
      message_en: 'the file is empty',
    });
    return undefined;
  }
  const result = schema.safeParse(source.value);
  if (result.success) return result.data;
  // A misspelt key is also a missing key; "did you mean" says both, so the missing one is not repeated.
  const misspelt = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(schemaAt(schema, issue.path as PathKey[]));
    for (const key of issue.keys) {
      const suggestion = closest(key, known);
      if (suggestion) misspelt.add(JSON.stringify([...issue.path, suggestion]));
    }
  }
  for (const issue of result.error.issues) {
    if (issue.code === 'invalid_type' && misspelt.has(JSON.stringify(issue.path))) continue;
    report(schema, source, issue, bag);
  }
  return undefined;
}

function report(schema: z.ZodType, source: YamlSource, issue: Issue, bag: DiagnosticBag): void {
  const path = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schemaAt(schema, path));
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
        hint: /^\d+$/.test(key)
          ? 'ในวงเล็บ { } จุลภาคคั่นรายการ ให้เขียนตัวเลขโดยไม่มีจุลภาค (1200 ไม่ใช่ 1,200) / inside { } a comma separates entries: write 1200, not 1,200'
          : known.length
            ? `คีย์ที่ใช้ได้ / keys allowed here: ${known.join(', ')}`
            : undefined,
      });
    }
    return;
  }
  // A missing key has no place of its own: point at the key of the mapping it belongs in.
  const missing = issue.code === 'invalid_type' && valueAt(source.value, path) === undefined;
  const parent = path.slice(0, -1);
  const range = missing && typeof parent.at(-1) === 'string' ? rangeOf(source, parent, { key: true }) : rangeOf(source, path);
  const where = path.length ? path.join('.') : '(document)';
  const { th, en, rule, hint } = describe(issue, source, path, schemaAt(schema, path));
  bag.add({ severity: 'error', rule, file: source.file, ...range, message_th: `${where}: ${th}`, message_en: `${where}: ${en}`, hint });
}

const TYPE_TH: Record<string, string> = {
  string: 'ข้อความ',
  number: 'ตัวเลข',
  int: 'จำนวนเต็ม',
  boolean: 'ค่า true หรือ false',
  array: 'รายการ (list)',
  object: 'ชุดคีย์ (mapping)',
};

const TYPE_EN: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
};

interface Description {
  th: string;
  en: string;
  rule: string;
  hint?: string;
}

function describe(issue: Issue, source: YamlSource, path: PathKey[], node: z.ZodType | undefined): Description {
  const value = valueAt(source.value, path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        return { rule: 'schema/missing-key', th: 'ขาดข้อมูลที่จำเป็น', en: 'required value is missing' };
      }
      if (value === null) {
        return { rule: 'schema/missing-value', th: 'ไม่ได้ใส่ค่าหลังเครื่องหมาย ":"', en: 'no value is given after the ":"' };
      }
      const expected = String(issue.expected);
      return {
        rule: 'schema/wrong-type',
        th: `ต้องเป็น${TYPE_TH[expected] ?? expected}`,
        en: `expected ${TYPE_EN[expected] ?? expected}, found ${describeValue(value)}`,
        hint: typeHint(expected, value),
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
      return {
        rule: 'schema/out-of-range',
        th: small ? `ต้องไม่น้อยกว่า ${limit} (ที่เขียนไว้: ${String(value)})` : `ต้องไม่เกิน ${limit} (ที่เขียนไว้: ${String(value)})`,
        en: small ? `must be at least ${limit}, found ${String(value)}` : `must be at most ${limit}, found ${String(value)}`,
        hint: small ? gregorianYearHint(value, Number(limit)) : undefined,
      };
    }
    case 'invalid_format': {
      if (issue.format === 'date') {
        return {
          rule: 'schema/bad-date',
          th: `วันที่ "${String(value)}" ไม่ถูกต้อง ต้องเขียนแบบ ปปปป-ดด-วว ในปีคริสต์ศักราช และเป็นวันที่มีอยู่จริง`,
          en: `"${String(value)}" is not a real date written YYYY-MM-DD (Gregorian year)`,
          hint: dateHint(String(value)),
        };
      }
      if (issue.format === 'url') {
        return { rule: 'schema/bad-url', th: 'ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https://', en: 'a web address must start with http:// or https://' };
      }
      if (issue.format === 'regex') {
        return {
          rule: 'schema/bad-id',
          th: `รหัส "${String(value)}" ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เท่านั้น`,
          en: `the id "${String(value)}" may use only lower-case a-z, digits and "-"`,
          hint: typeof value === 'string' ? idHint(value) : undefined,
        };
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
      return describeUnion(node, value);
    default:
      return { rule: `schema/${issue.code.replaceAll('_', '-')}`, th: 'ข้อมูลไม่ถูกต้อง', en: issue.message };
  }
}

/** A union of mappings (a level's rule) is described by its forms, with "did you mean" for a misspelt key. */
function describeUnion(node: z.ZodType | undefined, value: unknown): Description {
  const options = node instanceof z.ZodUnion ? (node.options as z.ZodType[]) : [];
  const forms = options.map((o) => {
    const keys = knownKeys(o);
    return keys.length ? `{ ${keys.map((k) => `${k}: …`).join(', ')} }` : describeSchema(o);
  });
  const allowed = forms.join(' | ');
  const keys = options.flatMap(knownKeys);
  const written = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const misspelt = written.find((k) => !keys.includes(k));
  const suggestion = misspelt ? closest(misspelt, keys) : undefined;
  return {
    rule: 'schema/no-variant',
    th: `ไม่ตรงกับรูปแบบที่อนุญาต (${allowed})${suggestion ? ` คีย์ "${misspelt}" หมายถึง "${suggestion}" หรือไม่` : ''}`,
    en: `matches none of the allowed forms (${allowed})${suggestion ? `; did you mean "${suggestion}" for "${misspelt}"?` : ''}`,
  };
}

function describeSchema(node: z.ZodType): string {
  if (node instanceof z.ZodString) return 'text';
  if (node instanceof z.ZodNumber) return 'number';
  if (node instanceof z.ZodBoolean) return 'true/false';
  return node.constructor.name.replace(/^Zod/, '').toLowerCase();
}

/** What a clerk most likely meant when a value has the wrong type. */
function typeHint(expected: string, value: unknown): string | undefined {
  if (expected === 'array' && (typeof value === 'string' || typeof value === 'number')) {
    return `เขียนเป็นรายการ: [${String(value)}] หรือบรรทัดละรายการขึ้นต้นด้วย "- " / write a list: [${String(value)}], or one "- item" per line`;
  }
  if (typeof value !== 'string') return undefined;
  if (expected === 'boolean' && /^(yes|no|y|n|on|off|ใช่|ไม่ใช่|จัด|ไม่จัด)$/i.test(value.trim())) {
    return 'เขียน true (ใช่) หรือ false (ไม่ใช่) / write true or false';
  }
  if (expected === 'number' || expected === 'int') {
    if (/[๐-๙]/.test(value)) return 'เขียนตัวเลขด้วยเลขอารบิก 0–9 / write numbers with the digits 0–9, not Thai digits';
    if (/^\d{1,3}(,\d{3})+$/.test(value.trim())) return `ไม่ต้องใส่จุลภาค เขียน ${value.replaceAll(',', '')} / write ${value.replaceAll(',', '')} without commas`;
    if (/^\s*-?\d+(\.\d+)?\s*\D+$/.test(value)) return 'เขียนเฉพาะตัวเลข ไม่ต้องมีหน่วย (เช่น คน, %) / write the number only, without a unit';
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return 'ไม่ต้องครอบตัวเลขด้วยเครื่องหมายคำพูด / do not put quotes around a number';
  }
  return undefined;
}

/** A Gregorian year where a Buddhist-era year is expected (fiscal years are พ.ศ.). */
function gregorianYearHint(value: unknown, minimum: number): string | undefined {
  if (typeof value !== 'number' || minimum < 2400 || value < 1900 || value > 2200) return undefined;
  return `ปีงบประมาณเขียนเป็นพุทธศักราช: ${value} → ${value + 543} / fiscal years are Buddhist-era years: ${value} → ${value + 543}`;
}

/** "29/12/2566" or "29-12-2023" → "2023-12-29", so the clerk sees how to write it. */
function dateHint(value: string): string | undefined {
  const thaiDigits = value.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const m = thaiDigits.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  let iso: string | undefined;
  if (m) {
    const year = Number(m[3]) > 2400 ? Number(m[3]) - 543 : Number(m[3]);
    iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  } else if (thaiDigits !== value) {
    iso = thaiDigits;
  }
  if (!iso || !/^\d{4}-\d\d-\d\d$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) return undefined;
  if (new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) return undefined;
  return `เขียนว่า ${iso} / write ${iso}`;
}

function idHint(value: string): string | undefined {
  const id = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return id ? `เช่น "${id}" / for example "${id}"` : undefined;
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

/** The schema that checks the value at `path`, found by walking the schema itself. */
function schemaAt(schema: z.ZodType, path: PathKey[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = node.shape[key as string] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return undefined;
  }
  return unwrap(node);
}

/** The keys an object schema allows. */
function knownKeys(node: z.ZodType | undefined): string[] {
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  return node;
}
