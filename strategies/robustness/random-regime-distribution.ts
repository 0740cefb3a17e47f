import { ConfigError } from '../../datasets/errors.ts';
import type { Market } from '../../engine/backtest/market.ts';
import { type Plan, planFromTable } from '../../engine/backtest/plan.ts';
import { ruleTriggers } from '../../engine/backtest/calendar-triggers.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { createReplayBuffers } from '../../engine/backtest/replay-buffers.ts';
import { replay } from '../../engine/backtest/replay.ts';
import { computeMetrics } from '../../engine/metrics/compute-metrics.ts';
import { ARTICLE_RULE, articleStrategy } from '../article.ts';
import { RANDOM_REGIME_SEED } from '../benchmarks.ts';
import { blockShuffleLabels } from '../block-shuffle.ts';
import { compileStrategy } from '../compile.ts';
import type { StrategyEnv } from '../context.ts';
import { DEFAULT_ASSUMPTION, delayPlan, replayExecution, type CostAssumption } from '../cost-assumption.ts';
import { tableRows, type QuadrantTable } from '../quadrant-table.ts';
import type { Strategy } from '../step.ts';

/** Block shuffles of the labels behind the random-regime distribution. */
export const DEFAULT_SHUFFLES = 200;

/** Median and 5th / 95th percentiles (nearest rank). */
export interface Band {
  median: number;
  p05: number;
  p95: number;
}

/** The playbook on block-shuffled labels: a distribution, not one seed. */
export interface RandomRegimeDistribution {
  shuffles: number;
  /** Shuffle i uses seed `seed + i` (shuffle 0 is the `random-regime` benchmark's own seed). */
  seed: number;
  sharpe: Band;
  cagr: Band;
  maxDrawdown: Band;
  /** Shuffles whose Sharpe is at least `reference` (the playbook's), and (1 + that) / (shuffles + 1). */
  atLeast: number;
  pValue: number;
  /** Each shuffle's Sharpe in shuffle order (entry i: seed + i), 4 decimals (NaN where undefined): the distribution the band summarises. */
  sharpes: number[];
}

export interface RandomRegimeOptions {
  start: number;
  end?: number;
  assumption?: CostAssumption;
  /** The strategy whose labels are shuffled; default `article` (its Q2 tilt conditional). */
  strategy?: Strategy;
  /** Instead of a strategy, a plain table to hold (the sweeps' fast table path). */
  table?: QuadrantTable;
  /** Rebalancing rule; default the strategy's own (ARTICLE_RULE for a table). */
  rule?: string;
  /** The macro panel the conditional Q2 tilt reads (risk appetite); without it, US large caps' returns. */
  panel?: StrategyEnv['panel'];
  shuffles?: number;
  seed?: number;
  /** The Sharpe the shuffles are compared with (the playbook's on the real labels); NaN: none. */
  reference?: number;
}

/**
 * The random-regime control as a distribution: the playbook replayed on `shuffles`
 * block-shuffled label sets (blockShuffleLabels, shuffle i with seed + i: the same
 * episodes and dwell times in random order), each under the cost assumption, over one window.
 * The strategy replayed is the one the reference Sharpe comes from (default `article`, whose Q2
 * tilt reads risk appetite: that is not shuffled), compiled per shuffle; a plain `table` goes
 * through the fast table path instead.
 * Returns the median and 5–95% band of Sharpe, CAGR and max drawdown, and how many shuffles
 * reach the reference Sharpe. One seeded shuffle is one draw from this distribution; reporting
 * it alone can flatter or flatten the playbook at will.
 *
 * Timing: the shuffles use the whole sample's episodes by design (a control, not a strategy).
 *
 * @throws ConfigError for shuffles outside 1..100,000, a bad seed or window.
 * @example
 * randomRegimeDistribution(market, labels, { start: firstLabelled, reference: 0.36 }).sharpe.median;
 */
