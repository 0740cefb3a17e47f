import { badArgument } from './bad-argument.ts';
import { mean } from './mean.ts';

/**
 * Sample variance, `s² = Σ (xᵢ − x̄)² / (n − 1)`, by the corrected two-pass algorithm
 * (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance", eq. 1.7):
 * the second pass subtracts `(Σ (xᵢ − x̄))² / n`, which cancels the rounding error left in x̄.
 * Units: those of `x`, squared. NaN in `x` propagates.
 *
 * @throws QuadrantError `bad-argument` when `x` has fewer than 2 observations.
 * @example
 * variance([2, 4, 4, 4, 5, 5, 7, 9]); // 32 / 7 ≈ 4.571428571428571
 */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) throw badArgument(`variance needs at least 2 observations, got ${n}`);
  const m = mean(x);
  let ss = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    ss += d * d;
    s += d;
  }
  const v = (ss - (s * s) / n) / (n - 1);
  return v < 0 ? 0 : v;
}
