import { badArgument } from './bad-argument.ts';

/**
 * Sample quantile by linear interpolation between order statistics, Hyndman & Fan (1996)
 * "Sample quantiles in statistical packages" type 7 (R's default `quantile`, numpy's
 * `linear`): with the sorted values x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, `h = (n − 1) p`, the result is
 * `x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)`. Units: those of `x`. Copies and sorts: O(n log n).
 *
 * @param p probability in [0, 1].
 * @throws QuadrantError `bad-argument` when `x` is empty or holds NaN, or `p` is outside [0, 1].
 * @example
 * quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1); // 1.9, as R's quantile(1:10, 0.1)
 */
export function quantile(x: ArrayLike<number>, p: number): number {
  const n = x.length;
  if (n === 0) throw badArgument('quantile needs at least 1 observation, got 0');
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isNaN(v)) throw badArgument(`quantile: input holds NaN at index ${i}`);
    sorted[i] = v;
  }
  sorted.sort();
  return quantileSorted(sorted, p);
}

/**
 * {@link quantile} for values already sorted ascending (not checked), O(1); for hot callers
 * that take several quantiles of one sample.
 *
 * @throws QuadrantError `bad-argument` when `sorted` is empty or `p` is outside [0, 1].
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw badArgument('quantileSorted needs at least 1 observation, got 0');
  if (!(p >= 0 && p <= 1)) throw badArgument(`quantile needs a probability p in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  const a = sorted[lo];
  return frac === 0 ? a : a + frac * (sorted[lo + 1] - a);
}
