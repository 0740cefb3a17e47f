import type { DataFrame } from 'danfojs-node';
import type { Role } from '../../datasets/catalog.ts';
import type { RoleSegment } from '../../datasets/roles.ts';
import type { ResolvedReplayOptions } from './options.ts';

/** A role's instrument run inside the backtest window, and whether the portfolio held the role then. */
export interface UsedSegment extends RoleSegment {
  held: boolean;
}

/**
 * Everything a replay produces, over the run's window of m trading days (row i = calendar day
 * `start + i`). Amounts are in NAV units (the starting equity is 1; multiply by
 * `options.costs.initialCapital` for currency). Per-day cost and turnover figures are
 * fractions of that day's PRE-trade equity, so they add up to the metrics' cost drag.
 * Arrays are owned by the result (or by the buffers passed to the replay, until their next
 * run). What the replay keeps per fill (orders, turnover, costs) and, without a financing
 * account, the cash and financing shares are made into these day arrays on first read.
 */
export interface BacktestResult {
  readonly name: string;
  readonly roles: readonly Role[];
  /** Trading days of the window, length m. */
  readonly days: Int32Array;
  /** Calendar indices of the window's first and last day. */
  readonly start: number;
  readonly end: number;
  /** Equity at each close after that day's trades; nav[0] = 1 (less the initial costs under same-close). */
  readonly nav: Float64Array;
  /** m × R day-major: holdings / NAV at each close. Sum = leverage after a rebalance. */
  readonly weights: Float64Array;
  /** Cash (T-bill) share of NAV: the `cash` role plus the financing account (negative = borrowed). */
  readonly cash: Float64Array;
  /** The financing account's share of NAV: 1 − leverage after a rebalance, 0 by default. */
  readonly financing: Float64Array;
  /** m × R: value bought (+) or sold (−) in each role at the day's fill, NAV units. */
  readonly traded: Float64Array;
  /** m × R: cost of each order (proportional plus fixed), NAV units. */
  readonly tradeCost: Float64Array;
  /** 1 on days an order filled. */
  readonly filled: Uint8Array;
  /** One-way turnover of the day's fill: ½ Σ |change of every account| / pre-trade equity. */
  readonly turnover: Float64Array;
  /** Commission (proportional bps), fraction of pre-trade equity. */
  readonly commission: Float64Array;
  /** Slippage (per-role bps plus impact), fraction of pre-trade equity. */
  readonly slippage: Float64Array;
  /** Fixed costs per order, fraction of pre-trade equity. */
  readonly fixedCosts: Float64Array;
  /** Financing spread and short borrow fees paid that day, fraction of the previous equity. */
  readonly financingCost: Float64Array;
  /** Σ turnover and Σ (commission + slippage + fixed) over the window, summed as the fills happen. */
  readonly totalTurnover: number;
  readonly totalCosts: number;
  readonly options: ResolvedReplayOptions;
  readonly rule: string;
  /** True under same-close execution: fills at prices the decision already saw. */
  readonly lookAheadProne: boolean;
  /** Which instrument stood behind each role when, clipped to the window. */
  readonly segments: readonly UsedSegment[];
  readonly warnings: readonly string[];
  /** The daily table as a danfojs-node DataFrame (loads danfojs-node lazily; see to-data-frame.ts). */
  toDataFrame(): Promise<DataFrame>;
}

/** The mark every output carries under same-close execution. */
export const LOOK_AHEAD_WARNING = 'execution same-close fills at the close the decision already saw: LOOK-AHEAD-PRONE, results are optimistic';

/** Sum over the window of one daily array (e.g. costs: the metrics' cost total). */
export function total(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Daily total cost (commission + slippage + fixed), fraction of pre-trade equity. */
export function dailyCosts(result: BacktestResult): Float64Array {
  const out = new Float64Array(result.nav.length);
  for (let i = 0; i < out.length; i++) out[i] = result.commission[i] + result.slippage[i] + result.fixedCosts[i];
  return out;
}
