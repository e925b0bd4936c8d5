// The helper thread of src/render/helper-thread.ts: renders the models it is sent,
// in the order they come, with the same renderers as the main thread.
import { parentPort } from 'node:worker_threads';
import { LOAD_BACKEND } from './backends.js';
import type { RenderReply, RenderRequest } from './helper-thread.js';

let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (request: RenderRequest) => {
  const backend = LOAD_BACKEND[request.format]();
  // Off-thread work of later documents (chart pictures) starts as soon as they arrive.
  void backend.then((b) => b.prepare?.(request.model), () => {});
  queue = queue.then(async () => {
    try {
      const bytes = await (await backend).render(request.model, request.options);
      // The file's memory moves to the main thread instead of being copied, when the
      // bytes fill their buffer (a view into a shared pool would take the pool along).
      const movable = bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength === bytes.byteLength;
      parentPort!.postMessage({ id: request.id, bytes } satisfies RenderReply, movable ? [bytes.buffer] : []);
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
      parentPort!.postMessage({ id: request.id, message, stack } satisfies RenderReply);
    }
  });
});
