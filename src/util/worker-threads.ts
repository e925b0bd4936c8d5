// node:worker_threads, loaded when first needed. Loaded while the startup snapshot
// is built (src/snapshot.ts), it leaves the snapshot's process unable to start any
// worker: Node 20's internal/worker keeps a SharedArrayBuffer that the snapshot
// does not restore, and every worker then fails in process.cwd() ("undefined is
// not an integer typed array"). Node has not vetted worker_threads for snapshot
// builder scripts (nodejs/node#56120). test/snapshot.test.ts starts workers from the blob.
import { createRequire } from 'node:module';

export function loadWorkerThreads(): typeof import('node:worker_threads') {
  // require, not import(): the snapshot's bundle runs without an ESM loader.
  return createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
}
