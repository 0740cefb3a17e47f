import { variance } from './variance.ts';

/**
 * Sample standard deviation, `s = √(Σ (xᵢ − x̄)² / (n − 1))`, the square root of
 * {@link variance}. Units: those of `x`.
 *
 * @throws QuadrantError `bad-argument` when `x` has fewer than 2 observations.
 * @example
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // √(32/7) ≈ 2.138089935299395
 */
export function standardDeviation(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}
