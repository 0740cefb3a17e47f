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
 * values. O(n): running moments updated as a row enters and leaves the window (Welford's
 * update and its inverse), recomputed exactly from the window every `window` rows so rounding
 * cannot build up over decades, and whenever removing a value cancels most of the moments (a
 * jump leaving the window). The recomputation reads rows ≤ t only.
 *
 * @example
 * trailingZScore(Float64Array.of(1, 2, 3), { window: 3, minHistory: 3 }); // [NaN, NaN, 1] (mean 2, sd 1)
 */
export function trailingZScore(x: Float64Array, options: TrailingZScoreOptions, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const { window, minHistory } = options;
  const clip = options.clip ?? Infinity;
  const center = options.center ?? true;
  const n = x.length;
  // Centred: count, mean and M2 (sum of squared deviations) of the window's values.
  // About zero: count and the mean of squares (kept in `mean`; M2 unused).
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    let recompute = (t + 1) % window === 0;
    if (t >= window) {
      const old = x[t - window];
      if (old === old) {
        count--;
        if (count === 0) {
          mean = 0;
          m2 = 0;
        } else if (center) {
          const d = old - mean;
          mean -= d / count;
          m2 -= d * (old - mean);
          // Removing a value far from the rest cancels most of M2: rebuild the window exactly.
          if (m2 <= 1e-6 * d * d) recompute = true;
        } else {
          mean -= (old * old - mean) / count;
          if (mean <= 1e-6 * old * old) recompute = true;
        }
      }
    }
    if (v === v) {
      count++;
      if (center) {
        const d = v - mean;
        mean += d / count;
        m2 += d * (v - mean);
      } else mean += (v * v - mean) / count;
    }
    if (recompute) {
      // Exact two-pass recomputation over the window (rows t−window+1..t, never later rows).
      count = 0;
      let s = 0;
      const from = Math.max(0, t - window + 1);
      for (let i = from; i <= t; i++) {
        const y = x[i];
        if (y === y) {
          count++;
          s += center ? y : y * y;
        }
      }
      mean = count ? s / count : 0;
      m2 = 0;
      if (center) for (let i = from; i <= t; i++) if (x[i] === x[i]) m2 += (x[i] - mean) * (x[i] - mean);
    }
    if (v !== v || count < minHistory || count < 1 || (center && count < 2)) {
      out[t] = NaN;
      continue;
    }
    let z: number;
    if (center) {
      const variance = m2 / (count - 1);
      // A flat window can leave a rounding residue in M2: below 1e-12 of the level it is flat.
      const floor = 1e-12 * (Math.abs(v) + Math.abs(mean));
      z = variance > floor * floor ? (v - mean) / Math.sqrt(variance) : 0;
    } else z = mean > 0 ? v / Math.sqrt(mean) : 0;
    out[t] = z > clip ? clip : z < -clip ? -clip : z;
  }
  return out;
}
