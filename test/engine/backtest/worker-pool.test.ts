import { describe, it, expect } from 'vitest';
import { poolArray, poolCopy, runClaimedChunks, runPool, type PoolTask } from '../../../engine/backtest/worker-pool.ts';
import { SQUARES_TASK, type SquaresShared } from './worker-pool-task.ts';

const squares =
  (jobs: number, failAt = -1) =>
  (share: boolean): SquaresShared => ({ out: poolArray(Float64Array, jobs, share), ranOn: poolArray(Int32Array, jobs, share), failAt });

describe('runPool', () => {
  it('runs every job exactly once, on workers or in this thread, with the same figures', async () => {
    const jobs = 1000;
    const want = Float64Array.from({ length: jobs }, (_, i) => i * i + 1);
    const ticks: number[] = [];
    const local = await runPool(SQUARES_TASK, {
      workers: 0,
      jobs,
      chunk: { max: 16, perWorker: 4 },
      prepare: squares(jobs),
      onProgress: (done, total) => ticks.push(done / total),
    });
    expect(local.workers).toBe(0);
    expect(local.perThread).toHaveLength(1);
    expect(local.perThread[0].jobs).toBe(jobs);
    expect(Array.from(local.shared.out)).toEqual(Array.from(want));
    expect(local.shared.ranOn.every((t) => t === 1)).toBe(true);
    expect(ticks.at(-1)).toBe(1);

    const threaded = await runPool(SQUARES_TASK, { workers: 3, jobs, chunk: { max: 16, perWorker: 4 }, prepare: squares(jobs) });
    expect(threaded.workers).toBe(3);
    expect(threaded.shared.out.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(threaded.perThread.reduce((a, t) => a + t.jobs, 0)).toBe(jobs);
    expect(Array.from(threaded.shared.out)).toEqual(Array.from(want));
    // Each job ran once, on a worker (never this thread: threadId 0 here would write 1).
    expect(threaded.shared.ranOn.every((t) => t > 1)).toBe(true);
  });

  it('caps the workers at the number of jobs and runs an empty batch', async () => {
    expect((await runPool(SQUARES_TASK, { workers: 4, jobs: 2, chunk: { max: 8, perWorker: 8 }, prepare: squares(2) })).workers).toBe(2);
    const none = await runPool(SQUARES_TASK, { workers: 2, jobs: 0, chunk: { max: 8, perWorker: 8 }, prepare: squares(0) });
    expect(none.workers).toBe(0);
    expect(none.shared.out).toHaveLength(0);
  });

  it('names the task and worker when a job throws, and passes on what prepare throws', async () => {
    await expect(runPool(SQUARES_TASK, { workers: 2, jobs: 50, chunk: { max: 4, perWorker: 4 }, prepare: squares(50, 7) })).rejects.toThrow(
      /squares worker \d: .*job 7 failed/s,
    );
    await expect(runPool(SQUARES_TASK, { workers: 0, jobs: 50, chunk: { max: 4, perWorker: 4 }, prepare: squares(50, 7) })).rejects.toThrow('job 7 failed');
    const bad = () => {
      throw new RangeError('bad input');
    };
    await expect(runPool(SQUARES_TASK, { workers: 2, jobs: 50, chunk: { max: 4, perWorker: 4 }, prepare: bad })).rejects.toThrow(RangeError);
  });

  it('starts its workers when this process runs with options a worker refuses (--expose-gc, as `npm run bench` does)', async () => {
    process.execArgv.push('--expose-gc');
    try {
      const run = await runPool(SQUARES_TASK, { workers: 2, jobs: 8, chunk: { max: 2, perWorker: 2 }, prepare: squares(8) });
      expect(Array.from(run.shared.out)).toEqual(Array.from({ length: 8 }, (_, i) => i * i + 1));
    } finally {
      process.execArgv.pop();
    }
  });

  it('names a task its module does not export, in the worker that would run it', async () => {
    const missing = { ...SQUARES_TASK, name: 'NOT_A_TASK' };
    await expect(runPool(missing, { workers: 1, jobs: 4, chunk: { max: 4, perWorker: 1 }, prepare: squares(4) })).rejects.toThrow(
      /squares worker 0: .*exports no pool task "NOT_A_TASK"/s,
    );
  });
});

describe('runClaimedChunks', () => {
  it('claims guided chunks: ⌈jobs left / spread⌉ clamped to [1, max], so they shrink toward the end', () => {
    const counters = new Int32Array(2);
    const claimEnd = new Int32Array(40);
    // Each job notes where its claim ends (the shared counter while the claim runs).
    const task: PoolTask<null> = { label: 'claims', module: '', name: '', createRunner: () => (i) => (claimEnd[i] = counters[0]) };
    const timing = runClaimedChunks(task, null, counters, { max: 8, spread: 4 }, 40);
    // By hand, with 40 jobs left: ⌈40/4⌉ = 10 → 8 (max), then 32 → 8, 24 → 6, 18 → 5, 13 → 4, 9 → 3, 6 → 2, then 1 at a time.
    const sizes = [8, 8, 6, 5, 4, 3, 2, 1, 1, 1, 1];
    const want: number[] = [];
    let end = 0;
    for (const size of sizes) {
      end += size;
      for (let j = 0; j < size; j++) want.push(end);
    }
    expect(Array.from(claimEnd)).toEqual(want);
    expect(timing.jobs).toBe(40);
    expect(Array.from(counters)).toEqual([40, 40]);
  });
});

describe('poolArray / poolCopy', () => {
  it('share memory only when asked, and copy only then', () => {
    const src = Float64Array.of(1, 2, 3);
    expect(poolCopy(Float64Array, src, false)).toBe(src);
    const copy = poolCopy(Float64Array, src, true);
    expect(copy.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    expect(poolArray(Uint8Array, 0, true)).toHaveLength(0);
    expect(poolArray(Int32Array, 5, false).buffer).toBeInstanceOf(ArrayBuffer);
  });
});
