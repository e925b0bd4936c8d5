#!/usr/bin/env node
// km-docs: the command line. User mistakes end as bilingual messages with
// file:line:column and exit status 1, never as a stack trace.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DiagnosticsError, formatDiagnostics } from './diagnostics.js';

const HELP: Record<string, string> = {
  main: `km-docs — สร้างเอกสารทางราชการของแผนการจัดการความรู้ (KM) จากข้อมูล YAML
Makes the official documents of a Thai KM plan from YAML data.

Usage: km-docs <command> [options]

Commands:
  build      สร้างเอกสาร PDF และ DOCX / build the documents
  validate   ตรวจข้อมูลโดยไม่สร้างเอกสาร / check the data only

Run "km-docs <command> --help" for the options of a command.`,
  build: `Usage: km-docs build [--data DIR] [--out DIR] [--only NAMES] [--format pdf,docx]

  --data DIR       โฟลเดอร์ข้อมูล / data folder (default: data)
  --out DIR        โฟลเดอร์ผลลัพธ์ / output folder (default: output)
  --only NAMES     เฉพาะเอกสารที่ระบุ คั่นด้วยจุลภาค / only these documents, comma-separated
                   (announcement, km-action-plan, aar-<year>)
  --format LIST    pdf, docx or pdf,docx (default: pdf,docx)
  -h, --help       this help`,
  validate: `Usage: km-docs validate [--data DIR]

  --data DIR       โฟลเดอร์ข้อมูล / data folder (default: data)
  -h, --help       this help`,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP.main);
    return command ? 0 : 1;
  }
  if (!(command in HELP) || command === 'main') {
    console.error(`ไม่รู้จักคำสั่ง "${command}" / unknown command "${command}"\n\n${HELP.main}`);
    return 1;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        data: { type: 'string', default: 'data' },
        out: { type: 'string', default: 'output' },
        only: { type: 'string' },
        format: { type: 'string', default: 'pdf,docx' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`ตัวเลือกไม่ถูกต้อง / ${(error as Error).message}\n\n${HELP[command]}`);
    return 1;
  }
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }
  const dataDir = values.data as string;

  if (command === 'validate') {
    const { loadDataSet } = await import('./load/data-set.js');
    const { data, bag, texts } = await loadDataSet(dataDir);
    if (bag.items.length) console.error(formatDiagnostics(bag.items, texts));
    if (data) console.log(`ข้อมูลถูกต้อง / data is valid: ${dataDir}`);
    return data ? 0 : 1;
  }

  const { build, FORMATS } = await import('./build.js');
  const formats = String(values.format).split(',').map((f) => f.trim());
  const badFormat = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (badFormat.length) {
    console.error(`ไม่รู้จักรูปแบบ "${badFormat.join(', ')}" / unknown format "${badFormat.join(', ')}" (use pdf, docx)`);
    return 1;
  }
  const started = performance.now();
  try {
    const files = await build({
      dataDir,
      outDir: values.out as string,
      only: values.only ? String(values.only).split(',').map((s) => s.trim()) : undefined,
      formats: formats as ('pdf' | 'docx')[],
      onProgress: (line) => console.log(`  ${line}`),
    });
    console.log(`เขียน ${files.length} ไฟล์ / wrote ${files.length} file(s) in ${(performance.now() - started).toFixed(0)} ms`);
    return 0;
  } catch (error) {
    if (error instanceof DiagnosticsError) {
      console.error(formatDiagnostics(error.diagnostics, await sourceTexts(error)));
      console.error('ไม่ได้เขียนไฟล์ผลลัพธ์ใด ๆ / no output file was written');
      return 1;
    }
    throw error;
  }
}

/** Source text of each file named in the diagnostics, for code frames. */
async function sourceTexts(error: DiagnosticsError): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of new Set(error.diagnostics.map((d) => d.file))) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) texts.set(file, text);
  }
  return texts;
}

main(process.argv.slice(2)).then(
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
