import { computeMetrics } from '../metrics/compute-metrics.ts';
import { badArgument } from '../stats/bad-argument.ts';
import { checkWindow, countDays, countRuns, fullWindow, gather, navFromReturns, regimeMask, type DayWindow } from './day-masks.ts';
import { meanInference, type InferenceOptions, type MeanInference } from './mean-inference.ts';

/** A named daily return series on the calendar (a role, a basket, a strategy's NAV returns). */
export interface NamedReturns {
  name: string;
  /** Day i's simple return, close i−1 → close i; NaN = no position that day (not counted). */
  returns: Float64Array;
}

/** Options of {@link regimeStats}. */
export interface RegimeStatsOptions extends InferenceOptions {
  /** Return days to use (default: the whole calendar). */
  window?: DayWindow;
  /** Daily T-bill return on day i, for the Sharpe ratio's excess return (default: none, Sharpe of raw returns). */
  riskFree?: Float64Array;
  /** Quadrants to report; 0 = every day with a known label (default [0, 1, 2, 3, 4]). */
  quadrants?: readonly number[];
}

/**
 * One series in one quadrant: the mean's inference ({@link MeanInference}: annualised mean,
 * Newey–West t, bootstrap interval) and the path's figures. Fractions, annualised with 252
 * days; NaN where data is too short.
 */
export interface RegimeStatsRow extends Omit<MeanInference, 'n'> {
  series: string;
  /** 1..4, or 0 for "all days with a known label". */
  quadrant: number;
  /** Return days counted. */
  days: number;
  /** Separate runs of consecutive counted days (episodes of the quadrant). */
  episodes: number;
  /** Sample sd of daily returns × √252. */
  volatility: number;
  /** Mean / sd of daily excess returns over riskFree × √252. */
  sharpe: number;
  /** Share of counted days with a return > 0. */
  hitRate: number;
  /** Worst peak-to-trough fall of the in-quadrant path (holding only on the quadrant's days), a positive fraction. */
  maxDrawdown: number;
  /** Compound growth of the in-quadrant path, annualised by counted days. */
  cagr: number;
}

/**
 * Per-regime analytics of one daily return series: for each quadrant, the days whose return
 * counts for it (day i counts for `labels[i − 1]`, the regime known at the previous close),
 * their annualised mean, volatility, Sharpe, hit rate, worst drawdown and CAGR
 * (engine/metrics computeMetrics on the masked path), the number of separate episodes, the
 * Newey–West t-statistic of the mean and a stationary-bootstrap interval of the annualised
 * mean on the concatenated in-quadrant returns (see {@link meanInference}: Politis–White block
 * length, the seed reported in the row).
 *
 * Timing: reads returns[i], labels[i − 1] and riskFree[i] for i in the window only; data after
 * the window's end cannot change a row.
 *
 * @throws QuadrantError `bad-argument` when the arrays' lengths differ from the calendar's or the
 *   window is outside it.
 * @example
 * regimeStats({ name: 'us_large', returns }, labels, calendar, { riskFree: cash });
 * // [{ quadrant: 0, … }, { quadrant: 1, days: 1480, meanAnnual: 0.17, lower: 0.05, upper: 0.29, … }, …]
 */
export function regimeStats(series: NamedReturns, labels: Uint8Array, calendar: Int32Array, options: RegimeStatsOptions = {}): RegimeStatsRow[] {
  const n = calendar.length;
  const { returns } = series;
  if (returns.length !== n || labels.length !== n) {
    throw badArgument(`regimeStats needs returns and labels as long as the calendar (${n}), got ${returns.length} and ${labels.length}`);
  }
  if (options.riskFree && options.riskFree.length !== n) throw badArgument(`regimeStats needs riskFree as long as the calendar (${n})`);
  const window = options.window ?? fullWindow(n);
  checkWindow(window, n, 'regimeStats');
  const nav = navFromReturns(returns);
  const rows: RegimeStatsRow[] = [];
  for (const q of options.quadrants ?? [0, 1, 2, 3, 4]) {
    const mask = regimeMask(labels, q, window);
    for (let i = window.from; i <= window.to; i++) if (Number.isNaN(returns[i])) mask[i] = 0;
    rows.push(statsOnMask(series.name, q, returns, nav, calendar, mask, options));
  }
  return rows;
}

/** {@link regimeStats} for several series, rows in series order then quadrant order. */
export function regimeTable(series: readonly NamedReturns[], labels: Uint8Array, calendar: Int32Array, options: RegimeStatsOptions = {}): RegimeStatsRow[] {
  return series.flatMap((s) => regimeStats(s, labels, calendar, options));
}

function statsOnMask(
  name: string,
  quadrant: number,
  returns: Float64Array,
  nav: Float64Array,
  calendar: Int32Array,
  mask: Uint8Array,
  options: RegimeStatsOptions,
): RegimeStatsRow {
  const days = countDays(mask);
  const inference = meanInference(gather(returns, mask), options);
  const metrics = days > 0 && calendar.length >= 2 ? computeMetrics({ nav, days: calendar, riskFree: options.riskFree, mask }) : undefined;
  return {
    series: name,
    quadrant,
    days,
    episodes: countRuns(mask),
    meanAnnual: inference.meanAnnual,
    volatility: metrics?.volatility ?? NaN,
    sharpe: metrics?.sharpe ?? NaN,
    hitRate: metrics?.hitRate ?? NaN,
    maxDrawdown: metrics?.maxDrawdown ?? NaN,
    cagr: metrics?.cagr ?? NaN,
    tStat: inference.tStat,
    nwLags: inference.nwLags,
    lower: inference.lower,
    upper: inference.upper,
    blockLength: inference.blockLength,
    reps: inference.reps,
    seed: inference.seed,
    level: inference.level,
  };
}
