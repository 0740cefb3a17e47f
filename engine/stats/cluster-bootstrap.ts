import { makeRng } from '../random.ts';
import { badArgument } from './bad-argument.ts';
import { quantileSorted } from './quantile.ts';

/** Options of {@link clusterBootstrap}. */
export interface ClusterBootstrapOptions {
  /** Number of resamples, an integer ≥ 1. */
  reps: number;
  /** Seed of the generator; the same seed gives the same interval. */
  seed: number;
  /** Confidence level of the two-sided percentile interval, in (0, 1); default 0.95. */
  level?: number;
  /**
   * Stratum of each cluster (e.g. the group a contrast compares): clusters are drawn within
   * their stratum, as many as it holds, so every replicate keeps each group. Default: one stratum.
   */
  strata?: Int32Array;
}

/** Result of {@link clusterBootstrap}. */
export interface ClusterBootstrapResult {
  estimate: number;
  lower: number;
  upper: number;
  /** Sample standard deviation of the replicates. */
  standardError: number;
  /** The replicates, sorted ascending. */
  replicates: Float64Array;
  /** Number of clusters resampled. */
  clusters: number;
  reps: number;
  seed: number;
  level: number;
}

/**
 * Cluster (block-of-episodes) bootstrap with a percentile interval (Davison & Hinkley 1997,
 * "Bootstrap methods and their application", §3.8, strategy 1 for clustered data): `x` is cut
 * into K clusters at `starts` (the index where each cluster begins, ascending, starting at 0);
 * each resample draws K clusters uniformly with replacement and concatenates them whole, so all
 * dependence inside a cluster (an episode) is kept and only episodes count as independent. A
 * resample's length varies with the clusters drawn. With `strata`, the draws are made within
 * each stratum (a stratified cluster bootstrap, Davison & Hinkley §3.8), so a contrast between
 * groups never loses a group in a replicate.
 *
 * `statistic` is called once on `x`, then `reps` times on a view of one reused buffer: it must
 * not keep its argument. Cost: O(reps · (n + cost of statistic)).
 *
 * @throws QuadrantError `bad-argument` for fewer than 2 clusters, starts that are not
 *   ascending from 0 inside x, bad options or a NaN replicate.
 * @example
 * clusterBootstrap(x, Int32Array.of(0, 40, 95), mean, { reps: 1000, seed: 7 }); // three episodes
 */
export function clusterBootstrap(
  x: Float64Array,
  starts: Int32Array,
  statistic: (sample: Float64Array) => number,
  options: ClusterBootstrapOptions,
): ClusterBootstrapResult {
  const n = x.length;
  const k = starts.length;
  const level = options.level ?? 0.95;
  const { reps, seed } = options;
  if (k < 2) throw badArgument(`clusterBootstrap needs at least 2 clusters, got ${k}`);
  if (starts[0] !== 0) throw badArgument(`clusterBootstrap needs the first cluster to start at 0, got ${starts[0]}`);
  for (let c = 1; c < k; c++) {
    if (!(starts[c] > starts[c - 1] && starts[c] < n))
      throw badArgument(`clusterBootstrap needs ascending cluster starts inside [0, ${n}); start ${c} is ${starts[c]}`);
  }
  if (!Number.isInteger(reps) || reps < 1) throw badArgument(`clusterBootstrap needs an integer reps ≥ 1, got ${reps}`);
  if (!(level > 0 && level < 1)) throw badArgument(`clusterBootstrap needs a level in (0, 1), got ${level}`);
  if (!Number.isSafeInteger(seed)) throw badArgument(`clusterBootstrap needs a safe integer seed, got ${seed}`);
  if (options.strata && options.strata.length !== k) throw badArgument(`clusterBootstrap needs one stratum per cluster (${k}), got ${options.strata.length}`);
  let longest = 0;
  for (let c = 0; c < k; c++) longest = Math.max(longest, (c + 1 < k ? starts[c + 1] : n) - starts[c]);
  // Clusters of each stratum, in order of first appearance.
  const byStratum = new Map<number, number[]>();
  for (let c = 0; c < k; c++) {
    const s = options.strata ? options.strata[c] : 0;
    const list = byStratum.get(s) ?? [];
    list.push(c);
    byStratum.set(s, list);
  }
  const groups = [...byStratum.values()];
  const buffer = new Float64Array(k * longest);
  const rng = makeRng(seed);
  const replicates = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    let len = 0;
    for (const list of groups) {
      for (let draw = 0; draw < list.length; draw++) {
        const c = list[Math.floor(rng() * list.length)];
        const end = c + 1 < k ? starts[c + 1] : n;
        for (let i = starts[c]; i < end; i++) buffer[len++] = x[i];
      }
    }
    const v = statistic(buffer.subarray(0, len));
    if (Number.isNaN(v)) throw badArgument(`clusterBootstrap: the statistic returned NaN on replicate ${r}`);
    replicates[r] = v;
  }
  replicates.sort();
  let mean = 0;
  for (let r = 0; r < reps; r++) mean += replicates[r];
  mean /= reps;
  let ss = 0;
  for (let r = 0; r < reps; r++) ss += (replicates[r] - mean) ** 2;
  const alpha = 1 - level;
  return {
    estimate: statistic(x),
    lower: quantileSorted(replicates, alpha / 2),
    upper: quantileSorted(replicates, 1 - alpha / 2),
    standardError: reps > 1 ? Math.sqrt(ss / (reps - 1)) : NaN,
    replicates,
    clusters: k,
    reps,
    seed,
    level,
  };
}
