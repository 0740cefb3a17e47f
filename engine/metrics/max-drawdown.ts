import type { Day } from '../../datasets/day.ts';
import { badArgument } from '../stats/bad-argument.ts';

/** The largest drawdown of a path and when it happened. */
export interface MaxDrawdown {
  /** Largest fall from a running high, `1 − trough / peak`, a fraction in [0, 1). */
  depth: number;
  /** Day of the peak it fell from (the last day at that high); NaN when depth is 0. */
  start: Day;
  /** Day of the trough (the first day at the deepest point); NaN when depth is 0. */
  trough: Day;
  /** First day at or above the peak level after the trough; NaN if never or depth is 0. */
  recovery: Day;
  /**
   * Counted trading days from the peak to the recovery, or to the last counted day when there
   * is no recovery; 0 when depth is 0. (Calendar length is `recovery − start`.)
   */
  lengthDays: number;
}

/**
 * Maximum drawdown of the path built from the counted daily returns. Day i's return
 * `nav[i]/nav[i−1] − 1` counts when `mask[i] = 1` (all count without a mask). The path starts at
 * the close before the first counted day and moves only on counted days, so with a mask it is
 * the NAV of "holding only on those days" (e.g. only in one macro regime); without a mask it is
 * the NAV itself and the result equals the naive `max_i (1 − nav[i] / max_{j≤i} nav[j])`.
 *
 * Implementation: the path level is `nav[i] · scale`, where `scale` absorbs each skipped day's
 * return, so the unmasked case divides the NAVs themselves (no compounding round-off).
 *
 * @throws QuadrantError `bad-argument` when lengths differ or a NAV is not finite and positive.
 * @example
 * maxDrawdown(Float64Array.of(100, 120, 90, 130), Int32Array.of(0, 1, 2, 3));
 * // { depth: 0.25, start: 1, trough: 2, recovery: 3, lengthDays: 2 }
 */
export function maxDrawdown(nav: Float64Array, days: Int32Array, mask?: Uint8Array): MaxDrawdown {
  const n = nav.length;
  if (days.length !== n) throw badArgument(`maxDrawdown needs days as long as nav, got ${days.length} and ${n}`);
  if (mask && mask.length !== n) throw badArgument(`maxDrawdown needs a mask as long as nav, got ${mask.length} and ${n}`);
  for (let i = 0; i < n; i++) {
    if (!(nav[i] > 0) || nav[i] === Infinity) throw badArgument(`maxDrawdown: nav[${i}] is ${nav[i]}, not finite and positive`);
  }
  let scale = 1;
  let started = false;
  let peak = 0;
  let peakDay = NaN;
  let peakK = 0; // index of the peak among counted steps (0 = the starting close)
  let k = 0; // counted steps so far
  let depth = 0;
  let start = NaN;
  let trough = NaN;
  let recovery = NaN;
  let ddPeakK = 0;
  let recovered = true;
  let lengthDays = 0;
  for (let i = 1; i < n; i++) {
    if (mask && mask[i] !== 1) {
      scale *= nav[i - 1] / nav[i];
      continue;
    }
    if (!started) {
      started = true;
      peak = nav[i - 1] * scale;
      peakDay = days[i - 1];
    }
    k++;
    const level = nav[i] * scale;
    if (level >= peak) {
      if (!recovered) {
        recovered = true;
        recovery = days[i];
        lengthDays = k - ddPeakK;
      }
      peak = level;
      peakDay = days[i];
      peakK = k;
    } else {
      const dd = 1 - level / peak;
      if (dd > depth) {
        depth = dd;
        start = peakDay;
        trough = days[i];
        ddPeakK = peakK;
        recovered = false;
        recovery = NaN;
      }
    }
  }
  if (!recovered) lengthDays = k - ddPeakK;
  return { depth, start, trough, recovery, lengthDays };
}
