/** A small pool task for the worker-pool tests: job i writes i² + 1 and which thread ran it; job `failAt` throws. */
import { threadId } from 'node:worker_threads';
import type { PoolTask } from '../../../engine/backtest/worker-pool.ts';

export interface SquaresShared {
  out: Float64Array;
  /** Per job: the thread that ran it, plus one (0: not run). */
  ranOn: Int32Array;
  failAt: number;
}

export const SQUARES_TASK: PoolTask<SquaresShared> = {
  label: 'squares',
  module: import.meta.url,
  name: 'SQUARES_TASK',
  createRunner: (shared) => (i) => {
    if (i === shared.failAt) throw new Error(`job ${i} failed`);
    shared.out[i] = i * i + 1;
    shared.ranOn[i] += threadId + 1;
  },
};
