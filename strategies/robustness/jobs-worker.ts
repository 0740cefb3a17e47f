/**
 * A robustness worker: receives the shared job arrays (SharedArrayBuffers, not copied) and a
 * shared counter, claims chunks of jobs with runJobChunks, and reports when done.
 */
import { parentPort } from 'node:worker_threads';
import { runJobChunks, type JobsShared } from './jobs-core.ts';

parentPort!.on('message', (msg: { shared: JobsShared; counter: Int32Array; chunk: number; to: number }) => {
  try {
    const done = runJobChunks(msg.shared, msg.counter, msg.chunk, msg.to);
    parentPort!.postMessage({ ok: true, ...done });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error).stack ?? String(err) });
  }
});
