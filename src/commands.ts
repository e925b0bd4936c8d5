// km-docs's commands. User mistakes end as bilingual messages with
// file:line:column and exit status 1, never as a stack trace. Each command has
// its own options (validate's --format is text|json, build's is pdf,docx).
// Two entries run them: src/cli.ts (a plain Node process) and src/snapshot.ts
// (a V8 startup snapshot with everything loaded and warmed).
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { BuildOptions } from './build.js';
import { DiagnosticsError, formatDiagnostics } from './diagnostics.js';
import type { YearReport } from './derive/score.js';
import type { LoadOutcome } from './load/data-set.js';
import type { Format } from './render/backends.js';
import type { HelperProcess } from './render/helper-process.js';
import { closest } from './validate/did-you-mean.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Command {
  help: string;
  options: Options;
  /** Names allowed as positional arguments (only `schema` takes one). */
  positionals?: readonly string[];
  run(values: Values, positionals: string[], host: CliHost): Promise<number>;
}

/** What the entry that runs the command line offers besides the arguments. */
export interface CliHost {
  /** Given when started from the startup snapshot: a one-off build can share its work with a second such process. */
  startHelperProcess?: () => HelperProcess;
}

const DATA = { type: 'string', default: 'data' } as const;
const HELP_OPTION = { type: 'boolean', short: 'h' } as const;

const MAIN_HELP = `km-docs — สร้างเอกสารทางราชการของแผนการจัดการความรู้ (KM) จากข้อมูล YAML
Makes the official documents of a Thai KM plan from YAML data.

Usage: km-docs <command> [options]

Commands:
  build      สร้างเอกสาร PDF และ DOCX / build the documents
  validate   ตรวจข้อมูลโดยไม่สร้างเอกสาร / check the data only
  score      คำนวณระดับความสำเร็จและตัวชี้วัด / compute factor levels and KPIs
  schema     พิมพ์ JSON Schema ของไฟล์ข้อมูล / print the JSON Schema of the data files
  batch      สร้างเอกสารของหลายหน่วยงานพร้อมกัน / build the documents of many organizations

Run "km-docs <command> --help" for the options of a command.`;

