import { badArgument } from './bad-argument.ts';
import { mean } from './mean.ts';

/**
 * Sample covariance, `Σ (xᵢ − x̄)(yᵢ − ȳ) / (n − 1)`, two-pass with the means of
 * {@link mean}. Units: units of x times units of y. NaN propagates.
 *
 * @throws QuadrantError `bad-argument` when the lengths differ or there are fewer than 2 pairs.
 * @example
 * covariance([1, 2, 3, 4], [2, 4, 6, 9]); // 23 / 6 ≈ 3.8333333333333335
 */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw badArgument(`covariance needs equal lengths, got ${n} and ${y.length}`);
  if (n < 2) throw badArgument(`covariance needs at least 2 pairs, got ${n}`);
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (n - 1);
}
