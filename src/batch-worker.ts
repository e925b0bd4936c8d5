// One worker of `km-docs batch`: builds organizations one after another, keeping
// the backends and fonts loaded between them.
import { parentPort } from 'node:worker_threads';
import type { OrganizationOutcome } from './batch.js';
import { build } from './build.js';
import { DiagnosticsError, formatDiagnostics } from './diagnostics.js';

parentPort!.on('message', async ({ name, dataDir, outDir }: { name: string; dataDir: string; outDir: string }) => {
  let outcome: OrganizationOutcome;
  try {
    const files = await build({ dataDir, outDir });
    outcome = { name, ok: true, files: files.length };
  } catch (error) {
    const problem = error instanceof DiagnosticsError ? formatDiagnostics(error.diagnostics) : `internal error: ${(error as Error).stack ?? error}`;
    outcome = { name, ok: false, files: 0, problem };
  }
  parentPort!.postMessage(outcome);
});
