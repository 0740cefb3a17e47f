import { badArgument } from './bad-argument.ts';
import { sum } from './sum.ts';

/** Result of {@link neweyWest}. */
export interface NeweyWestResult {
  /** Sample mean x̄, units of x. */
  mean: number;
  /** HAC standard error of the mean, units of x. */
  se: number;
  /** t-statistic of H₀: mean = 0, `x̄ / se`. */
  t: number;
  /** Bartlett truncation lag L actually used. */
  lags: number;
  /** Number of observations. */
  n: number;
}

/**
 * Newey–West (1987) heteroskedasticity- and autocorrelation-consistent standard error of a
 * series' mean, and the t-statistic of mean = 0. With `uₜ = xₜ − x̄` and autocovariances
 * `γⱼ = (1/n) Σ_{t=j+1}^{n} uₜ uₜ₋ⱼ`, the long-run variance is the Bartlett-weighted sum
 * `S = γ₀ + 2 Σ_{j=1}^{L} (1 − j/(L+1)) γⱼ` and `se = √(S / n)`.
 *
 * Default lag: `L = ⌊4 (n/100)^{2/9}⌋` (Newey & West 1994, "Automatic lag selection in covariance
 * matrix estimation", the plug-in rule's fixed-rate version), clamped to n − 1.
 *
 * For a test of two strategies' mean difference pass the difference series `a − b`.
 * When every value is equal, se = 0 and t is ±Infinity (NaN when the mean is also 0).
 *
 * @param x the series, e.g. daily excess returns; NaN and ±Infinity are rejected.
 * @param lags the truncation lag L, an integer in [0, n − 1].
 * @throws QuadrantError `bad-argument` for fewer than 3 observations, a non-finite value, or a bad lag.
 * @example
 * neweyWest(Float64Array.of(1, 2, 3, 4), 1);
 * // { mean: 2.5, se: √(1.5625/4) = 0.625, t: 4, lags: 1, n: 4 }
 */
export function neweyWest(x: Float64Array, lags?: number): NeweyWestResult {
  const n = x.length;
  if (n < 3) throw badArgument(`neweyWest needs at least 3 observations, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw badArgument(`neweyWest: value at index ${i} is ${x[i]}, not finite`);
  }
  let L: number;
  if (lags === undefined) {
    L = Math.min(n - 1, Math.floor(4 * (n / 100) ** (2 / 9)));
  } else {
    if (!Number.isInteger(lags) || lags < 0 || lags > n - 1) {
      throw badArgument(`neweyWest needs an integer lag in [0, ${n - 1}], got ${lags}`);
    }
    L = lags;
  }
  const m = sum(x) / n;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = x[i] - m;
  let s = 0;
  for (let t = 0; t < n; t++) s += u[t] * u[t];
  for (let j = 1; j <= L; j++) {
    let g = 0;
    for (let t = j; t < n; t++) g += u[t] * u[t - j];
    s += 2 * (1 - j / (L + 1)) * g;
  }
  s /= n;
  const se = Math.sqrt(Math.max(s, 0) / n);
  return { mean: m, se, t: m / se, lags: L, n };
}
