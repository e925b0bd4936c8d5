// The pipeline, one direction: load → validate → derive → template → model →
// render → write. Everything is rendered in memory first and written only when
// every document succeeded, so a failed build changes no output file.
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DiagnosticsError } from './diagnostics.js';
import { parseDocumentXml } from './document/parse-xml.js';
import { documentsFor } from './documents/registry.js';
import { loadDataSet } from './load/data-set.js';
import type { KmData } from './model/schema.js';
import { TEMPLATES_DIR } from './paths.js';
import { FORMATS, LOAD_BACKEND, type Format } from './render/backends.js';
import { onHelperThread } from './render/helper-thread.js';
import type { Backend } from './render/options.js';
import { loadTemplates } from './template/engine.js';
import { writeAtomic } from './write/atomic.js';

export { FORMATS, type Format };

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Document names to build (e.g. "announcement", "aar-2567"); all when empty. */
  only?: string[];
  formats?: readonly Format[];
  templatesDir?: string;
  /** The data of `dataDir`, already loaded and valid (the CLI validates first); loaded here when absent. */
  data?: KmData;
  /**
   * Render the DOCX files on a helper thread (src/render/helper-thread.ts) while this
   * thread lays out the PDFs, when the build makes both and the machine has more
   * than one core. For processes that build again and again (watch mode): the
   * thread is kept between builds, but its first one is slow. Default: no.
   */
  helperThread?: boolean;
  onProgress?: (message: string) => void;
}

export interface BuiltFile {
  path: string;
  bytes: number;
  milliseconds: number;
}

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
  const helperThread = options.helperThread && formats.includes('pdf') && formats.includes('docx') && availableParallelism() > 1;
  const backends = new Map<Format, Backend>();
  for (const format of formats) backends.set(format, helperThread && format === 'docx' ? onHelperThread(format) : await LOAD_BACKEND[format]());

  const documents = selected.map((spec) => {
    const xml = templates.render(spec.template, spec.context);
    const model = parseDocumentXml(xml, relative(process.cwd(), join(templatesDir, `${spec.template}.hbs`)), dataDir);
    if (spec.banner) model.banner = spec.banner;
    return { spec, model };
  });
  for (const backend of backends.values()) for (const { model } of documents) backend.prepare?.(model);

  const jobs = documents.flatMap(({ spec, model }) =>
    [...backends].map(([format, backend]) => ({ spec, model, format, backend })),
  );
  const render = async ({ spec, model, format, backend }: (typeof jobs)[number]) => {
    const started = performance.now();
    const bytes = await backend.render(model, { date: new Date(`${spec.date}T00:00:00Z`), author: data.organization.name });
    return { path: join(options.outDir, `${spec.name}.${format}`), bytes, milliseconds: performance.now() - started };
  };
  // Work for the helper thread is handed over first, so it runs while this thread
  // renders the rest; a failure there is reported when its result is awaited below.
  const results = new Map(jobs.filter((job) => job.backend.offThread).map((job) => [job, render(job)]));
  for (const promise of results.values()) promise.catch(() => {});
  for (const job of jobs) if (!job.backend.offThread) results.set(job, Promise.resolve(await render(job)));
  const rendered = await Promise.all(jobs.map((job) => results.get(job)!));

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
