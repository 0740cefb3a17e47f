import { Worker } from 'node:worker_threads';
import type { Market } from '../../engine/backtest/market.ts';
import { JOB_WIDTH, makeJobRunner, type JobsShared } from './jobs-core.ts';

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
  /** Jobs [0, keep) keep their daily excess returns. */
  keep: number;
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
  /** keep × (m − 1) daily excess returns, row-major. */
  excess: Float64Array;
  workers: number;
  ms: number;
}

type Ctor<T> = { new (b: ArrayBufferLike): T; BYTES_PER_ELEMENT: number };

/**
 * Runs a batch of replays (see JobsShared), in this thread or on `workers` worker_threads that
 * share every array through SharedArrayBuffers and claim chunks of jobs from a shared counter.
 * The figures do not depend on the number of workers.
 */
export async function runJobs(input: JobsInput, options: JobsOptions): Promise<JobsOutput> {
  const t0 = performance.now();
  const k = input.jobs.length;
  const workers = Math.max(0, Math.min(options.workers, k));
  // Start the workers first: they load their code while the arrays are filled.
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./jobs-worker-boot.mjs', import.meta.url)));
  try {
    const shared = pack(input, workers > 0);
    const total = k;
    const report = () => options.onProgress?.(Atomics.load(shared.done, 0), total);
    if (workers === 0) {
      const run = makeJobRunner(shared);
      let last = performance.now();
      for (let j = 0; j < k; j++) {
        run(j);
        if (options.onProgress && performance.now() - last > 100) {
          report();
          last = performance.now();
        }
      }
    } else {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const chunk = Math.max(1, Math.min(32, Math.ceil(k / (workers * 16))));
      const timer = options.onProgress ? setInterval(report, 100) : undefined;
      try {
        await Promise.all(
          pool.map(
            (worker, w) =>
              new Promise<void>((resolve, reject) => {
                worker.once('message', (msg: { ok: boolean; error?: string }) => {
                  if (msg.ok) resolve();
                  else reject(new Error(`robustness worker ${w}: ${msg.error}`));
                });
                worker.once('error', reject);
                worker.postMessage({ shared, counter, chunk, to: k });
              }),
          ),
        );
      } finally {
        if (timer) clearInterval(timer);
      }
    }
    report();
    return { metrics: shared.metrics, excess: shared.excess, workers, ms: performance.now() - t0 };
  } finally {
    for (const w of pool) void w.terminate();
  }
}

/** The batch as typed arrays, in shared memory when workers will read it. */
function pack(input: JobsInput, share: boolean): JobsShared {
  const alloc = <T>(C: Ctor<T>, length: number): T => new C(share ? new SharedArrayBuffer(Math.max(1, length) * C.BYTES_PER_ELEMENT) : new ArrayBuffer(Math.max(1, length) * C.BYTES_PER_ELEMENT));
  const copy = <T extends Float64Array | Int32Array | Uint8Array>(C: Ctor<T>, src: T): T => {
    if (!share) return src;
    const out = alloc(C, src.length);
    out.set(src as never);
    return out.subarray(0, src.length) as T;
  };
  const { market, jobs } = input;
  const n = market.calendar.length;
  const R = market.roles.length;
  const k = jobs.length;
  const m = input.end - input.start + 1;
  const labels = alloc(Uint8Array, input.labelSets.length * n);
  input.labelSets.forEach((l, i) => labels.set(l, i * n));
  const tables = alloc(Float64Array, input.tables.length * 5 * R);
  input.tables.forEach((t, i) => tables.set(t, i * 5 * R));
  const jobLabels = alloc(Int32Array, k);
  const jobTable = alloc(Int32Array, k);
  const jobRule = alloc(Int32Array, k);
  const jobCost = alloc(Float64Array, k);
  jobs.forEach((job, j) => {
    jobLabels[j] = job.labels;
    jobTable[j] = job.table;
    jobRule[j] = job.rule;
    jobCost[j] = job.costBps;
  });
  return {
    roles: [...market.roles],
    calendar: copy(Int32Array, market.calendar),
    returns: copy(Float64Array, market.returns),
    overnight: copy(Float64Array, market.overnight),
    cashReturns: copy(Float64Array, market.cashReturns),
    labels,
    tables,
    rules: [...input.rules],
    jobLabels,
    jobTable,
    jobRule,
    jobCost,
    start: input.start,
    end: input.end,
    keep: input.keep,
    metrics: alloc(Float64Array, k * JOB_WIDTH).subarray(0, k * JOB_WIDTH),
    excess: alloc(Float64Array, input.keep * (m - 1)).subarray(0, input.keep * (m - 1)),
    done: alloc(Int32Array, 1),
  };
}
