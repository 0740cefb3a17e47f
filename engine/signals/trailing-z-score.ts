export interface TrailingZScoreOptions {
  /** Rows in the trailing window, the current one included (e.g. 756 ≈ 3 years of trading days). */
  window: number;
  /** Non-NaN values the window must hold before a score is given; NaN before (the warm-up). */
  minHistory: number;
  /** Scores are clipped to [−clip, clip] (default Infinity: no clipping). */
  clip?: number;
  /**
   * true (default): the usual z-score about the trailing mean. false: about zero, i.e. the value
   * divided by the trailing root mean square, which keeps the sign of `x` (a balance sheet that
   * has grown for three years still reads as growing).
   */
  center?: boolean;
}

/**
 * Trailing z-score, unitless. With `center` (default):
 * `z[t] = (x[t] − mean) / sd`, mean and sample standard deviation (n − 1) of the non-NaN values
 * among rows t−window+1..t. Without: `z[t] = x[t] / sqrt(mean of x²)` over the same values.
 * Where the spread is zero (a flat window) the score is 0: no information, no direction.
 *
 * Timing: rows ≤ t only; NaN where x[t] is NaN or the window holds fewer than `minHistory`
 * values. O(n) with running sums; the centred sums are taken about the first value seen, so
 * large levels (millions of USD) do not cancel catastrophically.
 *
 * @example
 * trailingZScore(Float64Array.of(1, 2, 3), { window: 3, minHistory: 3 }); // [NaN, NaN, 1] (mean 2, sd 1)
 */
export function trailingZScore(x: Float64Array, options: TrailingZScoreOptions, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const { window, minHistory } = options;
  const clip = options.clip ?? Infinity;
  const center = options.center ?? true;
  const n = x.length;
  let shift = NaN;
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (v === v) {
      if (shift !== shift) shift = center ? v : 0;
      const d = v - shift;
      count++;
      sum += d;
      sumSq += d * d;
    }
    if (t >= window) {
      const old = x[t - window];
      if (old === old) {
        const d = old - shift;
        count--;
        sum -= d;
        sumSq -= d * d;
      }
    }
    if (v !== v || count < minHistory || count < 1) {
      out[t] = NaN;
      continue;
    }
    let z: number;
    if (center) {
      if (count < 2) {
        out[t] = NaN;
        continue;
      }
      const mean = sum / count;
      const variance = (sumSq - sum * mean) / (count - 1);
      // Rounding can leave a tiny positive variance in a flat window: treat it as flat.
      z = variance > 1e-12 * (sumSq / count) && variance > 0 ? (v - shift - mean) / Math.sqrt(variance) : 0;
    } else {
      const ms = sumSq / count;
      z = ms > 0 ? v / Math.sqrt(ms) : 0;
    }
    out[t] = z > clip ? clip : z < -clip ? -clip : z;
  }
  return out;
}
