// km-docs batch: the document sets of many organizations, one data folder each,
// built on all cores by worker threads. One organization's bad data is reported
// in the summary and never stops the others.
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkerThreads } from './util/worker-threads.js';

export interface OrganizationOutcome {
  name: string;
  ok: boolean;
  files: number;
  /** The formatted diagnostics or error, when not ok. */
  problem?: string;
}

export interface BatchOptions {
  dataRoot: string;
  outRoot: string;
  threads?: number;
  onProgress?: (done: number, total: number, last: OrganizationOutcome) => void;
}

/**
 * A worker's young generation: 192 MB (V8's semi-spaces of 64 MB, not 16). An
 * organization's build leaves ~100 MB of short-lived objects; in the default 48 MB
 * many survive two scavenges, move to the old generation and bring a full
 * collection every ~10 organizations, and each full collection drops the optimised
 * code of functions that were not running (V8 holds it weakly), which the JIT then
 * compiles again on the two cores the workers need. 100 organizations, in turns
 * with the default, six pairs: 0.77–1.04×, median 0.95×; 384 MB bought no more.
 * It costs memory: the batch's peak RSS 519 → 754 MB.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/**
 * V8 flags for a batch's process (its workers share them: V8 has no flags per
 * isolate, so `km-docs batch` sets them for its whole process). Without inlining,
 * TurboFan compiles each function alone: smaller jobs, which on a machine whose
 * cores the workers already fill take less of the time the workers need (most
 * of a batch's background CPU is TurboFan, and it never settles). In turns on
 * this 2-core machine: 40 organizations 14.8–16.3 s against 16.8–17.8 s (four
 * rounds), 120 organizations 32.0 and 32.1 s against 34.9 and 36.4 s; a
 * cumulative inlining limit of 100 or 300 bytecodes instead of 920 did about
 * the same.
 */
export const BATCH_V8_FLAGS = '--no-turbo-inlining';

export async function batch(options: BatchOptions): Promise<OrganizationOutcome[]> {
  const { Worker } = loadWorkerThreads();
  const names = await organizationFolders(options.dataRoot);
  const outcomes: OrganizationOutcome[] = [];
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), names.length));
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(fileURLToPath(new URL('./batch-worker.js', import.meta.url)), { resourceLimits: WORKER_LIMITS });
      const send = () => {
        if (next >= names.length) return void worker.terminate().then(() => resolve());
        const name = names[next++]!;
        worker.postMessage({ name, dataDir: join(options.dataRoot, name), outDir: join(options.outRoot, name) });
      };
      worker.on('message', (outcome: OrganizationOutcome) => {
        outcomes.push(outcome);
        options.onProgress?.(outcomes.length, names.length, outcome);
        send();
      });
      worker.once('error', reject);
      send();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return outcomes.sort((a, b) => a.name.localeCompare(b.name));
}

/** The subfolders of DIR, sorted; a link to a folder counts as the folder. */
async function organizationFolders(dataRoot: string): Promise<string[]> {
  const entries = await readdir(dataRoot, { withFileTypes: true });
  const isFolder = async (entry: (typeof entries)[number]) =>
    entry.isDirectory() || (entry.isSymbolicLink() && (await stat(join(dataRoot, entry.name)).catch(() => undefined))?.isDirectory() === true);
  const folders = await Promise.all(entries.map(async (entry) => ((await isFolder(entry)) ? entry.name : undefined)));
  return folders.filter((name): name is string => name !== undefined).sort();
}
