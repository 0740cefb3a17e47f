import { makeRng } from '../random.ts';
import { badArgument } from './bad-argument.ts';
import { optimalBlockLength } from './optimal-block-length.ts';
import { quantileSorted } from './quantile.ts';

/** Options of {@link stationaryBootstrap}. */
export interface StationaryBootstrapOptions {
  /** Number of bootstrap resamples, an integer ≥ 1 (1,000 to 10,000 is usual). */
  reps: number;
  /** Seed of the {@link makeRng} generator; the same seed gives the same interval. */
  seed: number;
  /** Expected block length in observations, in [1, n]; default {@link optimalBlockLength}. */
  blockLength?: number;
  /** Confidence level of the two-sided percentile interval, in (0, 1); default 0.95. */
  level?: number;
}

/** Result of {@link stationaryBootstrap}. */
export interface StationaryBootstrapResult {
  /** The statistic on the original sample. */
  estimate: number;
  /** Lower percentile bound: the (1 − level)/2 type-7 quantile of the replicates. */
  lower: number;
  /** Upper percentile bound: the (1 + level)/2 type-7 quantile of the replicates. */
  upper: number;
  /** Bootstrap standard error: the sample standard deviation of the replicates. */
  standardError: number;
  /** The replicates, sorted ascending (for bootstrap p-values). */
  replicates: Float64Array;
  /** Expected block length used, in observations. */
  blockLength: number;
  reps: number;
  seed: number;
  level: number;
}

/**
 * Stationary bootstrap (Politis & Romano 1994, "The stationary bootstrap", JASA 89(428)) with a
 * percentile confidence interval. Each resample of length n is built from blocks that start at
 * a uniform random index and have geometric lengths with mean `blockLength` (success
 * probability p = 1 / blockLength), wrapping around the end of the series; this keeps the
 * serial dependence of daily returns that an i.i.d. bootstrap would destroy. When
 * `blockLength` is not given it comes from {@link optimalBlockLength} (Politis & White 2004
 * with the Patton, Politis & White 2009 correction).
 *
 * `statistic` is called once on `x` itself and then `reps` times on ONE reused buffer: it must
 * not mutate its argument or keep a reference to it. Replicates must not be NaN.
 * Cost: O(reps · (n + cost of statistic)).
 *
 * @throws QuadrantError `bad-argument` when `x` has fewer than 8 values or holds NaN/±Infinity,
 *   when an option is out of range, or when the statistic returns NaN.
 * @example
 * const r = stationaryBootstrap(excess, mean, { reps: 2000, seed: 7 });
 * // r.lower < r.estimate < r.upper, identical on every run with seed 7
 */
export function stationaryBootstrap(
  x: Float64Array,
  statistic: (sample: Float64Array) => number,
  options: StationaryBootstrapOptions,
): StationaryBootstrapResult {
  const plan = resamplingPlan(x, options, 'stationaryBootstrap');
  const n = x.length;
  const sample = new Float64Array(n);
  return summarise(statistic(x), plan, (r) => {
    let i = 0;
    while (i < n) {
      let j = plan.blockStart();
      const end = i + plan.blockLength(n - i);
      while (i < end) {
        sample[i++] = x[j++];
        if (j === n) j = 0;
      }
    }
    const value = statistic(sample);
    if (Number.isNaN(value)) throw badArgument(`stationaryBootstrap: the statistic returned NaN on replicate ${r}`);
    return value;
  });
}

/**
 * {@link stationaryBootstrap} of `scale × mean(x)`, with the same draws (so the same interval
 * up to rounding) in O(blocks) per resample instead of O(n): each block's sum comes from prefix
 * sums. For the per-regime tables and claims, which bootstrap many means.
 *
 * @throws QuadrantError `bad-argument` as stationaryBootstrap.
 * @example
 * stationaryBootstrapMean(returns, { reps: 1000, seed: 7 }, 252); // annualised mean and its interval
 */
export function stationaryBootstrapMean(x: Float64Array, options: StationaryBootstrapOptions, scale = 1): StationaryBootstrapResult {
  const plan = resamplingPlan(x, options, 'stationaryBootstrapMean');
  const n = x.length;
  // prefix[k] = x[0] + … + x[k−1]; a wrapped block is two pieces.
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + x[k];
  const k = scale / n;
  return summarise(prefix[n] * k, plan, () => {
    let i = 0;
    let total = 0;
    while (i < n) {
      const j = plan.blockStart();
      const len = plan.blockLength(n - i);
      total += j + len <= n ? prefix[j + len] - prefix[j] : prefix[n] - prefix[j] + prefix[j + len - n];
      i += len;
    }
    return total * k;
  });
}

