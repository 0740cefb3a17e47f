import type { Market } from '../../engine/backtest/market.ts';
import { poolArray, poolCopy, runPool } from '../../engine/backtest/worker-pool.ts';
import { JOB_WIDTH, JOBS_TASK, makeRowRunner, type JobsShared } from './jobs-core.ts';
import type { RowSummaryLayout } from './row-summary.ts';

/** One replay of a batch: which label set, playbook, rule and cost. */
export interface Job {
  labels: number;
  table: number;
  rule: number;
  costBps: number;
}

export interface JobsInput {
  market: Market;
  /** Label sets over the market's calendar. */
  labelSets: readonly Uint8Array[];
  /** Playbooks as 5 × R rows over the market's roles. */
  tables: readonly Float64Array[];
  rules: readonly string[];
  jobs: readonly Job[];
  start: number;
  end: number;
  /** Jobs [0, summarise.jobs) summarise their daily excess returns (row-summary.ts) in `summarise.layout`; none when absent. */
  summarise?: { jobs: number; layout: RowSummaryLayout };
}

export interface JobsOptions {
  /** Worker threads; 0 runs in this thread. */
  workers: number;
  /** Called now and then with the jobs finished so far (and once at the end). */
  onProgress?: (done: number, total: number) => void;
}

export interface JobsOutput {
  /** jobs × JOB_WIDTH figures (see JOB_FIELDS). */
  metrics: Float64Array;
  /** summarise.jobs × summarise.layout.width row summaries of the jobs' daily excess returns, row-major. */
  summaries: Float64Array;
  workers: number;
  ms: number;
}

/**
 * Runs a batch of replays (see JobsShared) on the worker pool (runPool): in this thread, or on
 * `workers` worker_threads that share every array through SharedArrayBuffers and claim chunks
 * of jobs from a shared counter. The figures do not depend on the number of workers.
 */
export async function runJobs(input: JobsInput, options: JobsOptions): Promise<JobsOutput> {
  const t0 = performance.now();
  const run = await runPool(JOBS_TASK, {
    workers: options.workers,
    jobs: input.jobs.length,
    chunk: { max: 32, perWorker: 16 },
    prepare: (share) => pack(input, share),
    onProgress: options.onProgress,
  });
  return { metrics: run.shared.metrics, summaries: run.shared.summaries, workers: run.workers, ms: performance.now() - t0 };
}

/**
 * Replays jobs of a batch one at a time in this thread, on demand: `rowOf(j)` is job j's daily
 * excess returns over T-bills (end − start of them), the very row a batch summarises (the same
 * replay), kept for the next ask. For the few full rows the statistics need after a batch.
 */
export function replayRows(input: JobsInput): (j: number) => Float64Array {
  const shared = pack({ ...input, summarise: undefined }, false);
  let run: ((j: number) => Float64Array) | undefined;
  const rows = new Map<number, Float64Array>();
  return (j) => {
    let row = rows.get(j);
    if (!row) {
      run ??= makeRowRunner(shared);
      row = run(j).slice();
      rows.set(j, row);
    }
    return row;
  };
}

/** The batch as typed arrays, in shared memory when workers will read it. */
function pack(input: JobsInput, share: boolean): JobsShared {
  const { market, jobs, summarise } = input;
  const n = market.calendar.length;
  const R = market.roles.length;
  const k = jobs.length;
  const labels = poolArray(Uint8Array, input.labelSets.length * n, share);
  input.labelSets.forEach((l, i) => labels.set(l, i * n));
  const tables = poolArray(Float64Array, input.tables.length * 5 * R, share);
  input.tables.forEach((t, i) => tables.set(t, i * 5 * R));
  const jobLabels = poolArray(Int32Array, k, share);
  const jobTable = poolArray(Int32Array, k, share);
  const jobRule = poolArray(Int32Array, k, share);
  const jobCost = poolArray(Float64Array, k, share);
  jobs.forEach((job, j) => {
    jobLabels[j] = job.labels;
    jobTable[j] = job.table;
    jobRule[j] = job.rule;
    jobCost[j] = job.costBps;
  });
  return {
    roles: [...market.roles],
    calendar: poolCopy(Int32Array, market.calendar, share),
    returns: poolCopy(Float64Array, market.returns, share),
    overnight: poolCopy(Float64Array, market.overnight, share),
    cashReturns: poolCopy(Float64Array, market.cashReturns, share),
    labels,
    tables,
    rules: [...input.rules],
    jobLabels,
    jobTable,
    jobRule,
    jobCost,
    start: input.start,
    end: input.end,
    metrics: poolArray(Float64Array, k * JOB_WIDTH, share),
    summarise: summarise?.jobs ?? 0,
    blockStart: poolCopy(Int32Array, summarise?.layout.blockStart ?? Int32Array.of(0), share),
    yearStart: poolCopy(Int32Array, summarise?.layout.yearStart ?? Int32Array.of(0), share),
    summaries: poolArray(Float64Array, summarise ? summarise.jobs * summarise.layout.width : 0, share),
  };
}
