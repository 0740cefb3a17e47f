import { badArgument } from '../../stats/bad-argument.ts';
import type { FilterResult } from './hamilton-filter.ts';
import type { MarkovParams } from './markov-params.ts';

/** The Kim smoother's output: smoothed marginals and the expected transition counts EM needs. */
export interface SmootherResult {
  /** `smoothed[t·k + i] = Pr(S_t = i | y_0..y_{n−1})`: reads the whole sample, for EM only. */
  smoothed: Float64Array;
  /** `transitionCounts[i·k + j] = Σ_{t=0}^{n−1} Pr(S_t = i, S_{t−1} = j | all y)`, S_{−1} the pre-sample state. */
  transitionCounts: Float64Array;
}

export function smootherWorkspace(capacity: number, k: number): SmootherResult {
  return { smoothed: new Float64Array(capacity * k), transitionCounts: new Float64Array(k * k) };
}

/**
 * The Kim (1994) smoother over a Hamilton filter's output (statsmodels' `smooth`):
 *
 *   smoothed_{n−1} = filtered_{n−1},
 *   smoothed_t(j) = filtered_t(j) · Σ_i transition[i, j] · smoothed_{t+1}(i) / predicted_{t+1}(i),
 *
 * and the smoothed joint `Pr(S_t = i, S_{t−1} = j | all y) = smoothed_t(i) · transition[i, j] ·
 * filtered_{t−1}(j) / predicted_t(i)` (with filtered_{−1} = the filter's prior), summed over t
 * into `transitionCounts`. It conditions on the whole sample, so it looks ahead by design: EM
 * uses it inside a fitting window; labels never do.
 *
 * @throws QuadrantError `bad-argument` when `out` is too small.
 */
export function kimSmoother(filter: FilterResult, params: MarkovParams, out?: SmootherResult): SmootherResult {
  const { n, k, filtered, predicted, prior } = filter;
  const { transition } = params;
  const res = out ?? smootherWorkspace(n, k);
  if (res.smoothed.length < n * k || res.transitionCounts.length !== k * k)
    throw badArgument(`kimSmoother workspace is too small for ${n} observations of ${k} states`);
  const { smoothed, transitionCounts: counts } = res;
  counts.fill(0);
  if (n === 0) return res;
  const ratio = new Float64Array(k);
  const last = (n - 1) * k;
  for (let i = 0; i < k; i++) smoothed[last + i] = filtered[last + i];
  for (let t = n - 1; t >= 0; t--) {
    const row = t * k;
    // ratio(i) = smoothed_t(i) / predicted_t(i); a state predicted impossible stays impossible.
    for (let i = 0; i < k; i++) {
      const p = predicted[row + i];
      ratio[i] = p > 0 ? smoothed[row + i] / p : 0;
    }
    const prevFiltered = t > 0 ? filtered : prior;
    const prevRow = t > 0 ? row - k : 0;
    for (let j = 0; j < k; j++) {
      const f = prevFiltered[prevRow + j];
      let s = 0;
      for (let i = 0; i < k; i++) {
        const joint = ratio[i] * transition[i * k + j] * f;
        counts[i * k + j] += joint;
        s += joint;
      }
      // Σ_i joint(i, j) is Pr(S_{t−1} = j | all y): the next smoothed row, walking back.
      if (t > 0) smoothed[prevRow + j] = s;
    }
  }
  return res;
}
