import { availableParallelism } from 'node:os';
import type { Role } from '../../datasets/catalog.ts';
import { ConfigError } from '../../datasets/errors.ts';
import type { Market } from './market.ts';
import { EXECUTIONS, type Execution } from './options.ts';
import { parseRebalanceRule } from './rebalance-rule.ts';
import { SWEEP_FIELDS, SWEEP_TASK, SWEEP_WIDTH, type SweepShared } from './sweep-core.ts';
import { poolArray, poolCopy, runPool } from './worker-pool.ts';

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
  /**
   * Worker threads; 0 runs in this thread. Default `auto`: in this thread while the sweep is
   * small (under {@link IN_PROCESS_BELOW} role-days of replay, about a second of work: starting
   * workers would cost more than they save), else min(2, cores).
   */
  workers?: number | 'auto';
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

/**
 * Runs many playbook configurations over one market and one set of labels on the worker pool
 * (runPool): `worker_threads` that share the role returns, labels and tables through
 * SharedArrayBuffers (nothing is copied per worker), claim chunks of the grid from a shared
 * counter (so a worker that starts late takes less), and write their figures into one shared
 * result array; with `workers: 0`, in this thread.
 * Each configuration: planFromTable → replay (buffers reused, `record: 'nav'`) → computeMetrics
 * (without a benchmark: beta and correlation are NaN).
 *
 * @throws ConfigError naming `configs[i].…` for a bad table size, rule or execution.
 */
export async function runSweep(market: Market, labels: Uint8Array, configs: readonly SweepConfig[], options: SweepOptions = {}): Promise<SweepOutput> {
  const t0 = performance.now();
  const k = configs.length;
  const run = await runPool(SWEEP_TASK, {
    workers: sweepWorkers(options.workers, k, market, options),
    jobs: k,
    chunk: { max: 64, perWorker: 8 },
    prepare: (share) => packSweep(market, labels, configs, options, share),
  });
  const perWorker = run.perThread.map((t) => ({ configs: t.jobs, ms: t.ms }));
  return { fields: SWEEP_FIELDS, results: run.shared.results, workers: run.workers, ms: performance.now() - t0, perWorker };
}

/** Role-days of replay (configurations × days × roles) under which `auto` stays in this thread. */
export const IN_PROCESS_BELOW = 3e8;

/** The worker count of a sweep: `auto` by its size (see SweepOptions.workers), else as given. */
export function sweepWorkers(workers: number | 'auto' | undefined, configs: number, market: Market, options: SweepOptions): number {
  if (workers === undefined || workers === 'auto') {
    const days = (options.end ?? market.calendar.length - 1) - (options.start ?? 0) + 1;
    return configs * days * market.roles.length < IN_PROCESS_BELOW ? 0 : Math.min(2, availableParallelism());
  }
  if (!Number.isInteger(workers) || workers < 0 || workers > 64)
    throw new ConfigError('bad-config', `workers must be a whole number from 0 to 64, got ${workers}`, { field: 'workers' });
  return workers;
}

/** Checks the configurations and lays the sweep out as typed arrays (shared when `share`). */
function packSweep(market: Market, labels: Uint8Array, configs: readonly SweepConfig[], options: SweepOptions, share: boolean): SweepShared {
  const R = market.roles.length;
  const n = market.calendar.length;
  const k = configs.length;
  const rules: string[] = [];
  const ruleIndex = poolArray(Int32Array, k, share);
  const tables = poolArray(Float64Array, k * 5 * R, share);
  const costBps = poolArray(Float64Array, k, share);
  const execution = poolArray(Uint8Array, k, share);
  configs.forEach((c, i) => {
    if (c.table.length !== 5 * R)
      throw new ConfigError('bad-config', `table must hold 5 × ${R} weights, got ${c.table.length}`, { field: `configs[${i}].table` });
    let r = rules.indexOf(c.rule);
    if (r < 0) {
      parseRebalanceRule(c.rule, `configs[${i}].rule`);
      r = rules.push(c.rule) - 1;
    }
    for (let q = 1; q <= 4; q++) {
      let sum = 0;
      for (let j = 0; j < R; j++) {
        const w = c.table[q * R + j];
        if (!(w >= 0) || w === Infinity)
          throw new ConfigError('bad-weights', `weight ${w} of ${market.roles[j]} in Q${q} is not a number ≥ 0`, { field: `configs[${i}].table` });
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-9) throw new ConfigError('bad-weights', `Q${q} weights sum to ${sum}, not 1`, { field: `configs[${i}].table` });
    }
    if (!(c.costBps >= 0 && c.costBps < 1e4))
      throw new ConfigError('bad-config', `costBps must be in [0, 10000), got ${c.costBps}`, { field: `configs[${i}].costBps` });
    ruleIndex[i] = r;
    tables.set(c.table, i * 5 * R);
    costBps[i] = c.costBps;
    const e = EXECUTIONS.indexOf(c.execution ?? 'next-close');
    if (e < 0) throw new ConfigError('bad-config', `unknown execution "${c.execution}"`, { field: `configs[${i}].execution` });
    execution[i] = e;
  });
  return {
    roles: [...market.roles] as Role[],
    calendar: poolCopy(Int32Array, market.calendar, share),
    returns: poolCopy(Float64Array, market.returns, share),
    overnight: poolCopy(Float64Array, market.overnight, share),
    cashReturns: poolCopy(Float64Array, market.cashReturns, share),
    labels: poolCopy(Uint8Array, labels, share),
    tables,
    ruleIndex,
    rules,
    costBps,
    execution,
    start: options.start ?? 0,
    end: options.end ?? n - 1,
    results: poolArray(Float64Array, k * SWEEP_WIDTH, share),
  };
}