/**
 * {@link stationaryBootstrap} of a statistic that depends on the resample only through column
 * sums: `reduce(totals)` where `totals[c] = Σ columns[c][i]` over the resampled positions i (for
 * example per-group sums, sums of squares and counts, from which group means and variances
 * follow). Same draws as stationaryBootstrap with the same seed and block length, so the same
 * interval up to rounding, in O(blocks · columns) per resample instead of O(n · columns): each
 * block's sums come from prefix sums. `reduce` must not keep `totals`.
 *
 * @throws QuadrantError `bad-argument` as stationaryBootstrap, or when the columns' lengths differ.
 * @example
 * // mean of x: columns [x], reduce t => t[0] / n
 * stationaryBootstrapSums([x], (t) => t[0] / x.length, { reps: 1000, seed: 7 });
 */
export function stationaryBootstrapSums(
  columns: readonly Float64Array[],
  reduce: (totals: Float64Array) => number,
  options: StationaryBootstrapOptions & { blockLength: number },
): StationaryBootstrapResult {
  const k = columns.length;
  if (k === 0) throw badArgument('stationaryBootstrapSums needs at least one column');
  const n = columns[0].length;
  for (let c = 1; c < k; c++)
    if (columns[c].length !== n) throw badArgument(`stationaryBootstrapSums: column ${c} has ${columns[c].length} values, column 0 ${n}`);
  const plan = resamplingPlan(columns[0], options, 'stationaryBootstrapSums');
  // prefix[c·(n+1) + i] = Σ_{j<i} columns[c][j].
  const prefix = new Float64Array(k * (n + 1));
  const totals = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const col = columns[c];
    const o = c * (n + 1);
    for (let i = 0; i < n; i++) prefix[o + i + 1] = prefix[o + i] + col[i];
    totals[c] = prefix[o + n];
  }
  const estimate = reduce(totals);
  return summarise(estimate, plan, (r) => {
    totals.fill(0);
    let i = 0;
    while (i < n) {
      const j = plan.blockStart();
      const len = plan.blockLength(n - i);
      for (let c = 0; c < k; c++) {
        const o = c * (n + 1);
        totals[c] += j + len <= n ? prefix[o + j + len] - prefix[o + j] : prefix[o + n] - prefix[o + j] + prefix[o + j + len - n];
      }
      i += len;
    }
    const value = reduce(totals);
    if (Number.isNaN(value)) throw badArgument(`stationaryBootstrapSums: the statistic returned NaN on replicate ${r}`);
    return value;
  });
}

interface ResamplingPlan {
  reps: number;
  seed: number;
  level: number;
  expectedBlockLength: number;
  /** A uniform random start index in [0, n). */
  blockStart: () => number;
  /** A geometric block length with the expected mean, at most `room`. */
  blockLength: (room: number) => number;
}

/** Checks the input and options, and sets up the seeded block draws both bootstraps share. */
function resamplingPlan(x: Float64Array, options: StationaryBootstrapOptions, name: string): ResamplingPlan {
  const n = x.length;
  if (n < 8) throw badArgument(`${name} needs at least 8 observations, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw badArgument(`${name} needs finite input; value at index ${i} is ${x[i]}`);
  }
  const { reps, seed } = options;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(reps) || reps < 1) throw badArgument(`${name} needs an integer reps ≥ 1, got ${reps}`);
  if (!(level > 0 && level < 1)) throw badArgument(`${name} needs a level in (0, 1), got ${level}`);
  if (!Number.isSafeInteger(seed)) throw badArgument(`${name} needs a safe integer seed, got ${seed}`);
  const blockLength = options.blockLength ?? optimalBlockLength(x);
  if (!(blockLength >= 1 && blockLength <= n)) throw badArgument(`${name} needs a blockLength in [1, ${n}], got ${blockLength}`);
  const rng = makeRng(seed);
  // Geometric length on {1, 2, …}: 1 + ⌊ln U / ln(1 − p)⌋, U uniform on (0, 1], p = 1 / blockLength.
  // For p = 1 the factor is −0 and every block has length 1.
  const invLogQ = 1 / Math.log(1 - 1 / blockLength);
  return {
    reps,
    seed,
    level,
    expectedBlockLength: blockLength,
    blockStart: () => Math.floor(rng() * n),
    blockLength: (room) => Math.min(room, 1 + Math.floor(Math.log(1 - rng()) * invLogQ)),
  };
}

/** Draws the replicates and reduces them to the percentile interval and standard error. */
function summarise(estimate: number, plan: ResamplingPlan, replicate: (r: number) => number): StationaryBootstrapResult {
  const { reps, level } = plan;
  const replicates = new Float64Array(reps);
  for (let r = 0; r < reps; r++) replicates[r] = replicate(r);
  replicates.sort();
  const alpha = 1 - level;
  let mean = 0;
  for (let r = 0; r < reps; r++) mean += replicates[r];
  mean /= reps;
  let ss = 0;
  for (let r = 0; r < reps; r++) ss += (replicates[r] - mean) * (replicates[r] - mean);
  return {
    estimate,
    lower: quantileSorted(replicates, alpha / 2),
    upper: quantileSorted(replicates, 1 - alpha / 2),
    standardError: reps > 1 ? Math.sqrt(ss / (reps - 1)) : NaN,
    replicates,
    blockLength: plan.expectedBlockLength,
    reps,
    seed: plan.seed,
    level,
  };
}
