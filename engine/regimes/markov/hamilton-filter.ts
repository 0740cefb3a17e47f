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
 * Densities are taken in logs and scaled by the largest before exponentiating, so an
 * observation far in every state's tail neither underflows nor overflows, at k − 1
 * exponentials a day. A NaN observation carries no information: the filter predicts through it
 * (`filtered_t = predicted_t`, no likelihood).
 *
 * Timing: row t of `filtered` reads y_0..y_t only, so it is known at t; nothing here reads ahead.
 * Cost: O(n·k²) time, k − 1 exponentials per observation, no allocation when `out` is given.
 *
 * @throws QuadrantError `bad-argument` when `out` is too small for n observations or k states,
 *   or `resumeAt` is not where `out` stopped.
 */
export function hamiltonFilter(y: ArrayLike<number>, params: MarkovParams, options: FilterOptions = {}): FilterResult {
  const { k, transition, means, variances } = params;
  const { n = y.length, perObservation = true, resumeAt = 0 } = options;
  const res = options.out ?? filterWorkspace(n, k);
  if (res.k !== k || res.loglikObs.length < n)
    throw badArgument(`hamiltonFilter workspace holds ${res.loglikObs.length} observations of ${res.k} states, needs ${n} of ${k}`);
  if (resumeAt !== 0 && (res.n !== resumeAt || resumeAt > n))
    throw badArgument(`hamiltonFilter can resume only where its workspace stopped (row ${res.n}), not at row ${resumeAt} of ${n}`);
  const { filtered, predicted, loglikObs, prior } = res;
  const pi = steadyState(transition, k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += transition[i * k + j] * pi[j];
    prior[i] = s;
  }
  // Per-state constants of the log density: −½ log(2πσ²) and −1/(2σ²).
  const logNorm = new Float64Array(k);
  const negHalfPrecision = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    logNorm[i] = -0.5 * (LOG_2PI + Math.log(variances[i]));
    negHalfPrecision[i] = -0.5 / variances[i];
  }
  const logDens = new Float64Array(k);
  // The previous day's filtered probabilities, starting from the prior (or the row before resumeAt).
  const prev = resumeAt === 0 ? Float64Array.from(prior) : filtered.slice((resumeAt - 1) * k, resumeAt * k);
  // llf = Σ_t (max_t + log total_t): the maxima summed, the totals multiplied and their
  // logarithm taken once the product nears the ends of the double range (not once a day).
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
    // Log densities, scaled by the largest: k − 1 exponentials, none of which can overflow.
    let max = -Infinity;
    let top = 0;
    for (let i = 0; i < k; i++) {
      const d = yt - means[i];
      const l = logNorm[i] + negHalfPrecision[i] * d * d;
      logDens[i] = l;
      if (l > max) {
        max = l;
        top = i;
      }
    }
    let total = 0;
    for (let i = 0; i < k; i++) {
      const joint = i === top ? predicted[row + i] : predicted[row + i] * Math.exp(logDens[i] - max);
      prev[i] = joint;
      total += joint;
    }
    if (!(total > 1e-280)) {
      // The likeliest state was predicted (nearly) impossible: scale by the largest joint term instead.
      let m = -Infinity;
      for (let i = 0; i < k; i++) {
        logDens[i] += Math.log(predicted[row + i]);
        if (logDens[i] > m) m = logDens[i];
      }
      total = 0;
      for (let i = 0; i < k; i++) total += prev[i] = Math.exp(logDens[i] - m);
      max = m;
    }
    for (let i = 0; i < k; i++) prev[i] = filtered[row + i] = prev[i] / total;
    if (perObservation) loglikObs[t] = max + Math.log(total);
    llf += max;
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
