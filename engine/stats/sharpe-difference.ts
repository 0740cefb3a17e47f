import { badArgument } from './bad-argument.ts';
import { normalCdf } from './normal-cdf.ts';

/** Result of {@link sharpeDifference}. All Sharpe ratios are PER PERIOD. */
export interface SharpeDifferenceResult {
  /** Sharpe ratio of `a` (mean / sd, sd with denominator n as in the moment estimator). */
  sharpeA: number;
  sharpeB: number;
  /** Δ = sharpeA − sharpeB. */
  difference: number;
  /** HAC standard error of Δ. */
  se: number;
  /** Δ / se. */
  z: number;
  /** Two-sided p-value of H₀: Δ = 0 against the standard normal. */
  pValue: number;
  /** Bartlett truncation lag used. */
  lags: number;
  n: number;
}

/**
 * Test of the difference of two Sharpe ratios measured on the same days (Ledoit & Wolf 2008,
 * "Robust performance hypothesis testing with the Sharpe ratio", J. Empirical Finance 15(5),
 * §3.1, HAC inference): with uₜ = (aₜ, bₜ, aₜ², bₜ²) and v̂ its sample mean, Δ = f(v̂) where
 * f(μa, μb, γa, γb) = μa/√(γa − μa²) − μb/√(γb − μb²); by the delta method
 * se(Δ) = √(∇f′ Ψ̂ ∇f / n), Ψ̂ the HAC long-run covariance of uₜ. Unlike Jobson–Korkie with
 * Memmel's correction, it assumes neither normal nor independent returns: fat tails and
 * autocorrelation widen the interval.
 *
 * Kernel: Bartlett (Newey–West) with lag `L = ⌊4 (n/100)^{2/9}⌋` unless given (the paper uses a
 * prewhitened quadratic-spectral kernel; the Bartlett kernel keeps Ψ̂ positive semi-definite and
 * is what {@link neweyWest} uses elsewhere in Quadrant).
 *
 * @param a the first series (e.g. the playbook's daily excess returns)
 * @param b the second, same days
 * @throws QuadrantError `bad-argument` for mismatched lengths, fewer than 8 values, a non-finite
 *   value, a constant series or a bad lag.
 * @example
 * const t = sharpeDifference(playbookExcess, benchmarkExcess);
 * t.difference * Math.sqrt(252); // annualised Δ
 */
export function sharpeDifference(a: Float64Array, b: Float64Array, lags?: number): SharpeDifferenceResult {
  const n = a.length;
  if (b.length !== n) throw badArgument(`sharpeDifference needs two series of the same length, got ${n} and ${b.length}`);
  if (n < 8) throw badArgument(`sharpeDifference needs at least 8 observations, got ${n}`);
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(a[t]) || !Number.isFinite(b[t])) throw badArgument(`sharpeDifference: value at index ${t} is not finite`);
  }
  const L = lags ?? Math.min(n - 1, Math.floor(4 * Math.pow(n / 100, 2 / 9)));
  if (!Number.isInteger(L) || L < 0 || L > n - 1) throw badArgument(`sharpeDifference needs an integer lag in [0, ${n - 1}], got ${lags}`);
  let ma = 0;
  let mb = 0;
  let ga = 0;
  let gb = 0;
  for (let t = 0; t < n; t++) {
    ma += a[t];
    mb += b[t];
    ga += a[t] * a[t];
    gb += b[t] * b[t];
  }
  ma /= n;
  mb /= n;
  ga /= n;
  gb /= n;
  const va = ga - ma * ma;
  const vb = gb - mb * mb;
  if (!(va > 0) || !(vb > 0)) throw badArgument('sharpeDifference: a series is constant (no Sharpe ratio)');
  const sa = ma / Math.sqrt(va);
  const sb = mb / Math.sqrt(vb);
  const grad = [ga / va ** 1.5, -gb / vb ** 1.5, -ma / (2 * va ** 1.5), mb / (2 * vb ** 1.5)];
  // g[t] = ∇f′(uₜ − v̂): the delta method needs only the long-run variance of this scalar series.
  const g = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    g[t] = grad[0] * (a[t] - ma) + grad[1] * (b[t] - mb) + grad[2] * (a[t] * a[t] - ga) + grad[3] * (b[t] * b[t] - gb);
  }
  let s = 0;
  for (let t = 0; t < n; t++) s += g[t] * g[t];
  for (let j = 1; j <= L; j++) {
    let c = 0;
    for (let t = j; t < n; t++) c += g[t] * g[t - j];
    s += 2 * (1 - j / (L + 1)) * c;
  }
  const se = Math.sqrt(Math.max(0, s / n) / n);
  const difference = sa - sb;
  const z = se > 0 ? difference / se : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  return { sharpeA: sa, sharpeB: sb, difference, se, z, pValue: 2 * (1 - normalCdf(Math.abs(z))), lags: L, n };
}
