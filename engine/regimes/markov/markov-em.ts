import { badArgument } from '../../stats/bad-argument.ts';
import { filterWorkspace, hamiltonFilter, type FilterResult } from './hamilton-filter.ts';
import { kimSmoother, smootherWorkspace, type SmootherResult } from './kim-smoother.ts';
import { checkParams, copyParams, type MarkovParams } from './markov-params.ts';

export interface EmOptions {
  /** EM iterations at most (statsmodels' `maxiter`). */
  maxIter: number;
  /**
   * Stop once the relative log-likelihood gain `2·(ℓ_i − ℓ_{i−1}) / |ℓ_i + ℓ_{i−1}|` is at most
   * this (statsmodels' `_fit_em` rule; at least two iterations run). 0 runs all maxIter.
   */
  tolerance: number;
  /**
   * A variance never falls below this (units of y squared). EM on a state that collapses onto a
   * few identical values would drive its variance to 0 and the likelihood to +∞; statsmodels has
   * no floor, so the default 0 matches it, and callers fitting real data set a small one.
   */
  varianceFloor?: number;
  /**
   * true (default): each state has its own variance (statsmodels' `switching_variance=True`);
   * false: one variance shared by every state (`switching_variance=False`), so the states can
   * differ only by their means.
   */
  switchingVariance?: boolean;
}

export interface EmFit {
  params: MarkovParams;
  /** Log-likelihood at `params` (one filter pass after the last update). */
  llf: number;
  /** EM iterations run. */
  iterations: number;
  /** True when the last iteration's relative gain was within the tolerance. */
  converged: boolean;
}

/** Filter and smoother arrays for fits of up to `capacity` observations, reusable across fits. */
export interface EmWorkspace {
  filter: FilterResult;
  smoother: SmootherResult;
}

export function emWorkspace(capacity: number, k: number): EmWorkspace {
  return { filter: filterWorkspace(capacity, k), smoother: smootherWorkspace(capacity, k) };
}

/**
 * One EM iteration for the switching mean and variance (Hamilton 1990, "Analysis of time series
 * subject to changes in regime", J. Econometrics 45; statsmodels' `MarkovRegression._em_iteration`):
 * E-step: filter and smooth at `params`; M-step, with s_t(i) the smoothed probabilities:
 *
 * - `transition[i, j] = Σ_t Pr(S_t = i, S_{t−1} = j | all y) / Σ_t s_t(j)` for i < k−1, both sums
 *   over t = 0..n−1 (statsmodels' exact form, whose denominator counts S_t rather than S_{t−1});
 *   the last state completes each column to one; a column whose first k−1 entries exceed one is
 *   rescaled by 1/(1 + excess + 1e-6), as statsmodels does;
 * - `means[i] = Σ_t s_t(i)·y_t / Σ_t s_t(i)`;
 * - `variances[i] = Σ_t s_t(i)·(y_t − means[i])² / Σ_t s_t(i)` (with the new mean); with a
 *   shared variance, `Σ_i Σ_t s_t(i)·(y_t − means[i])² / n` (n observed values).
 *
 * NaN observations enter the transition counts (through the filter) but not the means or
 * variances. A state with no smoothed weight keeps its previous mean and variance.
 *
 * @returns the log-likelihood at `params` (before the update); the update is written to `next`.
 */
