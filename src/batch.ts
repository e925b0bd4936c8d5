// km-docs batch: the document sets of many organizations, one data folder each,
// built on all cores by worker threads. One organization's bad data is reported
// in the summary and never stops the others.
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

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

export async function batch(options: BatchOptions): Promise<OrganizationOutcome[]> {
  const entries = await readdir(options.dataRoot, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const outcomes: OrganizationOutcome[] = [];
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), names.length));
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(fileURLToPath(new URL('./batch-worker.js', import.meta.url)));
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
