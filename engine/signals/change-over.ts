/**
 * Change over a lag of calendar rows: `out[t] = x[t] − x[t − lag]`, in the units of `x`.
 *
 * Timing: uses rows t and t − lag only, so the result at t is public whenever `x` at t is. On
 * an as-of panel column (a weekly series carried forward until its next release), `lag` rows
 * back is the value that was public `lag` trading days ago, so a change over N weeks is
 * `changeOver(col, N × 5)`: today's as-of value against the as-of value 5N trading days
 * earlier (holidays make that a day or two more than N calendar weeks, never less public).
 * NaN for t < lag and wherever either end is NaN.
 *
 * @example
 * changeOver(Float64Array.of(1, 2, 4, 7), 2); // [NaN, NaN, 3, 5]
 */
export function changeOver(x: Float64Array, lag: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  const k = Math.min(lag, n);
  for (let t = 0; t < k; t++) out[t] = NaN;
  for (let t = k; t < n; t++) out[t] = x[t] - x[t - lag];
  return out;
}
