import type { ConditionSpec } from './conditional-tables.ts';
import { changeOver } from '../signals/change-over.ts';
import { RESERVES_RED_LINE, thresholdCodes, trailingTerciles } from './liquidity-signals.ts';

/** Trading days of the net-liquidity change (about four weekly H.4.1 releases). */
export const NET_LIQUIDITY_CHANGE_DAYS = 20;

/** Finite changes needed before the terciles are used (about a year). */
export const TERCILE_MIN_HISTORY = 252;

/**
 * Trailing window of the tercile cut points: three years of trading days. Net liquidity grew
 * from under $1T (2003) to over $6T, so the size of a "large" four-week change grew with it;
 * an expanding window would file most recent changes in the outer terciles.
 */
export const TERCILE_WINDOW = 756;

/**
 * Reserves below vs at/above the $3T red line, on the as-of WRESBAL value at each decision day
 * (millions of USD). `sinceIndex` drops earlier days: the note calls $3T a red line "since
 * 2020", and before 2020 reserves stayed below it for two decades, so a full-history split
 * would compare eras, not stress.
 *
 * @example
 * reservesCondition(panel.columns.WRESBAL, calendarIndexAtOrBefore(cal, dayOf(2020, 1, 1)) + 1);
 */
export function reservesCondition(reserves: Float64Array, sinceIndex = 0, threshold = RESERVES_RED_LINE): ConditionSpec {
  const codes = thresholdCodes(reserves, threshold);
  codes.fill(0, 0, Math.max(0, Math.min(sinceIndex, codes.length)));
  const line = `$${threshold / 1e6}T`;
  return {
    id: 'reserves',
    title: `bank reserves below vs at/above ${line} (WRESBAL as of the decision day)`,
    codes,
    groups: [`below ${line}`, `above ${line}`],
    contrast: [1, 2],
  };
}

/**
 * Terciles of the net-liquidity change over the last {@link NET_LIQUIDITY_CHANGE_DAYS} trading
 * days (`netLiquidity[t] − netLiquidity[t − 20]`, millions of USD), cut at the quantiles of the
 * changes of the trailing {@link TERCILE_WINDOW} days, so each day's tercile uses only changes
 * known by then (see trailingTerciles).
 */
export function netLiquidityTercileCondition(
  netLiquidity: Float64Array,
  lag = NET_LIQUIDITY_CHANGE_DAYS,
  minHistory = TERCILE_MIN_HISTORY,
  window = TERCILE_WINDOW,
): ConditionSpec {
  const codes = trailingTerciles(changeOver(netLiquidity, lag), minHistory, window);
  return {
    id: 'net-liquidity',
    title: `net liquidity (WALCL − TGA − RRP) change over ${lag} trading days, terciles of the trailing ${window} days`,
    codes,
    groups: ['falling (T1)', 'middle (T2)', 'rising (T3)'],
    contrast: [3, 1],
  };
}
