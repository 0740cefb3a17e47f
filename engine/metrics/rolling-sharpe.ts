import { badArgument } from '../stats/bad-argument.ts';
import { TRADING_DAYS_PER_YEAR } from './annualisation.ts';

/**
 * Rolling annualised Sharpe ratio over a trailing window:
 * `out[i] = mean(x[i−w+1..i]) / sd(x[i−w+1..i]) · √periodsPerYear` (sample sd), aligned with
 * the input; NaN for i < w − 1, when the window holds a NaN (e.g. the NaN at index 0 of
 * `simpleReturns`), or when its sd is 0 (up to round-off). Pass EXCESS returns for a Sharpe proper.
 *
 * Sliding sums of `x − c`, recomputed from scratch and re-centred (c = that window's mean, so
 * the squares do not cancel) every w steps to stop round-off drift: O(n).
 *
 * @param returns daily returns, fraction per day.
 * @param window w, an integer ≥ 2.
 * @param periodsPerYear annualisation factor; default 252.
 * @throws QuadrantError `bad-argument` when w is not an integer ≥ 2 or periodsPerYear ≤ 0.
 * @example
 * rollingSharpe(Float64Array.of(0.01, 0.03, 0.02), 2); // [NaN, √2·√252 ≈ 22.45, (5/√2)·√252 ≈ 56.12]
 */
export function rollingSharpe(returns: Float64Array, window: number, periodsPerYear = TRADING_DAYS_PER_YEAR): Float64Array {
  if (!Number.isInteger(window) || window < 2) throw badArgument(`rollingSharpe needs an integer window ≥ 2, got ${window}`);
  if (!(periodsPerYear > 0) || !Number.isFinite(periodsPerYear)) {
    throw badArgument(`rollingSharpe needs periodsPerYear > 0, got ${periodsPerYear}`);
  }
  const n = returns.length;
  const out = new Float64Array(n).fill(NaN);
  const annual = Math.sqrt(periodsPerYear);
  let c = 0; // centre of the sums: the mean of the window at the last refresh
  let s = 0; // Σ (x − c) over the finite values in the window
  let q = 0; // Σ (x − c)²
  let bad = 0; // non-finite values in the window
  for (let i = window - 1; i < n; i++) {
    const start = i - window + 1;
    if (start % window === 0) {
      // Refresh: re-centre on this window's mean and recompute the sums from scratch.
      let total = 0;
      let finite = 0;
      for (let k = start; k <= i; k++) {
        if (Number.isFinite(returns[k])) {
          total += returns[k];
          finite++;
        }
      }
      c = finite > 0 ? total / finite : 0;
      s = 0;
      q = 0;
      bad = window - finite;
      for (let k = start; k <= i; k++) {
        const d = returns[k] - c;
        if (Number.isFinite(d)) {
          s += d;
          q += d * d;
        }
      }
    } else {
      const old = returns[start - 1] - c;
      if (Number.isFinite(old)) {
        s -= old;
        q -= old * old;
      } else bad--;
      const d = returns[i] - c;
      if (Number.isFinite(d)) {
        s += d;
        q += d * d;
      } else bad++;
    }
    if (bad > 0) continue;
    const m = s / window;
    const v = (q - s * m) / (window - 1);
    // A constant window leaves only round-off in v; treat v ≤ 1e-12 of the mean square as 0.
    out[i] = v > 1e-12 * (q / window) ? ((c + m) / Math.sqrt(v)) * annual : NaN;
  }
  return out;
}