const COMMANDS: Record<string, Command> = {
  build: {
    help: `Usage: km-docs build [--data DIR] [--out DIR] [--only NAMES] [--format pdf,docx]

ตรวจข้อมูลก่อน (เหมือน validate) ถ้ามีข้อผิดพลาดจะไม่เขียนไฟล์ใด ๆ
Checks the data first (as validate does); on any error no file is written.

  --data DIR       โฟลเดอร์ข้อมูล / data folder (default: data)
  --out DIR        โฟลเดอร์ผลลัพธ์ / output folder (default: output)
  --only NAMES     เฉพาะเอกสารที่ระบุ คั่นด้วยจุลภาค / only these documents, comma-separated
                   (announcement, km-action-plan, aar-<year>)
  --format LIST    pdf, docx or pdf,docx (default: pdf,docx)
  -h, --help       this help`,
    options: {
      data: DATA,
      out: { type: 'string', default: 'output' },
      only: { type: 'string' },
      format: { type: 'string', default: 'pdf,docx' },
      help: HELP_OPTION,
    },
    run: buildCommand,
  },
  validate: {
    help: `Usage: km-docs validate [--data DIR] [--format text|json]

ตรวจทุกไฟล์ในโฟลเดอร์ข้อมูล รายงานทุกปัญหาพร้อมตำแหน่ง ไฟล์:บรรทัด:คอลัมน์
Checks every data file and reports every problem with file:line:column:
YAML syntax, unknown keys, types and ranges, dates, references, files, and
consistency rules (dates within the plan period and fiscal years, totals, …).
Errors exit 1; warnings (legal but suspicious, or findings) exit 0.

  --data DIR       โฟลเดอร์ข้อมูล / data folder (default: data)
  --format FORMAT  text (default) or json: {valid, errors, warnings, diagnostics:
                   [{file, line, column, endLine, endColumn, severity, rule,
                   message_th, message_en, hint}]}
  -h, --help       this help`,
    options: { data: DATA, format: { type: 'string', default: 'text' }, help: HELP_OPTION },
    run: validateCommand,
  },
  score: {
    help: `Usage: km-docs score [--data DIR] [--year YYYY] [--format text|json]

ระดับของแต่ละปัจจัยพร้อมคำอธิบาย ตัวชี้วัดของแต่ละกิจกรรม ผู้เข้าร่วมของแต่ละสำนัก/กอง
และผลรวมว่าผ่านเกณฑ์หรือไม่ ปีที่ยังไม่มีไฟล์ผลจะแสดงว่ายังไม่รายงาน (ไม่ใช่ศูนย์)
Factor levels with their explanation, each activity's KPI, each division's
participants against the minimum, and whether the plan's KPI is met. A year
without a results file is "not yet reported", never zero.

  --data DIR       โฟลเดอร์ข้อมูล / data folder (default: data)
  --year YYYY      ปีงบประมาณ (พ.ศ.) / fiscal year, Buddhist era (default: the
                   latest year with a results file)
  --format FORMAT  text (default) or json: {fiscalYear, reported, factors[].id,
                   .level, .explanation, activities[].kpiPercent, .kpiMet,
                   divisions[], overall.met, …}; null means not reported
  -h, --help       this help`,
    options: { data: DATA, year: { type: 'string' }, format: { type: 'string', default: 'text' }, help: HELP_OPTION },
    run: scoreCommand,
  },
  schema: {
    help: `Usage: km-docs schema [organization|plan|results] [--out DIR]

พิมพ์ JSON Schema (สร้างจาก zod) สำหรับโปรแกรมแก้ไขข้อความ เช่น VS Code
Prints the JSON Schema of a data file, generated from the same zod schemas
that validate the data; without a name, all three as one object.

  --out DIR        เขียนเป็นไฟล์ <name>.schema.json ในโฟลเดอร์นี้ / write
                   <name>.schema.json files into DIR (npm run schema: --out schema)
  -h, --help       this help`,
    options: { out: { type: 'string' }, help: HELP_OPTION },
    positionals: ['organization', 'plan', 'results'],
    run: schemaCommand,
  },
  batch: {
    help: `Usage: km-docs batch DIR --out OUT [--threads N]

สร้างเอกสารของทุกหน่วยงาน: แต่ละโฟลเดอร์ย่อยของ DIR คือโฟลเดอร์ข้อมูลของหนึ่งหน่วยงาน
(เหมือน data/) ผลลัพธ์อยู่ใน OUT/<ชื่อโฟลเดอร์> ข้อมูลที่ผิดของหน่วยงานหนึ่งไม่หยุดหน่วยงานอื่น
Builds every organization: each subfolder of DIR is one organization's data
folder (laid out like data/); OUT gets one subfolder per organization. One
organization's bad data is reported at the end and never stops the others.

  --out DIR        โฟลเดอร์ผลลัพธ์ / output folder (required)
  --threads N      จำนวนเธรด / worker threads (default: the number of cores)
  -h, --help       this help`,
    options: { out: { type: 'string' }, threads: { type: 'string' }, help: HELP_OPTION },
    positionals: [],
    run: batchCommand,
  },
};

async function main(argv: string[], host: CliHost): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    console.log(topic?.help ?? MAIN_HELP);
    return name ? 0 : 1;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const guess = closest(name, Object.keys(COMMANDS));
    const th = guess ? ` หมายถึง "${guess}" หรือไม่` : '';
    const en = guess ? `; did you mean "${guess}"?` : '';
    console.error(`ไม่รู้จักคำสั่ง "${name}"${th} / unknown command "${name}"${en}\n\n${MAIN_HELP}`);
    return 1;
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: !!command.positionals }));
  } catch (error) {
    console.error(`${optionMessage(error as Error & { code?: string }, command)}\n\n${command.help}`);
    return 1;
  }
  if (values.help) {
    console.log(command.help);
    return 0;
  }
  return command.run(values, positionals, host);
}

/** Node's parseArgs message in Thai and English, with "did you mean" for a misspelt option. */
function optionMessage(error: Error & { code?: string }, command: Command): string {
  const option = error.message.match(/'(-{1,2}[^' ]+)/)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const guess = closest(option.replace(/^-+/, ''), Object.keys(command.options));
    return guess
      ? `ไม่รู้จักตัวเลือก "${option}" หมายถึง "--${guess}" หรือไม่ / unknown option "${option}"; did you mean "--${guess}"?`
      : `ไม่รู้จักตัวเลือก "${option}" / unknown option "${option}"`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `คำสั่งนี้ไม่รับค่าที่ไม่มีชื่อตัวเลือก / ${error.message.split('. ')[0]}`;
  }
  return `ตัวเลือกไม่ถูกต้อง / ${error.message}`;
}

