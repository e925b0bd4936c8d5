// A second km-docs process that renders part of a one-off build, so that a cold
// `km-docs build` uses both cores. A helper thread cannot do it: a worker does not
// start from the startup snapshot and would load every module afresh (~0.8 s),
// whereas a process started from a snapshot (the helper's, dist/km-docs-helper.blob,
// which has docx warm: src/snapshot.ts) is ready in ~0.2 s, while this one
// validates the data and renders its first documents.
//
// The helper is given the build request (the validated data, not the files: a clerk
// saving a file meanwhile cannot make the two disagree), plans the same jobs and
// renders them from the last one down, while this process renders from the first
// one up; each job goes to whichever claims it first (src/util/job-claims.ts), so
// neither waits for the other and the two end at about the same time, whatever the
// documents cost. What the helper does not deliver, this process renders itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { BuildRequest, Format, Rendered } from '../build.js';
import { claimJob, createClaimsFolder, removeClaimsFolder } from '../util/job-claims.js';

/** The command line that makes a process started from the snapshot a helper (src/snapshot.ts); not an option, which Node would take as its own. */
export const HELPER_PROCESS_ARGUMENT = 'km-docs-render-helper';

/**
 * What the helper is given, once: in a file of the claims folder, structured-clone
 * serialised. A message through the IPC pipe holds only the folder: a message
 * larger than the pipe's 64 KB (a large plan's data is megabytes) is sent on by
 * this process's event loop, which layout keeps busy until the build is done.
 */
export interface HelperAssignment {
  request: BuildRequest;
  jobCount: number;
}

/** The assignment's file in the claims folder (the claims themselves are numbers). */
export const ASSIGNMENT_FILE = 'assignment';

/** What it sends back for each job it claimed. */
export type HelperReply = { index: number; bytes: Uint8Array; milliseconds: number } | { index: number; message: string };

export interface HelperProcess {
  /**
   * The formats this process leaves to the helper while it runs: their code is warm
   * in the helper's heap and not in this one's (src/snapshot.ts). What the helper
   * does not deliver, this process still renders.
   */
  readonly leftToHelper: readonly Format[];
  /** Hands a build's jobs over; the helper starts claiming them from the end. Undefined when the request cannot be sent. */
  share(request: BuildRequest, jobCount: number): SharedJobs | undefined;
  /** Ends the helper (it has nothing left to do, or the build stopped before it began). */
  stop(): void;
}

export interface SharedJobs {
  /** Claims job `index` for this process; false when the helper has it. */
  claim(index: number): boolean;
  /** The helper's file for job `index`; undefined when it did not make it (it stopped or failed). */
  rendered(index: number): Promise<Rendered | undefined>;
  close(): void;
}

/**
 * Starts the helper: Node with `startArguments` (--snapshot-blob FILE: the helper's
 * blob) and HELPER_PROCESS_ARGUMENT.
 */
export function startHelperProcess(startArguments: readonly string[], { leftToHelper = [] }: { leftToHelper?: readonly Format[] } = {}): HelperProcess {
  const child: ChildProcess = spawn(process.execPath, [...startArguments, HELPER_PROCESS_ARGUMENT], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
    env: withoutExtraCaCertificates(process.env),
  });
  const replies = new Map<number, Rendered | undefined>();
  const waiting = new Map<number, (rendered: Rendered | undefined) => void>();
  let ended = false;
  child.on('message', (reply: HelperReply) => {
    const rendered = 'bytes' in reply ? { bytes: reply.bytes, milliseconds: reply.milliseconds, byHelperProcess: true } : undefined;
    replies.set(reply.index, rendered);
    waiting.get(reply.index)?.(rendered);
  });
  const end = () => {
    ended = true;
    for (const resolve of waiting.values()) resolve(undefined);
  };
  child.on('exit', end);
  child.on('error', end);
  const stop = () => {
    child.removeAllListeners('message');
    end();
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  return {
    leftToHelper,
    share(request, jobCount) {
      let claims: string | undefined;
      try {
        claims = createClaimsFolder();
        writeFileSync(join(claims, ASSIGNMENT_FILE), serialize({ request, jobCount } satisfies HelperAssignment));
      } catch {
        // No temporary folder to share (TMPDIR missing or full), or data the structured
        // clone cannot copy: this process renders everything, as without a helper.
        if (claims) removeClaimsFolder(claims);
        stop();
        return undefined;
      }
      child.send({ claims });
      return {
        claim: (index) => claimJob(claims, index),
        rendered: (index) =>
          replies.has(index) || ended
            ? Promise.resolve(replies.get(index))
            : new Promise((resolve) => waiting.set(index, resolve)),
        close() {
          removeClaimsFolder(claims);
          stop();
        },
      };
    },
    stop,
  };
}

/**
 * The environment without NODE_EXTRA_CA_CERTS. Node reads and parses that file of
 * certificates as it starts, before any code runs, and a helper opens no
 * connection: with Debian's bundle (/etc/ssl/certs/ca-certificates.crt, ~140
 * certificates), `node -e 0` takes ~130 ms with it and ~45 ms without, and the
 * helper is ready that much sooner.
 */
function withoutExtraCaCertificates(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certificates, ...rest } = env;
  return rest;
}
