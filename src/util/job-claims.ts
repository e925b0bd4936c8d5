// Jobs shared by two processes, each job done by whichever process claims it
// first. A claim is a file created with O_EXCL in a folder both know: the
// kernel lets exactly one creation succeed, and neither process has to stop
// and answer the other (the main one is busy laying out documents).
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function createClaimsFolder(): string {
  return mkdtempSync(join(tmpdir(), 'km-docs-claims-'));
}

/** True when this call claimed job `index`; false when it was claimed before or the folder is gone. */
export function claimJob(folder: string, index: number): boolean {
  try {
    closeSync(openSync(join(folder, String(index)), 'wx'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the folder. The other process may claim a job while it is being removed
 * (it is still at work: a helper whose main process has what it needs), and then
 * the folder is no longer empty when rmdir comes: Node tries again. A leftover
 * folder in the temporary directory must never fail a build.
 */
export function removeClaimsFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 5 });
  } catch {
    // Left in the temporary directory.
  }
}
