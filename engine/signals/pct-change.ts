/**
 * Simple return over a lag of calendar rows: `out[t] = x[t] / x[t − lag] − 1`, a fraction
 * (0.02 = +2 %). Used for dollar momentum.
 *
 * Timing: rows t and t − lag only (see {@link changeOver}). NaN for t < lag, where either end
 * is NaN, or where the earlier value is not positive.
 *
 * @example
 * pctChange(Float64Array.of(100, 102, 110), 2); // [NaN, NaN, 0.1]
 */
export function pctChange(x: Float64Array, lag: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  const k = Math.min(lag, n);
  for (let t = 0; t < k; t++) out[t] = NaN;
  for (let t = k; t < n; t++) {
    const base = x[t - lag];
    out[t] = base > 0 ? x[t] / base - 1 : NaN;
  }
  return out;
}
