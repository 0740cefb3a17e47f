import type { Day } from '../../../datasets/day.ts';
import { badArgument } from '../../stats/bad-argument.ts';
import { markovAxis, type MarkovAxisOptions, type MarkovRefit } from './markov-axis.ts';

/**
 * Defaults of the `markov-switching` preset, and why:
 * - k = 2 per axis: each axis's two states are its two sides (two 2-state models map onto the
 *   quadrants directly; one 4-state model would need its states paired into axes afterwards);
 * - one variance shared by the two states (statsmodels' `switching_variance=False`): the
 *   quadrant asks on which side of zero an axis is, a question about the mean. With a variance
 *   per state, the liquidity score's fit splits calm from turbulent days instead (whole history:
 *   means −0.006 and 0.044, variances 0.03 and 0.69), and the sign of two near-zero means
 *   decides the label. This choice was made after seeing that fit;
 * - minHistory 504 trading days (two years of scored input) before the first fit, so that the
 *   window has usually seen both sides of each axis (a one-year window often holds one regime
 *   only, and a two-state fit then splits noise);
 * - the first fit tries 8 seeded starts (seed 1) and keeps the best log-likelihood; each later
 *   monthly refit starts from the previous month's parameters (EM then follows the maximum as
 *   the window grows, and the parameters move smoothly from month to month); `researchEvery`
 *   can add the seeded starts again, at about twice the cost;
 * - EM capped at 300 iterations from a seeded start and 50 from the warm start, with statsmodels'
 *   default relative tolerance 1e-6;
 * - variance floor 1e-6 (the inputs are unitless scores of order one): keeps a state that
 *   collapses onto a run of identical values from taking the likelihood to infinity.
 */
export const MARKOV_DEFAULTS: Readonly<MarkovAxisOptions> = Object.freeze({
  k: 2,
  minHistory: 504,
  starts: 8,
  seed: 1,
  researchEvery: 0,
  maxIter: 300,
  warmMaxIter: 50,
  tolerance: 1e-6,
  varianceFloor: 1e-6,
  switchingVariance: false,
});

export interface MarkovRegimes {
  /** Per calendar row: 0 before both axes have a fit (warm-up), else 1..4 = Q1..Q4. */
  labels: Uint8Array;
  /** Filtered probability that liquidity is easing (the states with a positive mean); NaN in warm-up. */
  easingProbability: Float64Array;
  /** Filtered probability that the dollar is strengthening (the states with a positive mean); NaN in warm-up. */
  strongProbability: Float64Array;
  liquidityRefits: MarkovRefit[];
  dollarRefits: MarkovRefit[];
  /** First labelled row, −1 if none. */
  firstLabelled: number;
}

/**
 * The Markov-switching challenger to the rule-based quadrants: one two-state Hamilton model per
 * axis, on the liquidity score (> 0 easing) and the dollar score (> 0 strengthening), each fitted
 * on an expanding window refitted on every month's first session (markovAxis). Day t's side of
 * an axis is the side its filtered probability favours (> 0.5), a state's side the sign of its
 * mean; the label is Q = 1 + 2·(not easing) + (strengthening), as for every preset.
 *
 * Timing: the label at row t reads inputs at rows ≤ t and parameters fitted on rows before the
 * month's first session ≤ t: point in time whenever the inputs are.
 *
 * @throws QuadrantError `bad-argument` when the three arrays differ in length.
 */
export function markovSwitchingRegimes(
  liquidity: Float64Array,
  dollar: Float64Array,
  calendar: ArrayLike<Day>,
  options: Partial<MarkovAxisOptions> = {},
): MarkovRegimes {
  const n = calendar.length;
  if (liquidity.length !== n || dollar.length !== n)
    throw badArgument(`markovSwitchingRegimes needs inputs as long as the calendar (${n}), got ${liquidity.length} and ${dollar.length}`);
  const o = { ...MARKOV_DEFAULTS, ...options };
  const liq = markovAxis(liquidity, calendar, o);
  const dol = markovAxis(dollar, calendar, o);
  const labels = new Uint8Array(n);
  let firstLabelled = -1;
  for (let t = 0; t < n; t++) {
    const e = liq.positive[t];
    const s = dol.positive[t];
    if (e !== e || s !== s) continue;
    labels[t] = 1 + (e > 0.5 ? 0 : 2) + (s > 0.5 ? 1 : 0);
    if (firstLabelled < 0) firstLabelled = t;
  }
  return { labels, easingProbability: liq.positive, strongProbability: dol.positive, liquidityRefits: liq.refits, dollarRefits: dol.refits, firstLabelled };
}
