// The pipeline, one direction: load → validate → derive → template → model →
// render → write. Everything is rendered in memory first and written only when
// every document succeeded, so a failed build changes no output file.
import { join, relative, resolve } from 'node:path';
import { DiagnosticsError } from './diagnostics.js';
import { parseDocumentXml } from './document/parse-xml.js';
import { documentsFor } from './documents/registry.js';
import { loadDataSet } from './load/data-set.js';
import type { KmData } from './model/schema.js';
import { TEMPLATES_DIR } from './paths.js';
import type { Backend } from './render/options.js';
import { loadTemplates } from './template/engine.js';
import { writeAtomic } from './write/atomic.js';

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Document names to build (e.g. "announcement", "aar-2567"); all when empty. */
  only?: string[];
  formats?: readonly Format[];
  templatesDir?: string;
  /** The data of `dataDir`, already loaded and valid (the CLI validates first); loaded here when absent. */
  data?: KmData;
  onProgress?: (message: string) => void;
}

export interface BuiltFile {
  path: string;
  bytes: number;
  milliseconds: number;
}

// Backends load on first use: a PDF-only build never loads docx, and the reverse.
const BACKENDS: Record<Format, () => Promise<Backend>> = {
  pdf: async () => ({ render: (await import('./render/pdf/index.js')).renderPdf }),
  docx: async () => {
    const { renderDocx, prepareDocx } = await import('./render/docx/index.js');
    return { render: renderDocx, prepare: prepareDocx };
  },
};

export async function build(options: BuildOptions): Promise<BuiltFile[]> {
  const dataDir = resolve(options.dataDir);
  const formats = options.formats ?? FORMATS;
  const progress = options.onProgress ?? (() => {});

  const data = options.data ?? (await loadValid(dataDir));

  const specs = documentsFor(data);
  const unknown = (options.only ?? []).filter((name) => !specs.some((s) => s.name === name));
  if (unknown.length) {
    throw new DiagnosticsError(
      unknown.map((name) => ({
        severity: 'error' as const,
        rule: 'cli/unknown-document',
        file: '--only',
        message_th: `ไม่มีเอกสารชื่อ "${name}" (ที่มี: ${specs.map((s) => s.name).join(', ')})`,
        message_en: `no document named "${name}" (available: ${specs.map((s) => s.name).join(', ')})`,
      })),
    );
  }
  const selected = options.only?.length ? specs.filter((s) => options.only!.includes(s.name)) : specs;

  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const templates = await loadTemplates(templatesDir);
  const backends = new Map<Format, Backend>();
  for (const format of formats) backends.set(format, await BACKENDS[format]());

  const documents = selected.map((spec) => {
    const xml = templates.render(spec.template, spec.context);
    const model = parseDocumentXml(xml, relative(process.cwd(), join(templatesDir, `${spec.template}.hbs`)), dataDir);
    if (spec.banner) model.banner = spec.banner;
    return { spec, model };
  });
  for (const backend of backends.values()) for (const { model } of documents) backend.prepare?.(model);

  const rendered: { path: string; bytes: Uint8Array; milliseconds: number }[] = [];
  for (const { spec, model } of documents) {
    const renderOptions = { date: new Date(`${spec.date}T00:00:00Z`), author: data.organization.name };
    for (const [format, backend] of backends) {
      const started = performance.now();
      const bytes = await backend.render(model, renderOptions);
      rendered.push({ path: join(options.outDir, `${spec.name}.${format}`), bytes, milliseconds: performance.now() - started });
    }
  }

  const written: BuiltFile[] = [];
  for (const file of rendered) {
    await writeAtomic(file.path, file.bytes);
    written.push({ path: file.path, bytes: file.bytes.byteLength, milliseconds: file.milliseconds });
    progress(`${file.path}  ${(file.bytes.byteLength / 1024).toFixed(0)} KB  ${file.milliseconds.toFixed(0)} ms`);
  }
  return written;
}

async function loadValid(dataDir: string): Promise<KmData> {
  const { data, bag } = await loadDataSet(dataDir);
  if (!data) throw new DiagnosticsError(bag.sorted());
  return data;
}
