/**
 * Trailing simple moving average over the last `window` rows, the current one included:
 * `out[t] = (1/window) Σ_{i=t−window+1..t} x[i]`, in the units of `x`.
 *
 * Timing: rows ≤ t only. NaN until `window` rows exist and wherever the window holds a NaN.
 * O(n): a running sum, with a count of NaNs in the window.
 *
 * @example
 * movingAverage(Float64Array.of(1, 2, 3, 4), 2); // [NaN, 1.5, 2.5, 3.5]
 */
export function movingAverage(x: Float64Array, window: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  let sum = 0;
  let missing = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (Number.isNaN(v)) missing++;
    else sum += v;
    if (t >= window) {
      const old = x[t - window];
      if (Number.isNaN(old)) missing--;
      else sum -= old;
    }
    // Readable form: out[t] = t + 1 >= window && no NaN in x[t-window+1..t] ? mean(that slice) : NaN
    out[t] = t + 1 >= window && missing === 0 ? sum / window : NaN;
  }
  return out;
}
