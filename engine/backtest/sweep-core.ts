import { headlineMetrics } from '../metrics/headline-metrics.ts';
import type { Execution } from './options.ts';
import { marketFromArrays, type MarketArrays } from './market.ts';
import { planFromTable, type Plan } from './plan.ts';
import { parseRebalanceRule, type RebalanceRule } from './rebalance-rule.ts';
import { replay } from './replay.ts';
import { createReplayBuffers, type ReplayBuffers } from './replay-buffers.ts';
import { ruleTriggers } from './calendar-triggers.ts';
import type { PoolTask } from './worker-pool.ts';

/** The figures a sweep keeps per configuration, in this order. */
export const SWEEP_FIELDS = ['cagr', 'volatility', 'sharpe', 'maxDrawdown', 'turnover', 'costDrag', 'finalNav'] as const;
export const SWEEP_WIDTH = SWEEP_FIELDS.length;

/** What every runner reads and writes (SharedArrayBuffers when workers share it, plain arrays in-process). */
export interface SweepShared extends MarketArrays {
  labels: Uint8Array;
  /** Configurations × 5R playbook tables (row 0 unused, rows 1..4 = Q1..Q4). */
  tables: Float64Array;
  /** Per configuration: index into `rules`. */
  ruleIndex: Int32Array;
  rules: readonly string[];
  /** Per configuration: proportional cost, bps. */
  costBps: Float64Array;
  /** Per configuration: 0 next-close, 1 next-open, 2 same-close. */
  execution: Uint8Array;
  start: number;
  end: number;
  /** Configurations × SWEEP_WIDTH results, written by index. */
  results: Float64Array;
}

const EXEC: readonly Execution[] = ['next-close', 'next-open', 'same-close'];

/** A plan whose fields the runner sets per configuration (one object for the whole sweep). */
type PlanSlot = { -readonly [K in keyof Plan]: Plan[K] };

/**
 * This thread's replay buffers and metrics scratch, kept from one sweep to the next (walk-forward
 * refits run many sweeps in a row): allocating and zeroing them cost a 200-configuration sweep
 * about 5% of its time. Grown when a sweep needs more; about 2.6 MB on the full snapshot.
 */
let kept: { buffers: ReplayBuffers; scratch: Float64Array; m: number; R: number } | undefined;

function keptBuffers(m: number, R: number): { buffers: ReplayBuffers; scratch: Float64Array } {
  if (!kept || kept.m < m || kept.R < R) kept = { buffers: createReplayBuffers(m, R), scratch: new Float64Array(m), m, R };
  return kept;
}

/**
 * A runner for one thread: one market view, this thread's kept buffers, one options object,
 * and one plan (with its trigger array) per distinct rule; nothing is allocated per
 * configuration but the view of its table. Each configuration is that plan with its table, a
 * replay (`record: 'nav'`) and headlineMetrics (computeMetrics's headline figures); they land in
 * `shared.results` at its own index, so they do not depend on which worker ran it.
 */
function makeRunner(shared: SweepShared): (c: number) => void {
  const R = shared.roles.length;
  const market = marketFromArrays({
    calendar: shared.calendar,
    roles: shared.roles,
    returns: shared.returns,
    overnight: shared.overnight,
    cashReturns: shared.cashReturns,
  });
  const m = shared.end - shared.start + 1;
  const { buffers, scratch } = keptBuffers(m, R);
  const parsed: RebalanceRule[] = shared.rules.map((r) => parseRebalanceRule(r));
  const riskFree = shared.cashReturns.slice(shared.start, shared.end + 1);
  const results = shared.results;
  // One plan per rule, made when first needed; every configuration reads the same labels, so
  // the day → row index is made once too.
  const plans: (PlanSlot | undefined)[] = parsed.map(() => undefined);
  let index: Int32Array | undefined;
  const options = { start: shared.start, end: shared.end, execution: EXEC[0], costs: { bps: 0 }, record: 'nav' as const };
  return (c) => {
    const ri = shared.ruleIndex[c];
    const table = shared.tables.subarray(c * 5 * R, (c + 1) * 5 * R);
    let plan = plans[ri];
    if (!plan) {
      const rule = parsed[ri];
      const trigger = ruleTriggers(rule, shared.calendar, shared.labels);
      index ??= planFromTable(table, shared.labels, rule, shared.calendar, trigger).index;
      plan = plans[ri] = { rows: table, index, trigger, onChange: rule.change, driftBand: rule.drift, rule: rule.text };
    }
    plan.rows = table;
    options.execution = EXEC[shared.execution[c]];
    options.costs.bps = shared.costBps[c];
    const result = replay(market, plan, options, buffers);
    const met = headlineMetrics(result.nav, riskFree, result.totalTurnover, result.totalCosts, scratch);
    const out = c * SWEEP_WIDTH;
    results[out] = met.cagr;
    results[out + 1] = met.volatility;
    results[out + 2] = met.sharpe;
    results[out + 3] = met.maxDrawdown;
    results[out + 4] = met.turnover;
    results[out + 5] = met.costDrag;
    results[out + 6] = result.nav[m - 1];
  };
}

/** The sweep as a pool task: job c runs configuration c (see makeRunner). */
export const SWEEP_TASK: PoolTask<SweepShared> = { label: 'sweep', module: import.meta.url, name: 'SWEEP_TASK', createRunner: makeRunner };
