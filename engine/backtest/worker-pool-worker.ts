/**
 * A pool worker (see runPool): imports the task named in its `workerData`, then on its request
 * claims chunks of jobs with runClaimedChunks over the shared data and replies with its timing,
 * or with the error that stopped it. It stays alive (listening) until the pool terminates it, so
 * its reply always arrives before it exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runClaimedChunks, type PoolReply, type PoolRequest, type PoolTask, type PoolWorkerData } from './worker-pool.ts';

const { module, name } = workerData as PoolWorkerData;
const task = ((await import(module)) as Record<string, PoolTask<unknown> | undefined>)[name];

parentPort!.on('message', (msg: PoolRequest<unknown>) => {
  let reply: PoolReply;
  try {
    if (typeof task?.createRunner !== 'function') throw new Error(`${module} exports no pool task "${name}"`);
    reply = { ok: true, ...runClaimedChunks(task, msg.shared, msg.counters, msg.chunk, msg.to) };
  } catch (err) {
    reply = { ok: false, error: (err as Error).stack ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
