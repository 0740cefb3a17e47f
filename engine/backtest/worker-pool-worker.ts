/**
 * A pool worker's entry in compiled code (dist/): imports the task named in its `workerData`
 * and serves it (see servePoolTask). From the TypeScript sources, startWorker runs a bundle of
 * the task and the loop instead.
 */
import { workerData } from 'node:worker_threads';
import type { PoolTask, PoolWorkerData } from './worker-pool.ts';
import { servePoolTask } from './worker-pool-serve.ts';

const { module, name } = workerData as PoolWorkerData;
const task = ((await import(module)) as Record<string, PoolTask<unknown> | undefined>)[name];
servePoolTask(task, `${module} exports no pool task "${name}"`);
