import type { Day } from '../../datasets/day.ts';
import { badArgument } from '../stats/bad-argument.ts';

/** One drawdown episode: from a running high down to its trough and back. */
export interface DrawdownEpisode {
  /** Largest fall in the episode, `1 − trough / peak`, a fraction in (0, 1). */
  depth: number;
  /** Day of the peak it fell from (the last day at that high). */
  start: Day;
  /** Day of the trough (the first day at the deepest point). */
  trough: Day;
  /** First day back at or above the peak level; NaN while still under water. */
  recovery: Day;
  /** Trading days from the peak to the recovery, or to the last day when not recovered. */
  lengthDays: number;
}

/**
 * The `count` deepest drawdown episodes of a NAV path, deepest first. An episode runs from a
 * running high to the first day the NAV is back at or above it; episodes do not overlap, so
 * the second-worst is the deepest of the other episodes, not a sub-dip of the worst.
 *
 * Convention: Quadrant's `maxDrawdown` one (the start is the peak day; length in trading days
 * from peak to recovery). quantstats' `drawdown_details` starts an episode on the first day
 * under water and counts calendar days; depths and troughs agree.
 *
 * @throws QuadrantError `bad-argument` when lengths differ or a NAV is not finite and positive.
 * @example
 * worstDrawdowns(Float64Array.of(100, 80, 100, 95, 101), Int32Array.of(0, 1, 2, 3, 4), 2);
 * // [{ depth: 0.2, start: 0, trough: 1, recovery: 2, lengthDays: 2 }, { depth: 0.05, start: 2, trough: 3, recovery: 4, lengthDays: 2 }]
 */
export function worstDrawdowns(nav: Float64Array, days: Int32Array, count = 5): DrawdownEpisode[] {
  const n = nav.length;
  if (days.length !== n) throw badArgument(`worstDrawdowns needs days as long as nav, got ${days.length} and ${n}`);
  const episodes: DrawdownEpisode[] = [];
  let peak = NaN;
  let peakIndex = 0;
  let open: DrawdownEpisode | undefined;
  let troughLevel = Infinity;
  for (let i = 0; i < n; i++) {
    const v = nav[i];
    if (!(v > 0) || v === Infinity) throw badArgument(`worstDrawdowns: nav[${i}] is ${v}, not finite and positive`);
    if (!(v < peak)) {
      if (open) {
        open.recovery = days[i];
        open.lengthDays = i - peakIndex;
        episodes.push(open);
        open = undefined;
      }
      peak = v;
      peakIndex = i;
      continue;
    }
    if (!open) {
      open = { depth: 0, start: days[peakIndex], trough: days[i], recovery: NaN, lengthDays: 0 };
      troughLevel = Infinity;
    }
    if (v < troughLevel) {
      troughLevel = v;
      open.trough = days[i];
      open.depth = 1 - v / peak;
    }
  }
  if (open) {
    open.lengthDays = n - 1 - peakIndex;
    episodes.push(open);
  }
  return episodes.sort((a, b) => b.depth - a.depth || a.start - b.start).slice(0, count);
}
