import { movingAverage } from './moving-average.ts';

/**
 * Trend against the moving average: `out[t] = x[t] / MA_window(x)[t] − 1`, a fraction
 * (0.03 = 3 % above its trailing average). Used for the dollar's trend.
 *
 * Timing: rows ≤ t only (the average is trailing, see {@link movingAverage}). NaN until the
 * average exists.
 *
 * @example
 * trendVsAverage(Float64Array.of(100, 100, 106), 3); // [NaN, NaN, 0.03921…] (106 / 102 − 1)
 */
export function trendVsAverage(x: Float64Array, window: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  movingAverage(x, window, out);
  for (let t = 0; t < x.length; t++) out[t] = out[t] > 0 ? x[t] / out[t] - 1 : NaN;
  return out;
}
