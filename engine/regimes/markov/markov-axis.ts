import type { Day } from '../../../datasets/day.ts';
import { dayParts } from '../../../datasets/day.ts';
import { emWorkspace, fitMarkovEm } from './markov-em.ts';
import { fitBestOfStarts, startingValues } from './markov-starts.ts';
import { hamiltonFilter } from './hamilton-filter.ts';
import type { MarkovParams } from './markov-params.ts';

/** How one axis is fitted and refitted; see markovSwitchingRegimes for the defaults and why. */
export interface MarkovAxisOptions {
  /** States of the model (2: one per side of the axis). */
  k: number;
  /** Finite observations the window needs before the first fit: the warm-up, in trading days. */
  minHistory: number;
  /** Seeded starts tried at the first fit and at each re-search. */
  starts: number;
  /** Seed of the starting values; the same seed gives the same labels. */
  seed: number;
  /** Every this many refits the seeded starts are tried again beside the warm start (0: never). */
  researchEvery: number;
  /** EM iterations at most for a fit from a seeded start. */
  maxIter: number;
  /** EM iterations at most for a refit warm-started from the previous month's parameters. */
  warmMaxIter: number;
  /** EM's relative log-likelihood tolerance (see EmOptions). */
  tolerance: number;
  /** Variance floor, units of the input squared (see EmOptions). */
  varianceFloor: number;
  /** Each state its own variance (true) or one shared variance (false); see EmOptions. */
  switchingVariance: boolean;
}

/** One monthly refit: the row it takes effect on, the window it saw, and the fit. */
export interface MarkovRefit {
  /** Calendar row of the refit (the month's first session); the window is rows [windowStart, row). */
  row: number;
  windowStart: number;
  params: MarkovParams;
  llf: number;
  iterations: number;
  /** True when the seeded starts were tried at this refit. */
  searched: boolean;
}

export interface MarkovAxis {
  /**
   * `positive[t] = Σ_{i: means[i] > 0} Pr(S_t = i | inputs up to t)` under the parameters of the
   * latest refit at or before t: the filtered probability that the axis is on its positive side.
   * NaN before the first refit and on days the input has not started.
   */
  positive: Float64Array;
  refits: MarkovRefit[];
}

/**
 * Rows of the calendar that open a month (their month differs from the previous row's); row 0
 * counts as an opening too.
 */
export function monthOpenings(calendar: ArrayLike<Day>): Int32Array {
  const rows: number[] = [];
  let previous = -1;
  for (let t = 0; t < calendar.length; t++) {
    const { year, month } = dayParts(calendar[t]);
    const key = year * 12 + month;
    if (key !== previous) rows.push(t);
    previous = key;
  }
  return Int32Array.from(rows);
}

/**
 * One axis of the Markov-switching regime model on an expanding window with monthly refits.
 *
 * The window starts at the first finite input value. On each month's first session r once the
 * window holds `minHistory` finite values, the model is fitted by EM to rows [start, r), the data
 * public by the previous close (the first fit from the seeded starts; later refits from the
 * previous month's parameters, with the seeded starts tried again every `researchEvery` refits,
 * the best log-likelihood winning). Then rows r … next refit − 1 are filtered with those
 * parameters: day t's probability reads inputs at rows ≤ t and parameters fitted on rows < r ≤ t.
 * The smoother runs only inside EM, on the fitting window: no label reads it.
 */
export function markovAxis(input: Float64Array, calendar: ArrayLike<Day>, options: MarkovAxisOptions): MarkovAxis {
  const n = input.length;
  const positive = new Float64Array(n).fill(NaN);
  const refits: MarkovRefit[] = [];
  let start = 0;
  while (start < n && input[start] !== input[start]) start++;
  if (start >= n) return { positive, refits };
  const y = input.subarray(start);
  const ws = emWorkspace(n - start, options.k);
  // `finite` counts the finite inputs in rows [start, counted): the warm-up test.
  const openings = monthOpenings(calendar);
  let finite = 0;
  let counted = start;
  let params: MarkovParams | undefined;
  const em = { tolerance: options.tolerance, varianceFloor: options.varianceFloor, switchingVariance: options.switchingVariance };
  for (let m = 0; m < openings.length; m++) {
    const row = openings[m];
    if (row <= start) continue;
    for (; counted < row; counted++) if (input[counted] === input[counted]) finite++;
    if (finite < options.minHistory) continue;
    const windowLength = row - start;
    const search = params === undefined || (options.researchEvery > 0 && refits.length % options.researchEvery === 0);
    let fit = params === undefined ? undefined : fitMarkovEm(y, params, { ...em, maxIter: options.warmMaxIter }, windowLength, ws);
    if (search) {
      const fresh = fitBestOfStarts(
        y,
        windowLength,
        startingValues(y, windowLength, options.k, options.seed, options.starts, options.switchingVariance),
        { ...em, maxIter: options.maxIter },
        ws,
      );
      if (fit === undefined || fresh.llf > fit.llf) fit = fresh;
    }
    if (fit === undefined) continue;
    params = fit.params;
    refits.push({ row, windowStart: start, params, llf: fit.llf, iterations: fit.iterations, searched: search });
    const end = m + 1 < openings.length ? openings[m + 1] : n;
    // A warm-start refit left its last filter pass, at these parameters, in the workspace: extend it.
    const resumeAt = search ? 0 : windowLength;
    const f = hamiltonFilter(y, params, { n: end - start, out: ws.filter, perObservation: false, resumeAt });
    const { k, means } = params;
    for (let t = row; t < end; t++) {
      const rowOffset = (t - start) * k;
      let p = 0;
      for (let i = 0; i < k; i++) if (means[i] > 0) p += f.filtered[rowOffset + i];
      positive[t] = p;
    }
  }
  return { positive, refits };
}