export function randomRegimeDistribution(market: Market, labels: Uint8Array, options: RandomRegimeOptions): RandomRegimeDistribution {
  const cal = market.calendar;
  const n = cal.length;
  const { start } = options;
  const end = options.end ?? n - 1;
  const shuffles = options.shuffles ?? DEFAULT_SHUFFLES;
  const seed = options.seed ?? RANDOM_REGIME_SEED;
  if (!Number.isInteger(shuffles) || shuffles < 1 || shuffles > 100_000)
    throw new ConfigError('bad-config', `shuffles must be a whole number from 1 to 100000, got ${shuffles}`, { field: 'shuffles' });
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + shuffles))
    throw new ConfigError('bad-config', `seed must be a whole number, got ${seed}`, { field: 'seed' });
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(end) || end >= n || end - start < 2)
    throw new ConfigError('bad-config', `the window ${start}..${end} is not inside the calendar (0..${n - 1})`, { field: 'start' });
  const assumption = options.assumption ?? DEFAULT_ASSUMPTION;
  const { execution, delay } = replayExecution(assumption.execution);
  const planFor = options.table === undefined ? strategyPlans(market, options) : tablePlans(market, options.table, options.rule ?? ARTICLE_RULE);
  const m = end - start + 1;
  const buffers = createReplayBuffers(m, market.roles.length);
  const days = cal.subarray(start, end + 1);
  const riskFree = market.cashReturns.slice(start, end + 1);
  const reference = options.reference ?? NaN;
  const sharpe = new Float64Array(shuffles);
  const cagr = new Float64Array(shuffles);
  const dd = new Float64Array(shuffles);
  let atLeast = 0;
  for (let i = 0; i < shuffles; i++) {
    const plan = delayPlan(planFor(blockShuffleLabels(labels, seed + i)), delay);
    const nav = replay(market, plan, { start, end, execution, costs: { bps: assumption.costBps }, record: 'nav' }, buffers).nav;
    const met = computeMetrics({ nav, days, riskFree });
    sharpe[i] = met.sharpe;
    cagr[i] = met.cagr;
    dd[i] = met.maxDrawdown;
    // A NaN counts as reaching the reference: the comparison stays conservative.
    if (!(met.sharpe < reference)) atLeast++;
  }
  return {
    shuffles,
    seed,
    sharpe: band(sharpe),
    cagr: band(cagr),
    maxDrawdown: band(dd),
    atLeast,
    pValue: (1 + atLeast) / (shuffles + 1),
    sharpes: Array.from(sharpe, (x) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : NaN)),
  };
}

/** Plans of the strategy (default `article`) on given labels, compiled each time. */
function strategyPlans(market: Market, options: RandomRegimeOptions): (labels: Uint8Array) => Plan {
  const strategy = { ...(options.strategy ?? articleStrategy()), labels: undefined };
  const compileOptions = options.rule === undefined ? {} : { rebalance: options.rule };
  return (labels) => compileStrategy(strategy, { market, labels, panel: options.panel }, compileOptions);
}

/** Plans of a plain table on given labels, through the fast table path. */
function tablePlans(market: Market, given: QuadrantTable, ruleText: string): (labels: Uint8Array) => Plan {
  const cal = market.calendar;
  const table = tableRows(given, market.roles);
  const rule = parseRebalanceRule(ruleText);
  // A rule's triggers are its calendar part OR its regime part: the calendar part, the costly
  // one, is the same for every label set, so it is made once.
  const calendarPart = ruleTriggers({ ...rule, regime: false }, cal);
  const regimeOnly = { ...rule, calendar: [], daily: false };
  return (labels) => {
    let trigger = calendarPart;
    if (!rule.daily) {
      trigger = ruleTriggers(regimeOnly, cal, labels);
      for (let t = 0; t < cal.length; t++) trigger[t] |= calendarPart[t];
    }
    return planFromTable(table, labels, rule, cal, trigger);
  };
}

/** Median and 5th / 95th nearest-rank percentiles of the finite values (NaN when none). */
export function band(x: Float64Array): Band {
  const s = Array.from(x)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const rank = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
  return { median: rank(0.5), p05: rank(0.05), p95: rank(0.95) };
}
