/**
 * A sweep worker: receives the shared arrays (SharedArrayBuffers, not copied) and a shared
 * counter, claims chunks of configurations with runSweepChunks, and reports when done.
 */
import { parentPort } from 'node:worker_threads';
import { runSweepChunks, type SweepShared } from './sweep-core.ts';

parentPort!.on('message', (msg: { shared: SweepShared; counter: Int32Array; chunk: number; to: number }) => {
  try {
    const done = runSweepChunks(msg.shared, msg.counter, msg.chunk, msg.to);
    parentPort!.postMessage({ ok: true, ...done });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error).stack ?? String(err) });
  }
});
