// The helper process of src/render/helper-process.ts: plans the build it is given
// and renders its jobs from the last one down for as long as it can claim them,
// sending each file's bytes back as it is made.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { planBuild } from '../build.js';
import { claimJob, removeClaimsFolder } from '../util/job-claims.js';
import { LOAD_BACKEND } from './backends.js';
import { ASSIGNMENT_FILE, type HelperAssignment, type HelperReply } from './helper-process.js';

export function serveAsHelperProcess(): void {
  process.once('message', ({ claims }: { claims: string }) => {
    // The main process removes the folder when its build ends; killed, it leaves that
    // to its helper, which sees the IPC channel close (the folder is empty of use by
    // then: every job the two could claim is claimed).
    process.once('disconnect', () => removeClaimsFolder(claims));
    void renderAssigned(claims).finally(() => process.disconnect?.());
  });
}

async function renderAssigned(claims: string): Promise<void> {
  let assignment: HelperAssignment;
  try {
    assignment = deserialize(readFileSync(join(claims, ASSIGNMENT_FILE))) as HelperAssignment;
  } catch {
    return; // The main process has finished and removed the folder: nothing is left to claim.
  }
  const { request, jobCount } = assignment;
  const jobs = await planBuild(request);
  // Not the build it was meant for (cannot happen with the same code): claim nothing.
  if (jobs.length !== jobCount) return;
  let lastSent: Promise<unknown> = Promise.resolve();
  for (let index = jobs.length - 1; index >= 0 && claimJob(claims, index); index--) {
    const job = jobs[index]!;
    let reply: HelperReply;
    try {
      const started = performance.now();
      const bytes = await (await LOAD_BACKEND[job.format]()).render(job.model(), job.options);
      reply = { index, bytes, milliseconds: performance.now() - started };
    } catch (error) {
      // The main process renders this job again, and reports the failure as its own.
      reply = { index, message: error instanceof Error ? error.message : String(error) };
    }
    lastSent = new Promise((resolve) => process.send!(reply, undefined, undefined, resolve));
  }
  // Messages go out in order: once the last is written, all are.
  await lastSent;
}
