import { blockShuffleLabels, type ShuffleBlocks } from '../block-shuffle.ts';

/** The block-permutation test of a playbook against its own random-regime control. */
export interface PermutationSummary {
  /** p = (1 + #{permuted ≥ actual}) / (N + 1). */
  pValue: number;
  permutations: number;
  /** What is compared (for reports). */
  statistic: string;
  /** The statistic on the real labels. */
  actual: number;
  /** Permutations whose statistic is ≥ actual (a NaN counts as ≥: the test stays conservative). */
  atLeast: number;
  /** Mean and 5th / 50th / 95th percentiles (nearest rank) of the permuted statistics. */
  nullMean: number;
  nullP05: number;
  nullMedian: number;
  nullP95: number;
  /** Permutation i shuffles with seed `seed + i`. */
  seed: number;
  /**
   * Each permutation's statistic in permutation order (entry i: seed + i), rounded to 4
   * decimals so that JSON stays compact; NaN where the statistic is undefined. The p-value
   * and percentiles above use the unrounded values.
   */
  distribution: number[];
  /** The blocks the shuffle moves: the label's episodes from its first label on (set by the caller that has the labels). */
  blocks?: ShuffleBlocks;
}

/**
 * N label sets shuffled in blocks (blockShuffleLabels: same episodes and dwell, random order),
 * set i with seed `seed + i` (makeRng mixes the seed, so neighbouring seeds are unrelated).
 *
 * @throws ConfigError naming `seed` when seed + N − 1 is not a safe integer.
 */
export function shuffledLabelSets(labels: Uint8Array, count: number, seed: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => blockShuffleLabels(labels, seed + i));
}

/**
 * The one-sided permutation p-value of `actual` against `permuted` (Phipson & Smyth 2010,
 * "Permutation p-values should never be zero"): p = (1 + #{pᵢ ≥ actual}) / (N + 1), so p ≥
 * 1/(N + 1) and the test is exact at that resolution under the null that timing carries no
 * information.
 *
 * @returns null when there are no permutations or `actual` is not finite.
 */
export function permutationTest(actual: number, permuted: ArrayLike<number>, seed: number, statistic: string): PermutationSummary | null {
  const N = permuted.length;
  if (N === 0 || !Number.isFinite(actual)) return null;
  let atLeast = 0;
  let sum = 0;
  const finite: number[] = [];
  for (let i = 0; i < N; i++) {
    const x = permuted[i];
    if (!(x < actual)) atLeast++;
    if (Number.isFinite(x)) {
      sum += x;
      finite.push(x);
    }
  }
  finite.sort((a, b) => a - b);
  const rank = (p: number) => (finite.length ? finite[Math.min(finite.length - 1, Math.max(0, Math.ceil(p * finite.length) - 1))] : NaN);
  return {
    pValue: (1 + atLeast) / (N + 1),
    permutations: N,
    statistic,
    actual,
    atLeast,
    nullMean: finite.length ? sum / finite.length : NaN,
    nullP05: rank(0.05),
    nullMedian: rank(0.5),
    nullP95: rank(0.95),
    seed,
    distribution: Array.from(permuted, (x) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : NaN)),
  };
}