function userError(th: string, en: string): number {
  console.error(`${th} / ${en}`);
  return 1;
}

/** --format text|json for validate and score. */
function textOrJson(values: Values): 'text' | 'json' | undefined {
  const format = String(values.format);
  return format === 'text' || format === 'json' ? format : undefined;
}

async function load(dataDir: string): Promise<LoadOutcome> {
  const { loadDataSet } = await import('./load/data-set.js');
  return loadDataSet(dataDir);
}

// ---------------------------------------------------------------- validate

async function validateCommand(values: Values): Promise<number> {
  const format = textOrJson(values);
  if (!format) return userError(`ไม่รู้จักรูปแบบ "${values.format}" (ใช้ text หรือ json)`, `unknown format "${values.format}" (use text or json)`);
  const dataDir = values.data as string;
  const { data, bag, texts } = await load(dataDir);
  if (format === 'json') {
    const { jsonReport } = await import('./validate/json-report.js');
    console.log(JSON.stringify(jsonReport(bag.items), null, 2));
  } else {
    if (bag.items.length) console.error(formatDiagnostics(bag.items, texts));
    if (data) console.log(`ข้อมูลถูกต้อง / data is valid: ${dataDir}`);
  }
  return data ? 0 : 1;
}

// ---------------------------------------------------------------- build

async function buildCommand(values: Values, _positionals: string[], host: CliHost): Promise<number> {
  const { FORMATS } = await import('./build.js');
  const formats = String(values.format).split(',').map((f) => f.trim());
  const badFormat = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (badFormat.length) {
    return userError(`ไม่รู้จักรูปแบบ "${badFormat.join(', ')}" (ใช้ pdf, docx)`, `unknown format "${badFormat.join(', ')}" (use pdf, docx)`);
  }
  const dataDir = values.data as string;
  const only = values.only ? String(values.only).split(',').map((s) => s.trim()) : undefined;
  // Started first, so that it is ready by the time the data is checked.
  const onlyOneFile = formats.length === 1 && only?.length === 1;
  const helperProcess = host.startHelperProcess && !onlyOneFile && availableParallelism() > 1 ? host.startHelperProcess() : undefined;
  try {
    return await checkAndBuild({ dataDir, outDir: values.out as string, only, formats: formats as Format[], helperProcess });
  } finally {
    helperProcess?.stop();
  }
}

/** The data checked, then built: the build command once its options are read. */
async function checkAndBuild(options: Omit<BuildOptions, 'data' | 'onProgress'>): Promise<number> {
  const { build } = await import('./build.js');
  const { dataDir } = options;
  // Validation first, with warnings shown; build() then renders that data and writes nothing unless all is well.
  const { data, bag, texts } = await load(dataDir);
  if (bag.items.length) console.error(formatDiagnostics(bag.items, texts));
  if (!data) {
    console.error('ไม่ได้เขียนไฟล์ผลลัพธ์ใด ๆ / no output file was written');
    return 1;
  }
  const started = performance.now();
  try {
    const files = await build({ ...options, data, onProgress: (line) => console.log(`  ${line}`) });
    console.log(`เขียน ${files.length} ไฟล์ / wrote ${files.length} file(s) in ${(performance.now() - started).toFixed(0)} ms`);
    return 0;
  } catch (error) {
    if (error instanceof DiagnosticsError) {
      console.error(formatDiagnostics(error.diagnostics, texts));
      console.error('ไม่ได้เขียนไฟล์ผลลัพธ์ใด ๆ / no output file was written');
      return 1;
    }
    throw error;
  }
}

// ---------------------------------------------------------------- score

