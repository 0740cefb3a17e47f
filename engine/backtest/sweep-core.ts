import { headlineMetrics } from '../metrics/headline-metrics.ts';
import type { Execution } from './options.ts';
import { marketFromArrays, type MarketArrays } from './market.ts';
import { planFromTable, type Plan } from './plan.ts';
import { parseRebalanceRule, type RebalanceRule } from './rebalance-rule.ts';
import { replay } from './replay.ts';
import { createReplayBuffers } from './replay-buffers.ts';
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

/**
 * A runner for one worker: one market view, one set of buffers and one trigger array per
 * distinct rule, made up front. Each configuration is a table plan, a replay (`record: 'nav'`)
 * and headlineMetrics (computeMetrics's figures in one allocation-free pass); its figures land in `shared.results` at its own index, so they do not
 * depend on which worker ran it.
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
  const buffers = createReplayBuffers(m, R);
  const parsed: RebalanceRule[] = shared.rules.map((r) => parseRebalanceRule(r));
  const triggers = new Map<number, Uint8Array>();
  const riskFree = shared.cashReturns.slice(shared.start, shared.end + 1);
  const scratch = new Float64Array(m);
  let index: Int32Array | undefined;
  return (c) => {
    const ri = shared.ruleIndex[c];
    let trig = triggers.get(ri);
    if (!trig) {
      trig = ruleTriggers(parsed[ri], shared.calendar, shared.labels);
      triggers.set(ri, trig);
    }
    const table = shared.tables.subarray(c * 5 * R, (c + 1) * 5 * R);
    // Every configuration reads the same labels: the day → row index is made once.
    index ??= planFromTable(table, shared.labels, parsed[ri], shared.calendar, trig).index;
    const rule = parsed[ri];
    const plan: Plan = { rows: table, index, trigger: trig, onChange: rule.change, driftBand: rule.drift, rule: rule.text };
    const options = { start: shared.start, end: shared.end, execution: EXEC[shared.execution[c]], costs: { bps: shared.costBps[c] }, record: 'nav' as const };
    const result = replay(market, plan, options, buffers);
    const met = headlineMetrics(result.nav, riskFree, result.totalTurnover, result.totalCosts, scratch);
    const out = c * SWEEP_WIDTH;
    shared.results[out] = met.cagr;
    shared.results[out + 1] = met.volatility;
    shared.results[out + 2] = met.sharpe;
    shared.results[out + 3] = met.maxDrawdown;
    shared.results[out + 4] = met.turnover;
    shared.results[out + 5] = met.costDrag;
    shared.results[out + 6] = result.nav[m - 1];
  };
}

/** The sweep as a pool task: job c runs configuration c (see makeRunner). */
export const SWEEP_TASK: PoolTask<SweepShared> = { label: 'sweep', module: import.meta.url, name: 'SWEEP_TASK', createRunner: makeRunner };
