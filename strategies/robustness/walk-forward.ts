import { dayParts, isoDay } from '../../datasets/day.ts';
import { TRADING_DAYS_PER_YEAR } from '../../engine/metrics/annualisation.ts';
import { badArgument } from '../../engine/stats/bad-argument.ts';
import { computeMetrics } from '../../engine/metrics/compute-metrics.ts';
import { yearSqAt, yearSumAt, type RowSummaryLayout } from './row-summary.ts';

const SQRT_YEAR = Math.sqrt(TRADING_DAYS_PER_YEAR);

/** Inputs of {@link walkForward}: a sweep's daily excess returns on a common window, summarised. */
export interface WalkForwardInput {
  /** rows × width row summaries of the configurations' daily excess returns (row-summary.ts). */
  summaries: Float64Array;
  /** Their layout; its years are {@link yearStarts} of `days`. */
  layout: RowSummaryLayout;
  rows: number;
  /** Configuration j's T daily excess returns over T-bills (called for the chosen ones only). */
  rowOf: (config: number) => Float64Array;
  /**
   * The window's T + 1 trading days: return column i is earned from close `days[i]` to close
   * `days[i + 1]`.
   */
  days: Int32Array;
  /** T daily T-bill accruals, aligned with the return columns. */
  riskFree: Float64Array;
  /** The comparison's T daily excess returns (the article default). */
  reference: Float64Array;
  /** History needed before the first out-of-sample year, in years of 252 return days. Default 3. */
  minHistoryYears?: number;
}

/** One out-of-sample year. */
export interface WalkForwardYear {
  year: number;
  /** The configuration chosen: best Sharpe on every return before 1 January of `year`. */
  chosen: number;
  /** Its Sharpe (annualised, over T-bills) on that history. */
  inSampleSharpe: number;
  /** Return days of the year in the window (fewer than a full year at the ends). */
  days: number;
  /** The chosen configuration's compounded return over the year, and the reference's. */
  return: number;
  referenceReturn: number;
  /** Sharpe over the year (annualised, over T-bills), chosen and reference; NaN under 2 days. */
  sharpe: number;
  referenceSharpe: number;
}

/** Figures of a daily return path. */
export interface PathFigures {
  from: string;
  to: string;
  days: number;
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  maxDrawdown: number;
}

export interface WalkForwardResult {
  minHistoryYears: number;
  years: WalkForwardYear[];
  /** The stitched out-of-sample path: each year's returns of the configuration chosen for it. */
  stitched: PathFigures;
  /** The reference over the same days. */
  reference: PathFigures;
  /** How often the choice changed from one year to the next. */
  switches: number;
}

/**
 * Walk-forward selection over a sweep. For each calendar year Y whose start has at least
 * `minHistoryYears` × 252 return days before it in the window: the configuration with the
 * highest per-period Sharpe (mean / sample sd of daily excess returns, first on ties) on every
 * return day before 1 January Y (an expanding window) is applied to Y, i.e. Y's daily returns
 * of that configuration's run are taken. The years' returns, stitched, make one out-of-sample
 * path, compared with the reference over the same days.
 *
 * Convention: each configuration's run is continuous over the window, so the stitched path
 * holds the chosen run's own positions; the trades of switching configurations at a year's
 * start are not charged.
 *
 * Timing: the choice for Y reads returns before Y only; the stitched return of day t reads
 * returns of day t only. Cost: O(rows × years) from the summaries' yearly sums, and a full row
 * for each configuration chosen.
 *
 * @returns null when no year qualifies.
 */