async function scoreCommand(values: Values): Promise<number> {
  const format = textOrJson(values);
  if (!format) return userError(`ไม่รู้จักรูปแบบ "${values.format}" (ใช้ text หรือ json)`, `unknown format "${values.format}" (use text or json)`);
  const dataDir = values.data as string;
  const { data, bag, texts, resultFiles } = await load(dataDir);
  if (!data) {
    console.error(formatDiagnostics(bag.items, texts));
    return 1;
  }
  const { firstFiscalYear: first, lastFiscalYear: last } = data.plan.period;
  let year = Math.max(first, ...data.results.map((r) => r.fiscalYear));
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(String(values.year)) || year < first || year > last) {
      const hint = year >= 1900 && year <= 2200 ? ` (พ.ศ. ${year + 543}? / Buddhist era ${year + 543}?)` : '';
      return userError(
        `ปีงบประมาณ "${values.year}" ไม่อยู่ในแผน (${first}–${last})${hint}`,
        `fiscal year "${values.year}" is not in the plan period (${first}–${last})`,
      );
    }
  }
  const { scoreFiscalYear } = await import('./derive/score.js');
  const report = scoreFiscalYear(data, year);
  const results = data.results.find((r) => r.fiscalYear === year);
  const file = results ? resultFiles[data.results.indexOf(results)] : undefined;
  const warnings = bag.items.length;
  if (warnings) console.error(`มีคำเตือน ${warnings} รายการ ดูด้วย km-docs validate / ${warnings} warning(s) in the data: see km-docs validate`);
  if (format === 'json') {
    // JSON has no "undefined": a figure not reported is null, never 0.
    const json = { file: file ?? null, example: results?.example ?? false, ...report };
    console.log(JSON.stringify(json, (_key, value: unknown) => (value === undefined ? null : value), 2));
  } else {
    console.log(scoreText(report, file, results?.example ?? false));
  }
  return 0;
}

const percent = (value: number) => `${value.toFixed(2)} %`;
const metText = (met: boolean | undefined) => (met === undefined ? 'ยังไม่รายงาน / not reported' : met ? 'ผ่าน / met' : 'ไม่ผ่าน / not met');

