import { badArgument } from '../../stats/bad-argument.ts';
import { steadyState, type MarkovParams } from './markov-params.ts';

const LOG_2PI = Math.log(2 * Math.PI);

/** The Hamilton filter's output over n observations; probability arrays are n×k, row t = day t. */
export interface FilterResult {
  n: number;
  k: number;
  /** `filtered[t·k + i] = Pr(S_t = i | y_0..y_t)`. */
  filtered: Float64Array;
  /** `predicted[t·k + i] = Pr(S_t = i | y_0..y_{t−1})`. */
  predicted: Float64Array;
  /** `loglikObs[t] = log f(y_t | y_0..y_{t−1})`; 0 for a missing (NaN) observation. */
  loglikObs: Float64Array;
  /** Σ loglikObs: the log-likelihood of y_0..y_{n−1}. */
  llf: number;
  /** The distribution of the state before the first observation (`transition · π`, π stationary). */
  prior: Float64Array;
}

/** Arrays for a filter over up to `capacity` observations, reusable across calls (EM, refits). */
export function filterWorkspace(capacity: number, k: number): FilterResult {
  return {
    n: 0,
    k,
    filtered: new Float64Array(capacity * k),
    predicted: new Float64Array(capacity * k),
    loglikObs: new Float64Array(capacity),
    llf: 0,
    prior: new Float64Array(k),
  };
}

export interface FilterOptions {
  /** How many leading values of y to filter (default all). */
  n?: number;
  /** Arrays to write into (filterWorkspace), reused across calls; new ones by default. */
  out?: FilterResult;
  /**
   * Fill `loglikObs` (one logarithm per observation; default true). EM and labelling, which need
   * only the total, pass false and leave it untouched.
   */
  perObservation?: boolean;
  /**
   * Continue a filter already run over rows [0, resumeAt) into `out` with the same parameters:
   * only rows [resumeAt, n) are computed, and llf adds to the one in `out` (labels after a refit
   * extend the fit's own filter pass instead of repeating it). Default 0.
   */
  resumeAt?: number;
}

/**
 * The Hamilton (1989) filter for a Markov-switching mean and variance, statsmodels'
 * `MarkovRegression.filter(params)` semantics:
 *
 * - Initialisation: π, the chain's stationary distribution (statsmodels' "steady-state"); the
 *   state before y_0 is distributed `prior = transition · π` and `predicted_0 = transition · prior`
 *   (both equal π up to rounding; kept in this order so the figures match statsmodels').
 * - Prediction: `predicted_t(i) = Σ_j transition[i, j] · filtered_{t−1}(j)`.
 * - Update: `filtered_t(i) = predicted_t(i) · φ(y_t; μ_i, σ²_i) / f(y_t | past)`, with
 *   `f(y_t | past) = Σ_i predicted_t(i) · φ(y_t; μ_i, σ²_i)`.
 *
 * An observation so far in every state's tail that its density underflows is redone in logs,
 * scaled by the largest log density. A NaN observation carries no information: the filter
 * predicts through it (`filtered_t = predicted_t`, no likelihood).
 *
 * Timing: row t of `filtered` reads y_0..y_t only, so it is known at t; nothing here reads ahead.
 * Cost: O(n·k²) time, k exponentials per observation, no allocation when `out` is given.
 *
 * @throws QuadrantError `bad-argument` when `out` is too small for n observations or k states,
 *   or `resumeAt` is not where `out` stopped.
 */
export function hamiltonFilter(y: ArrayLike<number>, params: MarkovParams, options: FilterOptions = {}): FilterResult {
  const { k, transition, means, variances } = params;
  const { n = y.length, perObservation = true, resumeAt = 0 } = options;
  const res = options.out ?? filterWorkspace(n, k);
  if (res.k !== k || res.loglikObs.length < n) throw badArgument(`hamiltonFilter workspace holds ${res.loglikObs.length} observations of ${res.k} states, needs ${n} of ${k}`);
  if (resumeAt !== 0 && (res.n !== resumeAt || resumeAt > n)) throw badArgument(`hamiltonFilter can resume only where its workspace stopped (row ${res.n}), not at row ${resumeAt} of ${n}`);
  const { filtered, predicted, loglikObs, prior } = res;
  const pi = steadyState(transition, k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += transition[i * k + j] * pi[j];
    prior[i] = s;
  }
  // Per-state constants of the density: 1/√(2πσ²), its log, and −1/(2σ²).
  const norm = new Float64Array(k);
  const logNorm = new Float64Array(k);
  const negHalfPrecision = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    logNorm[i] = -0.5 * (LOG_2PI + Math.log(variances[i]));
    norm[i] = Math.exp(logNorm[i]);
    negHalfPrecision[i] = -0.5 / variances[i];
  }
  // The previous day's filtered probabilities, starting from the prior (or the row before resumeAt).
  const prev = resumeAt === 0 ? Float64Array.from(prior) : filtered.slice((resumeAt - 1) * k, resumeAt * k);
  // llf = Σ log f_t, summed as logs of running products (one logarithm per ~100 days, not per day).
  let llf = resumeAt === 0 ? 0 : res.llf;
  let product = 1;
  for (let t = resumeAt; t < n; t++) {
    const row = t * k;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += transition[i * k + j] * prev[j];
      predicted[row + i] = s;
    }
    const yt = y[t];
    if (yt !== yt) {
      for (let i = 0; i < k; i++) prev[i] = filtered[row + i] = predicted[row + i];
      if (perObservation) loglikObs[t] = 0;
      continue;
    }
    let total = 0;
    for (let i = 0; i < k; i++) {
      const d = yt - means[i];
      const joint = predicted[row + i] * norm[i] * Math.exp(negHalfPrecision[i] * d * d);
      prev[i] = joint;
      total += joint;
    }
    let logTotal = NaN;
    if (!(total > 1e-280)) {
      // Far in every tail: the same update in logs, scaled by the largest log density.
      let max = -Infinity;
      for (let i = 0; i < k; i++) {
        const d = yt - means[i];
        const l = logNorm[i] + negHalfPrecision[i] * d * d;
        prev[i] = l;
        if (l > max) max = l;
      }
      total = 0;
      for (let i = 0; i < k; i++) total += prev[i] = predicted[row + i] * Math.exp(prev[i] - max);
      logTotal = max + Math.log(total);
    }
    for (let i = 0; i < k; i++) prev[i] = filtered[row + i] = prev[i] / total;
    if (logTotal === logTotal) {
      llf += logTotal;
      if (perObservation) loglikObs[t] = logTotal;
      continue;
    }
    if (perObservation) loglikObs[t] = Math.log(total);
    product *= total;
    if (product < 1e-200 || product > 1e200) {
      llf += Math.log(product);
      product = 1;
    }
  }
  llf += Math.log(product);
  res.n = n;
  res.llf = llf;
  return res;
}
