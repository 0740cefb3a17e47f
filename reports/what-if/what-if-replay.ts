import type { Role } from '../../datasets/catalog.ts';
import type { PerRoleBps } from '../../engine/backtest/costs.ts';
import { ruleTriggers } from '../../engine/backtest/calendar-triggers.ts';
import { marketFromArrays, type Market } from '../../engine/backtest/market.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { replay } from '../../engine/backtest/replay.ts';
import type { BacktestResult } from '../../engine/backtest/result.ts';
import { metricsInput } from '../../engine/backtest/result-metrics.ts';
import { computeMetrics } from '../../engine/metrics/compute-metrics.ts';
import type { Metrics } from '../../engine/metrics/types.ts';
import { delayPlan, replayExecution, type StrategyExecution } from '../../strategies/cost-assumption.ts';

/**
 * What a report's what-if panel replays, as JSON: a window of the aligned market (role returns,
 * T-bill accrual, regime labels and the strategy's compiled plan index) with its first target
 * rows and settings. Typed arrays travel as base64 of their little-endian bytes, so the browser
 * gets the very doubles the CLI replayed (nothing rounded). The window runs from two trading
 * days before the run's first day to one after its last (clipped to the data), the days the
 * rebalancing rule's triggers and a decision delay read around the run.
 */
export interface WhatIfData {
  schema: 'quadrant.what-if/1';
  /** The strategy's name (the original curve's label). */
  strategy: string;
  roles: Role[];
  /** Trading days (days since 1970-01-01) of the window: base64 Int32. */
  days: string;
  /** The labels the strategy reads (calendar length of the window): base64 Uint8. */
  labels: string;
  /** Role returns, day-major window × roles: base64 Float64. */
  returns: string;
  /** Overnight returns (close → open), only under next-open execution: base64 Float64. */
  overnight?: string;
  /** The T-bill account's daily accrual: base64 Float64. */
  cashReturns: string;
  /** The compiled plan's target row per day, before any decision delay (−1 = no target yet): base64 Int32. */
  index: string;
  /** Each target row's name in the panel (e.g. "Q2, risk appetite falling") and its share of the run's days. */
  rowNames: string[];
  rowShares: number[];
  /** First and last window index of the run. */
  start: number;
  end: number;
  /** What the reader edits, as the run had it. */
  original: WhatIfSettings;
  /** What stays as the run had it. */
  fixed: {
    execution: StrategyExecution;
    slippageBps: PerRoleBps;
    impactBps: number;
    fixedPerTrade: number;
    initialCapital: number;
    leverage: number;
    allowShorts: boolean;
    financingBps: number;
  };
}

/** The editable part: one weight row per target row (fractions over `roles`), the cost and the rebalancing rule. */
export interface WhatIfSettings {
  rows: number[][];
  costBps: number;
  rule: string;
}

/** WhatIfData with its arrays decoded and the market packed for the replay. */
export interface WhatIfInputs {
  data: WhatIfData;
  market: Market;
  labels: Uint8Array;
  index: Int32Array;
}

/** The replay of one setting: the engine's result and its metrics (engine/metrics computeMetrics, as `quadrant run`). */
export interface WhatIfOutcome {
  result: BacktestResult;
  metrics: Metrics;
}

/** Base64 of a typed array's bytes (little-endian on every platform Quadrant runs on). */
export function encodeArray(a: Float64Array | Int32Array | Uint8Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(s);
}

function decodeBytes(text: string): ArrayBuffer {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes.buffer;
}

/** The data decoded: the market of the window (marketFromArrays) and the plan's labels and index. */
export function decodeWhatIf(data: WhatIfData): WhatIfInputs {
  const calendar = new Int32Array(decodeBytes(data.days));
  const market = marketFromArrays({
    calendar,
    roles: data.roles,
    returns: new Float64Array(decodeBytes(data.returns)),
    overnight: data.overnight ? new Float64Array(decodeBytes(data.overnight)) : undefined,
    cashReturns: new Float64Array(decodeBytes(data.cashReturns)),
  });
  return { data, market, labels: new Uint8Array(decodeBytes(data.labels)), index: new Int32Array(decodeBytes(data.index)) };
}

/**
 * Rows with equal weights merged into one (the first), the index remapped: a strategy
 * compiled from a table holds one row per distinct target (compileStrategy), so two rows an
 * edit made equal must not count as a change of target.
 */
export function mergeEqualRows(rows: readonly (readonly number[])[], index: Int32Array): { rows: Float64Array; index: Int32Array } {
  const R = rows[0]?.length ?? 0;
  const kept: (readonly number[])[] = [];
  const map = rows.map((row) => {
    const j = kept.findIndex((k) => k.every((w, c) => w === row[c]));
    if (j >= 0) return j;
    kept.push(row);
    return kept.length - 1;
  });
  const out = new Int32Array(index.length);
  for (let t = 0; t < index.length; t++) out[t] = index[t] < 0 ? index[t] : map[index[t]];
  const flat = new Float64Array(kept.length * R);
  kept.forEach((row, i) => flat.set(row, i * R));
  return { rows: flat, index: out };
}

/**
 * Replays the window under `settings` with the engine's own code, exactly as `quadrant run`
 * does: the rule's triggers (ruleTriggers), the decision delay of lag-2 (delayPlan), the replay
 * loop (replay) and the metrics (metricsInput + computeMetrics).
 *
 * @throws ConfigError for a bad rule or a row that does not sum to 1 (the engine's own checks).
 */
export function replayWhatIf(inputs: WhatIfInputs, settings: WhatIfSettings): WhatIfOutcome {
  const { data, market, labels } = inputs;
  const rule = parseRebalanceRule(settings.rule);
  const { rows, index } = mergeEqualRows(settings.rows, inputs.index);
  const { execution, delay } = replayExecution(data.fixed.execution);
  const plan = delayPlan(
    { rows, index, trigger: ruleTriggers(rule, market.calendar, labels), onChange: rule.change, driftBand: rule.drift, rule: rule.text },
    delay,
  );
  const f = data.fixed;
  const result = replay(market, plan, {
    name: data.strategy,
    start: data.start,
    end: data.end,
    execution,
    leverage: f.leverage,
    allowShorts: f.allowShorts,
    financingBps: f.financingBps,
    costs: { bps: settings.costBps, slippageBps: f.slippageBps, impactBps: f.impactBps, fixedPerTrade: f.fixedPerTrade, initialCapital: f.initialCapital },
  });
  return { result, metrics: computeMetrics(metricsInput(result, market)) };
}