function scoreText(report: YearReport, file: string | undefined, example: boolean): string {
  const lines: string[] = [];
  const source = file ? `${file}${example ? ', ข้อมูลตัวอย่าง / example data' : ''}` : 'ยังไม่มีไฟล์ผล / no results file';
  lines.push(`ผลการดำเนินงานปีงบประมาณ ${report.fiscalYear} / score of fiscal year ${report.fiscalYear}  (${source})`, '');
  lines.push(`ปัจจัย / factors (ผ่านเมื่อได้ระดับ ${report.overall.targetLevel} ขึ้นไป / met at level ${report.overall.targetLevel} or above)`);
  const idWidth = Math.max(...report.factors.map((f) => f.id.length), ...report.activities.map((a) => a.id.length), ...report.divisions.map((d) => d.division.length));
  for (const f of report.factors) {
    const level = f.level === undefined ? '–/5' : `${f.level}/${f.maxLevel}`;
    lines.push(`  ${f.number}. ${f.id.padEnd(idWidth)}  ระดับ/level ${level}  ${f.explanation}`);
  }
  lines.push('');
  if (report.reported) {
    lines.push(`กิจกรรม / activities (ผู้รับรู้ ≥ ร้อยละ ${report.activities[0]?.targetPercent ?? ''} ของบุคลากร ${report.staffTotal} คน / informed ≥ ${report.activities[0]?.targetPercent ?? ''} % of ${report.staffTotal} staff)`);
  } else {
    lines.push('กิจกรรม / activities');
  }
  for (const a of report.activities) {
    let status: string;
    if (!a.reported) status = 'ยังไม่รายงานผล / not yet reported';
    else if (!a.held) status = 'ไม่ได้จัด / not held  ไม่ผ่าน / not met';
    else if (a.informed === undefined) status = `${a.date ?? ''}  ยังไม่รายงานผู้รับรู้ / informed not reported`;
    else status = `${a.date ?? ''}  ${a.informed}/${report.staffTotal}${a.kpiPercent === undefined ? '' : ` = ${percent(a.kpiPercent)}`}  ${metText(a.kpiMet)}`;
    const total = a.participantsTotal !== undefined ? `  ผู้เข้าร่วม/participants ${a.participantsTotal}` : '';
    lines.push(`  ${a.id.padEnd(idWidth)}  ${status}${total}`);
  }
  lines.push('');
  const minimum = report.divisions[0]?.minimum ?? 0;
  lines.push(`สำนัก/กอง / divisions (ผู้เข้าร่วมอย่างน้อย ${minimum} คนต่อกิจกรรม / at least ${minimum} participants per activity)`);
  for (const d of report.divisions) {
    const counts = d.activities.map((c) => String(c.count)).join(' ');
    const short = d.activities.filter((c) => !c.met).map((c) => `${c.activity}: ${c.count}`);
    lines.push(`  ${d.division.padEnd(idWidth)}  ${counts ? `${counts}  ` : ''}${metText(d.met)}${short.length ? ` (${short.join(', ')})` : ''}`);
  }
  lines.push('', `ภาพรวม / overall: ${metText(report.overall.met)} — ${report.overall.explanation}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- schema

async function schemaCommand(values: Values, positionals: string[]): Promise<number> {
  const { SCHEMA_NAMES, jsonSchema, schemaFileName, schemaFileText } = await import('./validate/json-schema.js');
  const unknown = positionals.filter((p) => !(SCHEMA_NAMES as readonly string[]).includes(p));
  if (unknown.length || positionals.length > 1) {
    return userError(
      `ไม่มีสคีมาชื่อ "${positionals.join(' ')}" (มี: ${SCHEMA_NAMES.join(', ')})`,
      `no schema named "${positionals.join(' ')}" (use one of: ${SCHEMA_NAMES.join(', ')})`,
    );
  }
  const names = positionals.length ? (positionals as typeof SCHEMA_NAMES[number][]) : [...SCHEMA_NAMES];
  if (values.out !== undefined) {
    const { writeAtomic } = await import('./write/atomic.js');
    for (const name of names) {
      const path = join(String(values.out), schemaFileName(name));
      writeAtomic(path, new TextEncoder().encode(schemaFileText(name)));
      console.log(`เขียน / wrote ${relative(process.cwd(), path) || path}`);
    }
    return 0;
  }
  const output = names.length === 1 ? jsonSchema(names[0]!) : Object.fromEntries(names.map((n) => [n, jsonSchema(n)]));
  console.log(JSON.stringify(output, null, 2));
  return 0;
}

/** Runs one command line (the arguments after `km-docs`) and sets the process's exit status. */
export function runCli(argv: string[], host: CliHost = {}): Promise<void> {
  return main(argv, host).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug of km-docs, not of the user's data: say so, with the details a developer needs.
      console.error('km-docs ขัดข้องภายใน / internal error — please report this with the data used:');
      console.error(error);
      process.exitCode = 2;
    },
  );
}

// ---------------------------------------------------------------- batch

async function batchCommand(values: Values, positionals: string[]): Promise<number> {
  const [dataRoot] = positionals;
  const out = values.out as string | undefined;
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (!dataRoot || positionals.length > 1 || !out || (threads !== undefined && !(Number.isInteger(threads) && threads > 0))) {
    console.error(`ต้องระบุโฟลเดอร์ข้อมูลหนึ่งโฟลเดอร์และ --out / give one data folder and --out (--threads: a whole number)\n\n${COMMANDS.batch!.help}`);
    return 1;
  }
  const { batch, BATCH_V8_FLAGS } = await import('./batch.js');
  setFlagsFromString(BATCH_V8_FLAGS);
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let reported = 0;
  const outcomes = await batch({
    dataRoot,
    outRoot: out,
    threads,
    onProgress(done, total, last) {
      // A bar on a terminal; a line every tenth in a log.
      const width = 30;
      const bar = `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '.')}] ${done}/${total} ${last.ok ? '' : `✗ ${last.name}`}`;
      if (tty) process.stderr.write(`\r${bar}`);
      else if (done === total || done - reported >= Math.max(1, Math.ceil(total / 10))) {
        console.error(bar);
        reported = done;
      }
    },
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (tty) process.stderr.write('\n');
  if (!outcomes) {
    console.error(`ไม่พบโฟลเดอร์ "${dataRoot}" / folder not found: ${dataRoot}`);
    return 1;
  }
  if (outcomes.length === 0) {
    console.error(
      `ไม่มีโฟลเดอร์ย่อยใน "${dataRoot}": แต่ละโฟลเดอร์ย่อยคือข้อมูลของหนึ่งหน่วยงาน (ข้อมูลหน่วยงานเดียวใช้ km-docs build --data ${dataRoot}) / ` +
        `"${dataRoot}" has no subfolders: each subfolder is one organization's data folder (for one organization: km-docs build --data ${dataRoot})`,
    );
    return 1;
  }
  const failed = outcomes.filter((o) => !o.ok);
  for (const o of failed) console.error(`\n== ${o.name} ==\n${o.problem}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `สำเร็จ ${outcomes.length - failed.length} ไม่สำเร็จ ${failed.length} จาก ${outcomes.length} หน่วยงาน / ` +
      `${outcomes.length - failed.length} built, ${failed.length} failed of ${outcomes.length} organization(s) ` +
      `in ${seconds.toFixed(1)} s (${(outcomes.length / seconds).toFixed(2)} per second)` +
      (failed.length ? `\nไม่สำเร็จ / failed: ${failed.map((o) => o.name).join(', ')}` : ''),
  );
  return failed.length ? 1 : 0;
}
