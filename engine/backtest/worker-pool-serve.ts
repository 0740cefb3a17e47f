/**
 * A pool worker's message loop (see runPool): on its request it claims chunks of jobs with
 * runClaimedChunks over the shared data and replies with its timing, or with the error that
 * stopped it. It stays alive (listening) until the pool terminates it, so its reply always
 * arrives before it exits.
 */
import { parentPort } from 'node:worker_threads';
import { runClaimedChunks, type PoolReply, type PoolRequest, type PoolTask } from './worker-pool.ts';

/** Serves `task` (undefined when the worker's module does not export it: every request then fails with `missing`). */
export function servePoolTask(task: PoolTask<unknown> | undefined, missing: string): void {
  parentPort!.on('message', (msg: PoolRequest<unknown>) => {
    let reply: PoolReply;
    try {
      if (typeof task?.createRunner !== 'function') throw new Error(missing);
      reply = { ok: true, ...runClaimedChunks(task, msg.shared, msg.counters, msg.chunk, msg.to) };
    } catch (err) {
      reply = { ok: false, error: (err as Error).stack ?? String(err) };
    }
    parentPort!.postMessage(reply);
  });
}
