import { badArgument } from '../../stats/bad-argument.ts';

/**
 * Parameters of a k-state Markov-switching model with a switching mean and a switching variance
 * (statsmodels' `MarkovRegression(y, k_regimes=k, trend='c', switching_variance=True)`):
 *
 *   y_t | S_t = i  ~  Normal(means[i], variances[i]),   Pr(S_t = i | S_{t−1} = j) = transition[i·k + j].
 *
 * `transition` is column-stochastic (each column j sums to one), statsmodels' convention: the
 * parameter statsmodels names `p[j->i]` is `transition[i·k + j]`. Means and variances are in the
 * units of y and its square.
 */
export interface MarkovParams {
  k: number;
  /** k×k, row-major, `transition[i·k + j] = Pr(S_t = i | S_{t−1} = j)`. */
  transition: Float64Array;
  /** k state means, units of y. */
  means: Float64Array;
  /** k state variances, units of y squared; > 0. */
  variances: Float64Array;
}

/** A deep copy, so a fit never writes into its caller's start values. */
export function copyParams(p: MarkovParams): MarkovParams {
  return { k: p.k, transition: Float64Array.from(p.transition), means: Float64Array.from(p.means), variances: Float64Array.from(p.variances) };
}

/**
 * Builds parameters from statsmodels' flat vector `[p[0->0], p[1->0], …, const[0..k−1], sigma2[0..k−1]]`
 * (`p[j->i]` for i < k−1, ordered by i then j; the last row completes each column). With one
 * `sigma2` (statsmodels' `switching_variance=False`) every state gets that variance.
 *
 * @example
 * fromStatsmodelsVector([0.9, 0.2, -1, 1, 0.5, 2], 2).transition; // [0.9, 0.2, 0.1, 0.8]
 */
export function fromStatsmodelsVector(vector: ArrayLike<number>, k: number): MarkovParams {
  const nTrans = k * (k - 1);
  const shared = vector.length === nTrans + k + 1;
  if (!shared && vector.length !== nTrans + 2 * k)
    throw badArgument(`fromStatsmodelsVector needs ${nTrans + 2 * k} values (or ${nTrans + k + 1} with one variance) for k = ${k}, got ${vector.length}`);
  const transition = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = 0; i < k - 1; i++) {
      const p = vector[i * k + j];
      transition[i * k + j] = p;
      sum += p;
    }
    transition[(k - 1) * k + j] = 1 - sum;
  }
  const means = new Float64Array(k);
  const variances = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    means[i] = vector[nTrans + i];
    variances[i] = vector[nTrans + k + (shared ? 0 : i)];
  }
  return { k, transition, means, variances };
}

/** The inverse of fromStatsmodelsVector (`shared`: one variance, as statsmodels lists it then). */
export function toStatsmodelsVector(p: MarkovParams, shared = false): Float64Array {
  const { k } = p;
  const out = new Float64Array(k * (k - 1) + k + (shared ? 1 : k));
  for (let i = 0; i < k - 1; i++) for (let j = 0; j < k; j++) out[i * k + j] = p.transition[i * k + j];
  out.set(p.means, k * (k - 1));
  if (shared) out[k * (k - 1) + k] = p.variances[0];
  else out.set(p.variances, k * (k - 1) + k);
  return out;
}

/** @throws QuadrantError `bad-argument` naming the first parameter that is not a valid probability or variance. */
export function checkParams(p: MarkovParams): void {
  const { k } = p;
  if (!Number.isInteger(k) || k < 2) throw badArgument(`a Markov-switching model needs k ≥ 2 states, got ${k}`);
  if (p.transition.length !== k * k || p.means.length !== k || p.variances.length !== k) throw badArgument(`Markov-switching parameters do not match k = ${k}`);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const v = p.transition[i * k + j];
      if (!(v >= 0 && v <= 1)) throw badArgument(`transition probability p[${j}->${i}] must be in [0, 1], got ${v}`);
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-8) throw badArgument(`transition probabilities out of state ${j} must sum to 1, got ${sum}`);
  }
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(p.means[i])) throw badArgument(`mean of state ${i} must be finite, got ${p.means[i]}`);
    if (!(p.variances[i] > 0) || !Number.isFinite(p.variances[i]))
      throw badArgument(`variance of state ${i} must be positive and finite, got ${p.variances[i]}`);
  }
}

/**
 * The stationary distribution π of the chain (`transition · π = π`, Σπ = 1), statsmodels'
 * "steady-state" initialisation: the linear system with the last balance equation replaced by
 * Σπ = 1, solved by Gaussian elimination with partial pivoting, then floored at 1e-20 as
 * statsmodels floors it for its log-space filter.
 */
export function steadyState(transition: Float64Array, k: number, out = new Float64Array(k)): Float64Array {
  // a is k × (k+1): rows 0..k−2 are (P − I) rows, row k−1 is all ones; last column the right side.
  const w = k + 1;
  const a = new Float64Array(k * w);
  for (let r = 0; r < k - 1; r++) {
    for (let c = 0; c < k; c++) a[r * w + c] = transition[r * k + c] - (r === c ? 1 : 0);
  }
  for (let c = 0; c < k; c++) a[(k - 1) * w + c] = 1;
  a[(k - 1) * w + k] = 1;
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r * w + col]) > Math.abs(a[pivot * w + col])) pivot = r;
    if (pivot !== col) for (let c = 0; c < w; c++) [a[col * w + c], a[pivot * w + c]] = [a[pivot * w + c], a[col * w + c]];
    const d = a[col * w + col];
    if (d === 0) {
      // A reducible chain: no unique stationary distribution; start from the uniform one.
      out.fill(1 / k);
      return out;
    }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r * w + col] / d;
      if (f !== 0) for (let c = col; c < w; c++) a[r * w + c] -= f * a[col * w + c];
    }
  }
  for (let i = 0; i < k; i++) out[i] = Math.max(a[i * w + k] / a[i * w + i], 1e-20);
  return out;
}
