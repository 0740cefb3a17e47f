import { badArgument } from '../stats/bad-argument.ts';
import { neweyWest } from '../stats/newey-west.ts';
import { normalInverseCdf } from '../stats/normal-inverse-cdf.ts';
import { checkWindow, countRuns, fullWindow, type DayWindow } from './day-masks.ts';
import { DEFAULT_LEVEL } from './defaults.ts';
import { forwardDrawdowns, forwardReturns } from './forward-returns.ts';
import { groupMeanDifference, overlapLags } from './group-difference.ts';
import type { NamedReturns } from './regime-stats.ts';

/** A way of sorting decision days into groups by a value known at their close. */
export interface ConditionSpec {
  id: string;
  title: string;
  /** Group code of decision day t (1..groups.length), 0 = unknown / not used. Must be known at t's close. */
  codes: Uint8Array;
  /** Label of code k at index k − 1. */
  groups: readonly string[];
  /** Codes [a, b] of the contrast row "a − b" (e.g. below minus above), if any. */
  contrast?: readonly [number, number];
}

/** Options of {@link conditionalTable}. */
export interface ConditionalOptions {
  /** Forward horizons in trading days (default [21, 63]: one and three months). */
  horizons?: readonly number[];
  /** Return days available: a decision at t is used only when t+1 … t+h all lie inside it. */
  window?: DayWindow;
  level?: number;
}

/** One group (or the contrast) of one series at one horizon. Fractions over the horizon. */
export interface ConditionalRow {
  condition: string;
  series: string;
  horizon: number;
  /** The group's label, or "a − b" for the contrast. */
  group: string;
  /** Decision days used (for the contrast: both groups together). */
  n: number;
  /** n / horizon: roughly how many non-overlapping windows the figures rest on. */
  windows: number;
  /** Separate runs of decision days in the group (NaN for the contrast). */
  episodes: number;
  /** Mean forward return (contrast: difference of means). */
  meanReturn: number;
  /** Interval of meanReturn: mean ± z · Newey–West se with lags = 2 × horizon (overlapLags). */
  lower: number;
  upper: number;
  tStat: number;
  /** Share of forward returns > 0 (NaN for the contrast). */
  hitRate: number;
  /** Mean forward max drawdown, a positive fraction (contrast: difference of means). */
  meanDrawdown: number;
  /** Interval of meanDrawdown (contrast only; NaN for groups). */
  drawdownLower: number;
  drawdownUpper: number;
  /** Worst forward drawdown in the group (NaN for the contrast). */
  worstDrawdown: number;
}

/**
 * Conditional forward-return tables: for each series, horizon h and group of `condition`, the
 * forward h-day returns and drawdowns of decisions taken at closes t in the group.
 *
 * Timing: the group is the code at t (a value published by t's close); the forward window is
 * close t → close t+h (see forwardReturns / forwardDrawdowns), so it starts at t+1. A decision
 * day is used only when its whole forward window lies inside `window`: in-sample tables never
 * read out-of-sample returns.
 *
 * Inference: overlapping windows make consecutive forward returns strongly correlated, so the
 * t-statistics and intervals use Newey–West with lags = 2h (overlapLags; engine/stats neweyWest); the
 * contrast row's standard error is that of groupMeanDifference with the same lags.
 *
 * @throws QuadrantError `bad-argument` when lengths differ from the codes' or a horizon is bad.
 * @example
 * conditionalTable([{ name: 'us_large', returns }], reservesCondition, { horizons: [21, 63] });
 */
export function conditionalTable(series: readonly NamedReturns[], condition: ConditionSpec, options: ConditionalOptions = {}): ConditionalRow[] {
  const n = condition.codes.length;
  const window = options.window ?? fullWindow(n);
  checkWindow(window, n, 'conditionalTable');
  const level = options.level ?? DEFAULT_LEVEL;
  const zq = normalInverseCdf(0.5 + level / 2);
  const rows: ConditionalRow[] = [];
  for (const s of series) {
    if (s.returns.length !== n) throw badArgument(`conditionalTable: ${s.name} has ${s.returns.length} returns, the condition ${n} days`);
    for (const h of options.horizons ?? [21, 63]) {
      const fwd = forwardReturns(s.returns, h);
      const dd = forwardDrawdowns(s.returns, h);
      // Decision days whose forward window lies inside the window: t+1 ≥ from, t+h ≤ to.
      const codes = new Uint8Array(n);
      for (let t = Math.max(0, window.from - 1); t + h <= window.to; t++) {
        if (!Number.isNaN(fwd[t]) && !Number.isNaN(dd[t])) codes[t] = condition.codes[t];
      }
      for (let g = 1; g <= condition.groups.length; g++) rows.push(groupRow(condition, s.name, h, g, codes, fwd, dd, zq));
      if (condition.contrast) {
        const [a, b] = condition.contrast;
        const r = groupMeanDifference(fwd, codes, a, b, overlapLags(h), level);
        const d = groupMeanDifference(dd, codes, a, b, overlapLags(h), level);
        rows.push({
          condition: condition.id,
          series: s.name,
          horizon: h,
          group: `${condition.groups[a - 1]} − ${condition.groups[b - 1]}`,
          n: r.nA + r.nB,
          windows: (r.nA + r.nB) / h,
          episodes: NaN,
          meanReturn: r.difference,
          lower: r.lower,
          upper: r.upper,
          tStat: r.t,
          hitRate: NaN,
          meanDrawdown: d.difference,
          drawdownLower: d.lower,
          drawdownUpper: d.upper,
          worstDrawdown: NaN,
        });
      }
    }
  }
  return rows;
}

function groupRow(
  condition: ConditionSpec,
  name: string,
  h: number,
  g: number,
  codes: Uint8Array,
  fwd: Float64Array,
  dd: Float64Array,
  zq: number,
): ConditionalRow {
  const n = codes.length;
  const mask = new Uint8Array(n);
  let m = 0;
  for (let t = 0; t < n; t++) {
    if (codes[t] === g) {
      mask[t] = 1;
      m++;
    }
  }
  const x = new Float64Array(m);
  let hits = 0;
  let ddSum = 0;
  let worst = m > 0 ? 0 : NaN;
  let k = 0;
  for (let t = 0; t < n; t++) {
    if (mask[t] !== 1) continue;
    x[k++] = fwd[t];
    if (fwd[t] > 0) hits++;
    ddSum += dd[t];
    if (dd[t] > worst) worst = dd[t];
  }
  let meanReturn = NaN;
  let se = NaN;
  if (m > 0) {
    let s = 0;
    for (let i = 0; i < m; i++) s += x[i];
    meanReturn = s / m;
  }
  if (m >= 3) se = neweyWest(x, Math.min(overlapLags(h), m - 1)).se;
  return {
    condition: condition.id,
    series: name,
    horizon: h,
    group: condition.groups[g - 1],
    n: m,
    windows: m / h,
    episodes: countRuns(mask),
    meanReturn,
    lower: meanReturn - zq * se,
    upper: meanReturn + zq * se,
    tStat: meanReturn / se,
    hitRate: m > 0 ? hits / m : NaN,
    meanDrawdown: m > 0 ? ddSum / m : NaN,
    drawdownLower: NaN,
    drawdownUpper: NaN,
    worstDrawdown: worst,
  };
}