export function emIteration(
  y: ArrayLike<number>,
  n: number,
  params: MarkovParams,
  next: MarkovParams,
  ws: EmWorkspace,
  varianceFloor = 0,
  switchingVariance = true,
): number {
  const { k } = params;
  const filter = hamiltonFilter(y, params, { n, out: ws.filter, perObservation: false });
  const { smoothed, transitionCounts } = kimSmoother(filter, params, ws.smoother);
  const weight = new Float64Array(k);
  const weightObs = new Float64Array(k);
  const sumY = new Float64Array(k);
  for (let t = 0; t < n; t++) {
    const row = t * k;
    const yt = y[t];
    const observed = yt === yt;
    for (let i = 0; i < k; i++) {
      const s = smoothed[row + i];
      weight[i] += s;
      if (observed) {
        weightObs[i] += s;
        sumY[i] += s * yt;
      }
    }
  }
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = 0; i < k - 1; i++) {
      const p = weight[j] > 0 ? transitionCounts[i * k + j] / weight[j] : params.transition[i * k + j];
      next.transition[i * k + j] = p;
      sum += p;
    }
    if (sum > 1) {
      const scale = 1 + (sum - 1) + 1e-6;
      sum = 0;
      for (let i = 0; i < k - 1; i++) sum += next.transition[i * k + j] /= scale;
    }
    next.transition[(k - 1) * k + j] = 1 - sum;
  }
  for (let i = 0; i < k; i++) next.means[i] = weightObs[i] > 0 ? sumY[i] / weightObs[i] : params.means[i];
  const sumSq = new Float64Array(k);
  for (let t = 0; t < n; t++) {
    const yt = y[t];
    if (yt !== yt) continue;
    const row = t * k;
    for (let i = 0; i < k; i++) {
      const d = yt - next.means[i];
      sumSq[i] += smoothed[row + i] * d * d;
    }
  }
  if (switchingVariance) {
    for (let i = 0; i < k; i++) {
      const v = weightObs[i] > 0 ? sumSq[i] / weightObs[i] : params.variances[i];
      next.variances[i] = v > varianceFloor ? v : varianceFloor;
    }
  } else {
    let ss = 0;
    let w = 0;
    for (let i = 0; i < k; i++) {
      ss += sumSq[i];
      w += weightObs[i];
    }
    const v = w > 0 ? ss / w : params.variances[0];
    next.variances.fill(v > varianceFloor ? v : varianceFloor);
  }
  return filter.llf;
}

/**
 * Fits the model to y_0..y_{n−1} by EM from `start` (statsmodels' `_fit_em(start_params,
 * maxiter, tolerance)`: the same iterations and the same stopping rule, so from the same start
 * the same parameters).
 *
 * @param n how many leading values of `y` to fit (an expanding window over one array).
 * @throws QuadrantError `bad-argument` on invalid start values or options.
 * @example
 * const fit = fitMarkovEm(y, start, { maxIter: 500, tolerance: 1e-8 });
 * fit.params.means; // the two state means
 */
export function fitMarkovEm(y: ArrayLike<number>, start: MarkovParams, options: EmOptions, n = y.length, ws?: EmWorkspace): EmFit {
  checkParams(start);
  const { maxIter, tolerance, varianceFloor = 0, switchingVariance = true } = options;
  if (!Number.isInteger(maxIter) || maxIter < 1) throw badArgument(`fitMarkovEm needs maxIter ≥ 1, got ${maxIter}`);
  if (!(tolerance >= 0)) throw badArgument(`fitMarkovEm needs tolerance ≥ 0, got ${tolerance}`);
  if (n > y.length) throw badArgument(`fitMarkovEm: n = ${n} exceeds the ${y.length} values`);
  const work = ws ?? emWorkspace(n, start.k);
  let current = copyParams(start);
  let next = copyParams(start);
  let previousLlf = NaN;
  let delta = 0;
  let i = 0;
  let converged = false;
  while (i < maxIter && (i < 2 || delta > tolerance)) {
    const llf = emIteration(y, n, current, next, work, varianceFloor, switchingVariance);
    if (i > 0) delta = (2 * (llf - previousLlf)) / Math.abs(llf + previousLlf);
    converged = i > 0 && delta <= tolerance;
    previousLlf = llf;
    [current, next] = [next, current];
    i++;
  }
  // This last pass leaves the filter at the fitted parameters in `work.filter` (see resumeAt).
  const llf = hamiltonFilter(y, current, { n, out: work.filter, perObservation: false }).llf;
  return { params: current, llf, iterations: i, converged };
}
