import { Worker } from 'node:worker_threads';
import type { Role } from '../../datasets/catalog.ts';
import { ConfigError } from '../../datasets/errors.ts';
import type { Market } from './market.ts';
import { EXECUTIONS, type Execution } from './options.ts';
import { parseRebalanceRule } from './rebalance-rule.ts';
import { runSweepSlice, SWEEP_FIELDS, SWEEP_WIDTH, type SweepShared } from './sweep-core.ts';

/** One configuration of a playbook sweep. */
export interface SweepConfig {
  /** 5 × R playbook table over the market's roles (row 0 unused; rows 1..4 = Q1..Q4), rows summing to 1. */
  table: Float64Array;
  rule: string;
  costBps: number;
  execution?: Execution;
}

export interface SweepOptions {
  start?: number;
  end?: number;
  /** Worker threads; 0 runs in this thread. Default 2. */
  workers?: number;
}

export interface SweepOutput {
  fields: readonly string[];
  /** configs × fields, row-major (see SWEEP_FIELDS). */
  results: Float64Array;
  workers: number;
  /** Wall time of the whole sweep, including starting the workers. */
  ms: number;
  /** Per worker: configurations run and time spent running them (after its start-up). */
  perWorker: { configs: number; ms: number }[];
}

/** Copies a typed array into shared memory (once per sweep; workers read it in place). */
function shared<T extends Float64Array | Int32Array | Uint8Array>(src: T, Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const out = new Ctor(new SharedArrayBuffer(Math.max(1, src.length) * Ctor.BYTES_PER_ELEMENT));
  out.set(src);
  return out.subarray(0, src.length) as T;
}

/**
 * Runs many playbook configurations over one market and one set of labels on
 * `worker_threads` that share the role returns, labels and tables through SharedArrayBuffers
 * (nothing is copied per worker), claim chunks of the grid from a shared counter (so a worker
 * that starts late takes less), and write their figures into one shared result array.
 * Each configuration: planFromTable → replay (buffers reused, `record: 'nav'`) → computeMetrics
 * (without a benchmark: beta and correlation are NaN).
 *
 * @throws ConfigError naming `configs[i].…` for a bad table size, rule or execution.
 */
export async function runSweep(market: Market, labels: Uint8Array, configs: readonly SweepConfig[], options: SweepOptions = {}): Promise<SweepOutput> {
  const t0 = performance.now();
  // Start the workers first: they load their code while the shared arrays are filled.
  const workers = Math.max(0, Math.min(options.workers ?? 2, configs.length));
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./sweep-worker-boot.mjs', import.meta.url)));
  try {
    return await sweepOn(pool, market, labels, configs, options, t0);
  } finally {
    for (const w of pool) void w.terminate();
  }
}

async function sweepOn(pool: Worker[], market: Market, labels: Uint8Array, configs: readonly SweepConfig[], options: SweepOptions, t0: number): Promise<SweepOutput> {
  const workers = pool.length;
  const R = market.roles.length;
  const n = market.calendar.length;
  const k = configs.length;
  const rules: string[] = [];
  const ruleIndex = new Int32Array(new SharedArrayBuffer(Math.max(1, k) * 4));
  const tables = new Float64Array(new SharedArrayBuffer(Math.max(1, k * 5 * R) * 8));
  const costBps = new Float64Array(new SharedArrayBuffer(Math.max(1, k) * 8));
  const execution = new Uint8Array(new SharedArrayBuffer(Math.max(1, k)));
  configs.forEach((c, i) => {
    if (c.table.length !== 5 * R) throw new ConfigError(`table must hold 5 × ${R} weights, got ${c.table.length}`, { field: `configs[${i}].table` });
    let r = rules.indexOf(c.rule);
    if (r < 0) {
      parseRebalanceRule(c.rule, `configs[${i}].rule`);
      r = rules.push(c.rule) - 1;
    }
    for (let q = 1; q <= 4; q++) {
      let sum = 0;
      for (let j = 0; j < R; j++) {
        const w = c.table[q * R + j];
        if (!(w >= 0) || w === Infinity) throw new ConfigError(`weight ${w} of ${market.roles[j]} in Q${q} is not a number ≥ 0`, { field: `configs[${i}].table` }, 'bad-weights');
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-9) throw new ConfigError(`Q${q} weights sum to ${sum}, not 1`, { field: `configs[${i}].table` }, 'bad-weights');
    }
    if (!(c.costBps >= 0 && c.costBps < 1e4)) throw new ConfigError(`costBps must be in [0, 10000), got ${c.costBps}`, { field: `configs[${i}].costBps` });
    ruleIndex[i] = r;
    tables.set(c.table, i * 5 * R);
    costBps[i] = c.costBps;
    const e = EXECUTIONS.indexOf(c.execution ?? 'next-close');
    if (e < 0) throw new ConfigError(`unknown execution "${c.execution}"`, { field: `configs[${i}].execution` });
    execution[i] = e;
  });
  const data: SweepShared = {
    roles: [...market.roles] as Role[],
    calendar: shared(market.calendar, Int32Array),
    returns: shared(market.returns, Float64Array),
    overnight: shared(market.overnight, Float64Array),
    cashReturns: shared(market.cashReturns, Float64Array),
    labels: shared(labels, Uint8Array),
    tables,
    ruleIndex,
    rules,
    costBps,
    execution,
    start: options.start ?? 0,
    end: options.end ?? n - 1,
    results: new Float64Array(new SharedArrayBuffer(Math.max(1, k * SWEEP_WIDTH) * 8)),
  };
  const perWorker: { configs: number; ms: number }[] = [];
  if (workers === 0) {
    const t1 = performance.now();
    runSweepSlice(data, 0, k);
    perWorker.push({ configs: k, ms: performance.now() - t1 });
  } else {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const chunk = Math.max(1, Math.min(64, Math.ceil(k / (workers * 8))));
    await Promise.all(
      pool.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            worker.once('message', (msg: { ok: boolean; error?: string; configs: number; ms: number }) => {
              void worker.terminate();
              perWorker[w] = { configs: msg.configs, ms: msg.ms };
              if (msg.ok) resolve();
              else reject(new Error(`sweep worker ${w}: ${msg.error}`));
            });
            worker.once('error', reject);
            worker.postMessage({ shared: data, counter, chunk, to: k });
          }),
      ),
    );
  }
  return { fields: SWEEP_FIELDS, results: data.results.subarray(0, k * SWEEP_WIDTH), workers, ms: performance.now() - t0, perWorker };
}
