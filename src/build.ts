// The pipeline, one direction: load → validate → derive → template → model →
// render → write. Everything is rendered in memory first and written only when
// every document succeeded, so a failed build changes no output file.
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DiagnosticsError } from './diagnostics.js';
import type { DocumentModel } from './document/model.js';
import { parseDocumentXml } from './document/parse-xml.js';
import { documentsFor } from './documents/registry.js';
import { loadDataSet } from './load/data-set.js';
import type { KmData } from './model/schema.js';
import { TEMPLATES_DIR } from './paths.js';
import { FORMATS, LOAD_BACKEND, type Format } from './render/backends.js';
import type { HelperProcess } from './render/helper-process.js';
import { onHelperThread } from './render/helper-thread.js';
import type { Backend, RenderOptions } from './render/options.js';
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
  /**
   * A second km-docs process started from the same startup snapshot
   * (src/render/helper-process.ts) that renders the jobs this one has not taken
   * yet, from the last one down: for one-off builds from the snapshot.
   */
  helperProcess?: HelperProcess;
  onProgress?: (message: string) => void;
}

/** A rendered file's bytes and how long rendering it took. */
export interface Rendered {
  bytes: Uint8Array;
  milliseconds: number;
  /** Rendered by the helper process. */
  byHelperProcess?: boolean;
}

export interface BuiltFile {
  path: string;
  bytes: number;
  milliseconds: number;
  byHelperProcess: boolean;
}

/**
 * What a build makes, as plain data that can be handed to another process: the
 * validated data and which documents and formats. `planBuild` turns it into the
 * same jobs, in the same order, in whichever process it runs.
 */
export interface BuildRequest {
  data: KmData;
  /** Absolute. */
  dataDir: string;
  templatesDir: string;
  only?: string[];
  formats: readonly Format[];
}

/** One file of a build: a document in one format. */
export interface BuildJob {
  name: string;
  format: Format;
  /** The document model, made on first use and shared by the document's formats. */
  model(): DocumentModel;
  options: RenderOptions;
}

/** The jobs of a request, the PDFs first: a helper process takes jobs from the end, so it mostly renders DOCX files. */
export async function planBuild(request: BuildRequest): Promise<BuildJob[]> {
  const { data, dataDir, templatesDir, formats } = request;
  const specs = documentsFor(data);
  const unknown = (request.only ?? []).filter((name) => !specs.some((s) => s.name === name));
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
  const selected = request.only?.length ? specs.filter((s) => request.only!.includes(s.name)) : specs;
  const templates = loadTemplates(templatesDir);
  const documents = selected.map((spec) => {
    let model: DocumentModel | undefined;
    const makeModel = () => {
      if (model) return model;
      const xml = templates.render(spec.template, spec.context);
      model = parseDocumentXml(xml, relative(process.cwd(), join(templatesDir, `${spec.template}.hbs`)), dataDir);
      if (spec.banner) model.banner = spec.banner;
      return model;
    };
    return { spec, model: makeModel, options: { date: new Date(`${spec.date}T00:00:00Z`), author: data.organization.name } };
  });
  return formats.flatMap((format) => documents.map(({ spec, model, options }) => ({ name: spec.name, format, model, options })));
}

export async function build(options: BuildOptions): Promise<BuiltFile[]> {
  const formats = options.formats ?? FORMATS;
  const progress = options.onProgress ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const data = options.data ?? loadValid(dataDir);
  const request: BuildRequest = { data, dataDir, templatesDir: resolve(options.templatesDir ?? TEMPLATES_DIR), only: options.only, formats };
  const jobs = await planBuild(request);

  const helperThread = options.helperThread && formats.includes('pdf') && formats.includes('docx') && availableParallelism() > 1;
  const shared = jobs.length > 1 ? options.helperProcess?.share(request, jobs.length) : undefined;
  // A format's renderer is loaded when a job of it is first rendered here: with a
  // helper process, this process may leave it all to the helper.
  const backends = new Map<Format, Promise<Backend>>();
  const backend = (format: Format): Promise<Backend> => {
    let loaded = backends.get(format);
    if (!loaded) backends.set(format, (loaded = helperThread && format === 'docx' ? Promise.resolve(onHelperThread(format)) : LOAD_BACKEND[format]()));
    return loaded;
  };
  // Work that can start early (the DOCX's chart pictures) starts now, unless a
  // helper process may take those documents.
  if (!shared) for (const job of jobs) (await backend(job.format)).prepare?.(job.model());

  const render = async (job: BuildJob): Promise<Rendered> => {
    const started = performance.now();
    const bytes = await (await backend(job.format)).render(job.model(), job.options);
    return { bytes, milliseconds: performance.now() - started };
  };
  const results = new Map<BuildJob, Promise<Rendered>>();
  try {
    // Work for the helper thread is handed over first, so it runs while this thread
    // renders the rest; a failure there is reported when its result is awaited below.
    for (const job of jobs) if (helperThread && (await backend(job.format)).offThread) results.set(job, render(job));
    for (const promise of results.values()) promise.catch(() => {});
    const claimedHere = new Set<number>();
    const claim = (index: number): boolean => {
      if (claimedHere.has(index)) return true;
      if (!shared!.claim(index)) return false;
      claimedHere.add(index);
      return true;
    };
    const leftToHelper = options.helperProcess?.leftToHelper ?? [];
    const first = jobs[0];
    let leaveToHelper = first !== undefined && !leftToHelper.includes(first.format);
    for (const [index, job] of jobs.entries()) {
      if (results.has(job)) continue;
      if (shared) {
        // The formats left to the helper (the DOCX files, after the PDFs) are left to it
        // while it works. It claims the last job first: if this process, done with the
        // jobs before them, can still claim that one, the helper has not begun (it could
        // not start, or is stuck) and this process goes on alone. When they are all the
        // jobs (DOCX files only), the two share them from both ends, as for any format.
        if (leaveToHelper && leftToHelper.includes(job.format)) {
          if (!claim(jobs.length - 1)) break;
          leaveToHelper = false;
        }
        // The helper takes jobs from the end: once it has this one, the rest are its too.
        if (!claim(index)) break;
      }
      results.set(job, Promise.resolve(await render(job)));
    }
    // What the helper process was to render and did not (it stopped, or failed), this process renders.
    for (const [index, job] of jobs.entries()) if (!results.has(job)) results.set(job, Promise.resolve((await shared!.rendered(index)) ?? (await render(job))));
  } finally {
    shared?.close();
  }

  const written: BuiltFile[] = [];
  for (const job of jobs) {
    const { bytes, milliseconds, byHelperProcess = false } = await results.get(job)!;
    const path = join(options.outDir, `${job.name}.${job.format}`);
    writeAtomic(path, bytes);
    written.push({ path, bytes: bytes.byteLength, milliseconds, byHelperProcess });
    progress(`${path}  ${(bytes.byteLength / 1024).toFixed(0)} KB  ${milliseconds.toFixed(0)} ms${byHelperProcess ? ' (helper process)' : ''}`);
  }
  return written;
}

function loadValid(dataDir: string): KmData {
  const { data, bag } = loadDataSet(dataDir);
  if (!data) throw new DiagnosticsError(bag.sorted());
  return data;
}