export function walkForward(input: WalkForwardInput): WalkForwardResult | null {
  const { summaries, layout, rows, rowOf, days, riskFree, reference } = input;
  const T = days.length - 1;
  const minHistoryYears = input.minHistoryYears ?? 3;
  const need = minHistoryYears * TRADING_DAYS_PER_YEAR;
  const starts = layout.yearStart;
  if (layout.T !== T || starts[starts.length - 1] !== T) throw badArgument(`walkForward: the summaries cover ${layout.T} days, the window ${T}`);
  const w = layout.width;

  const s1 = new Float64Array(rows);
  const s2 = new Float64Array(rows);
  const years: WalkForwardYear[] = [];
  const stitchedExcess: number[] = [];
  let first = -1;
  let seen = 0;
  const Y = starts.length - 1;
  for (let y = 0; y < Y; y++) {
    const from = starts[y];
    const to = starts[y + 1];
    if (seen >= need && seen >= 2) {
      // Choose on columns [0, from): the running sums hold exactly those.
      let best = -1;
      let bestSr = -Infinity;
      for (let j = 0; j < rows; j++) {
        const mean = s1[j] / seen;
        const v = (s2[j] - seen * mean * mean) / (seen - 1);
        const sr = v > 0 ? mean / Math.sqrt(v) : NaN;
        if (sr > bestSr) {
          bestSr = sr;
          best = j;
        }
      }
      if (best >= 0) {
        if (first < 0) first = from;
        const row = rowOf(best).subarray(from, to);
        for (let i = 0; i < row.length; i++) stitchedExcess.push(row[i]);
        years.push({
          year: dayParts(days[from + 1]).year,
          chosen: best,
          inSampleSharpe: bestSr * SQRT_YEAR,
          days: to - from,
          return: compound(row, riskFree.subarray(from, to)),
          referenceReturn: compound(reference.subarray(from, to), riskFree.subarray(from, to)),
          sharpe: sharpeOf(row),
          referenceSharpe: sharpeOf(reference.subarray(from, to)),
        });
      }
    }
    // The year's Σx and Σx², summed in day order when the row was summarised.
    const a = yearSumAt(layout, y);
    const b = yearSqAt(layout, y);
    for (let j = 0; j < rows; j++) {
      s1[j] += summaries[j * w + a];
      s2[j] += summaries[j * w + b];
    }
    seen += to - from;
  }
  if (first < 0) return null;
  const span = days.subarray(first, T + 1);
  const rf = riskFree.subarray(first, T);
  let switches = 0;
  for (let y = 1; y < years.length; y++) if (years[y].chosen !== years[y - 1].chosen) switches++;
  return {
    minHistoryYears,
    years,
    stitched: pathFigures(Float64Array.from(stitchedExcess), rf, span),
    reference: pathFigures(reference.subarray(first, T), rf, span),
    switches,
  };
}

/**
 * The first return column of each calendar year of a window of T + 1 trading days (column i is
 * earned from close days[i] to close days[i + 1], so it belongs to the year of days[i + 1]), then T.
 */
export function yearStarts(days: Int32Array): Int32Array {
  const T = days.length - 1;
  const starts: number[] = [];
  let year = Number.NaN;
  for (let i = 0; i < T; i++) {
    const y = dayParts(days[i + 1]).year;
    if (y !== year) starts.push(i);
    year = y;
  }
  starts.push(T);
  return Int32Array.from(starts);
}

/** Π(1 + e + rf) − 1 over the days. */
function compound(excess: Float64Array, rf: Float64Array): number {
  let g = 1;
  for (let i = 0; i < excess.length; i++) g *= 1 + excess[i] + rf[i];
  return g - 1;
}

/** Annualised mean / sample sd; NaN under 2 days or with a zero sd. */
function sharpeOf(x: Float64Array): number {
  const n = x.length;
  if (n < 2) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let q = 0;
  for (let i = 0; i < n; i++) q += (x[i] - mean) ** 2;
  const sd = Math.sqrt(q / (n - 1));
  return sd > 0 ? (mean / sd) * SQRT_YEAR : NaN;
}

/** Figures of the path whose day-i return is excess[i] + rf[i], from close days[0]. */
function pathFigures(excess: Float64Array, rf: Float64Array, days: Int32Array): PathFigures {
  const nav = new Float64Array(excess.length + 1);
  const riskFree = new Float64Array(excess.length + 1);
  nav[0] = 1;
  for (let i = 0; i < excess.length; i++) {
    nav[i + 1] = Math.max(0, nav[i] * (1 + excess[i] + rf[i]));
    riskFree[i + 1] = rf[i];
  }
  const out: PathFigures = {
    from: isoDay(days[0]),
    to: isoDay(days[days.length - 1]),
    days: excess.length,
    totalReturn: nav[nav.length - 1] - 1,
    cagr: NaN,
    volatility: NaN,
    sharpe: NaN,
    maxDrawdown: NaN,
  };
  if (excess.length >= 1 && nav[nav.length - 1] > 0) {
    const m = computeMetrics({ nav, days, riskFree });
    out.cagr = m.cagr;
    out.volatility = m.volatility;
    out.sharpe = m.sharpe;
    out.maxDrawdown = m.maxDrawdown;
  }
  return out;
}
