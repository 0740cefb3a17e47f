/**
 * A pool worker's message loop (see runPool): it says POOL_READY (or, when its module does not
 * export the task, replies with that error at once), then on its request claims chunks of jobs
 * with runClaimedChunks over the shared data and replies with its timing, or with the error that
 * stopped it. It stays alive (listening) until the pool terminates it, so its reply always
 * arrives before it exits.
 */
import { parentPort } from 'node:worker_threads';
import { POOL_READY } from './worker-pool-entry.ts';
import { runClaimedChunks, type PoolReply, type PoolRequest, type PoolTask } from './worker-pool.ts';

/** Serves `task`; `missing` is the error when the worker's module does not export it (task undefined). */
export function servePoolTask(task: PoolTask<unknown> | undefined, missing: string): void {
  const port = parentPort!;
  if (typeof task?.createRunner !== 'function') {
    port.postMessage({ ok: false, error: missing } satisfies PoolReply);
    return;
  }
  port.on('message', (msg: PoolRequest<unknown>) => {
    let reply: PoolReply;
    try {
      reply = { ok: true, ...runClaimedChunks(task, msg.shared, msg.counters, msg.chunk, msg.to) };
    } catch (err) {
      reply = { ok: false, error: (err as Error).stack ?? String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage(POOL_READY);
}
