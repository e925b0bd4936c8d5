// One format's documents rendered on a helper thread (src/render/helper-thread-worker.ts),
// so that a build lays out its PDFs and its DOCX files at the same time on two cores.
// The thread is started once per process and kept, so it pays in a process that
// builds again and again (watch mode): its first build loads every module afresh,
// without the startup snapshot, and is slower than the main thread's. It keeps the
// process alive only while it has work.
import type { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../document/model.js';
import { HELPER_THREAD_SCRIPT } from '../paths.js';
import { loadWorkerThreads } from '../util/worker-threads.js';
import type { Format } from './backends.js';
import type { Backend, RenderOptions } from './options.js';

/** A request to the helper thread: render `model` as `format`. */
export interface RenderRequest {
  id: number;
  format: Format;
  model: DocumentModel;
  options: RenderOptions;
}

/** Its answer: the file's bytes, or what went wrong (an Error does not cross threads whole). */
export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; message: string; stack?: string };

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

let helper: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

function startHelper(): NonNullable<typeof helper> {
  const { Worker } = loadWorkerThreads();
  // Node options of the main script (e.g. --input-type) are not the helper's to inherit.
  const worker = new Worker(HELPER_THREAD_SCRIPT, { execArgv: [] });
  const pending = new Map<number, Pending>();
  const started = { worker, pending };
  worker.unref();
  worker.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('bytes' in reply) waiting.resolve(reply.bytes);
    else waiting.reject(Object.assign(new Error(reply.message), { stack: reply.stack ?? reply.message }));
  });
  // A thread that died takes its requests with it; the next build starts another.
  const fail = (error: Error) => {
    if (helper === started) helper = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the rendering thread stopped (exit code ${code})`)));
  return started;
}

/**
 * A backend whose render() hands the model to the helper thread and resolves when
 * the file is made there. The thread starts loading its renderer when this is called.
 */
export function onHelperThread(format: Format): Backend {
  helper ??= startHelper();
  return {
    offThread: true,
    render(model: DocumentModel, options: RenderOptions): Promise<Uint8Array> {
      const thread = (helper ??= startHelper());
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, format, model, options } satisfies RenderRequest);
      });
    },
  };
}
