import { neweyWest } from '../stats/newey-west.ts';
import { normalInverseCdf } from '../stats/normal-inverse-cdf.ts';
import { DEFAULT_LEVEL } from './defaults.ts';

/**
 * Newey–West truncation lag for means of OVERLAPPING h-day forward windows: 2h. Consecutive
 * windows share up to h − 1 days, so the series is an MA(h − 1) at least; Bartlett weights
 * with L = h down-weight those lags heavily (weight 1 − j/(h+1)) and understate the variance;
 * L = 2h keeps every overlapping lag at weight ≥ 1/2 (Harri & Brorsen 2009, "The overlapping
 * data problem", Quantitative and Qualitative Analysis in Social Sciences 3(3), recommend L
 * well above the overlap).
 *
 * @example
 * overlapLags(21); // 42
 */
export function overlapLags(horizon: number): number {
  return 2 * horizon;
}

/** Result of {@link groupMeanDifference}. Units of y. */
export interface GroupDifference {
  /** mean(y | group a) − mean(y | group b). */
  difference: number;
  meanA: number;
  meanB: number;
  nA: number;
  nB: number;
  /** HAC standard error of the difference. */
  se: number;
  t: number;
  /** difference ∓ z·se, z the normal quantile of the level. */
  lower: number;
  upper: number;
  lags: number;
}

/**
 * Difference of a series' mean between two groups of days, with a Newey–West standard error
 * that allows for serial correlation (e.g. overlapping forward returns: pass lags = overlapLags(horizon)).
 *
 * It is the HAC standard error of the slope in the regression of y on a group-a dummy over the
 * days in a or b: with p = nA / n and the influence series
 * `zₜ = Dₜ (yₜ − μ_a) / p − (1 − Dₜ)(yₜ − μ_b) / (1 − p)` (Dₜ = 1 in group a) in time order,
 * `se = √(S / n)` where S is the Bartlett-weighted long-run variance of z (engine/stats
 * neweyWest). With lags = 0 it reduces to Welch's `√(v_a/n_a + v_b/n_b)` (population variances).
 * The interval is the normal one, difference ± z_{(1+level)/2} · se.
 *
 * Days where y is NaN or the code is neither a nor b are skipped. NaN figures when either group
 * has fewer than 2 days or the pooled sample fewer than 3.
 *
 * @example
 * groupMeanDifference(fwd21, reservesCodes, 1, 2, overlapLags(21)); // below $3T minus at/above, lags 42
 */
export function groupMeanDifference(y: Float64Array, codes: Uint8Array, a: number, b: number, lags: number, level = DEFAULT_LEVEL): GroupDifference {
  let nA = 0;
  let nB = 0;
  let sA = 0;
  let sB = 0;
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(y[t])) continue;
    if (codes[t] === a) {
      nA++;
      sA += y[t];
    } else if (codes[t] === b) {
      nB++;
      sB += y[t];
    }
  }
  const meanA = nA > 0 ? sA / nA : NaN;
  const meanB = nB > 0 ? sB / nB : NaN;
  const n = nA + nB;
  const out: GroupDifference = { difference: meanA - meanB, meanA, meanB, nA, nB, se: NaN, t: NaN, lower: NaN, upper: NaN, lags: NaN };
  if (nA < 2 || nB < 2 || n < 3) return out;
  const p = nA / n;
  const z = new Float64Array(n);
  let k = 0;
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(y[t])) continue;
    if (codes[t] === a) z[k++] = (y[t] - meanA) / p;
    else if (codes[t] === b) z[k++] = -(y[t] - meanB) / (1 - p);
  }
  const nw = neweyWest(z, Math.min(lags, n - 1));
  const zq = normalInverseCdf(0.5 + level / 2);
  out.se = nw.se;
  out.t = out.difference / nw.se;
  out.lower = out.difference - zq * nw.se;
  out.upper = out.difference + zq * nw.se;
  out.lags = nw.lags;
  return out;
}
