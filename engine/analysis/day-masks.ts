import { badArgument } from '../stats/bad-argument.ts';

/**
 * A range of RETURN days on the calendar, by index, both ends included: day i's return (close
 * i−1 → close i) belongs to the window when `from ≤ i ≤ to`. `from ≥ 1` (day 0 has no return).
 */
export interface DayWindow {
  from: number;
  to: number;
}

/** The whole calendar of length n as a return-day window: [1, n − 1]. */
export function fullWindow(n: number): DayWindow {
  return { from: 1, to: n - 1 };
}

/**
 * Mask of the return days that count for `quadrant`: `mask[i] = 1` when `labels[i − 1] ===
 * quadrant` (the regime known at the previous close, the one in force while the return was
 * earned) and i lies in `window`. `quadrant = 0` is not "warm-up" here but ALL days whose previous
 * label is known (1..4), the reference row of the per-regime tables.
 *
 * Timing: reads labels[from − 1 .. to − 1] only.
 *
 * @throws QuadrantError `bad-argument` when the window lies outside the labels.
 * @example
 * regimeMask(Uint8Array.of(1, 1, 2, 2), 1, { from: 1, to: 3 }); // [0, 1, 1, 0]
 */
export function regimeMask(labels: Uint8Array, quadrant: number, window: DayWindow = fullWindow(labels.length)): Uint8Array {
  checkWindow(window, labels.length, 'regimeMask');
  const mask = new Uint8Array(labels.length);
  for (let i = window.from; i <= window.to; i++) {
    const q = labels[i - 1];
    if (quadrant === 0 ? q >= 1 && q <= 4 : q === quadrant) mask[i] = 1;
  }
  return mask;
}

/**
 * Number of separate runs of 1s in a mask: the "episodes" a statistic rests on. Two counted
 * days belong to one episode when no uncounted day lies between them.
 *
 * @example
 * countRuns(Uint8Array.of(0, 1, 1, 0, 1)); // 2
 */
export function countRuns(mask: Uint8Array): number {
  let runs = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && (i === 0 || mask[i - 1] !== 1)) runs++;
  return runs;
}

/** Shortest run of days that counts as an independent episode: one month of trading days. */
export const EPISODE_MIN_DAYS = 21;

/**
 * Number of separate runs of 1s in a mask lasting at least `minDays` days: the independent
 * episodes a statistic rests on (shorter runs are fragments of a condition that flickers, not
 * separate draws of it).
 *
 * @example
 * countSpells(Uint8Array.of(1, 1, 1, 0, 1, 0, 1, 1, 1), 3); // 2
 */
export function countSpells(mask: Uint8Array, minDays = EPISODE_MIN_DAYS): number {
  let spells = 0;
  let run = 0;
  for (let i = 0; i <= mask.length; i++) {
    if (i < mask.length && mask[i] === 1) run++;
    else {
      if (run >= minDays) spells++;
      run = 0;
    }
  }
  return spells;
}

/** Number of 1s in a mask. */
export function countDays(mask: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < mask.length; i++) m += mask[i] === 1 ? 1 : 0;
  return m;
}

/**
 * The values at the masked indices, in order, as a compact array (the "concatenated
 * in-regime series" that Newey–West and the bootstrap see).
 *
 * @example
 * gather(Float64Array.of(5, 6, 7), Uint8Array.of(1, 0, 1)); // [5, 7]
 */
export function gather(values: Float64Array, mask: Uint8Array): Float64Array {
  const out = new Float64Array(countDays(mask));
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) out[k++] = values[i];
  return out;
}

/**
 * Index positions of the 1s in a mask, as a Float64Array (the form the index bootstrap of the
 * claims resamples).
 */
export function maskIndices(mask: Uint8Array): Float64Array {
  const out = new Float64Array(countDays(mask));
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) out[k++] = i;
  return out;
}

/**
 * A NAV path from daily simple returns: `nav[0] = 1`, `nav[i] = nav[i−1] · (1 + r[i])`; a NaN
 * return leaves the NAV unchanged (no position that day). Units: growth of 1.
 *
 * @throws QuadrantError `bad-argument` when a return is ≤ −1 (the NAV would not stay positive).
 */
export function navFromReturns(returns: Float64Array): Float64Array {
  const n = returns.length;
  const nav = new Float64Array(n);
  if (n === 0) return nav;
  nav[0] = 1;
  for (let i = 1; i < n; i++) {
    const r = returns[i];
    if (r <= -1) throw badArgument(`navFromReturns: return on index ${i} is ${r}, at or below −100 %`);
    nav[i] = Number.isNaN(r) ? nav[i - 1] : nav[i - 1] * (1 + r);
  }
  return nav;
}

/** Throws unless 1 ≤ from and to ≤ n − 1 (an empty window, from > to, is allowed). */
export function checkWindow(window: DayWindow, n: number, fn: string): void {
  if (!Number.isInteger(window.from) || !Number.isInteger(window.to) || window.from < 1 || window.to > n - 1) {
    throw badArgument(`${fn} needs a window of return days inside [1, ${n - 1}], got [${window.from}, ${window.to}]`);
  }
}
