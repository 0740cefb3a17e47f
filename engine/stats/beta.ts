import { badArgument } from './bad-argument.ts';
import { mean } from './mean.ts';

/**
 * Beta of `y` on `x`: the least-squares slope `cov(x, y) / var(x)
 * = Σ (xᵢ − x̄)(yᵢ − ȳ) / Σ (xᵢ − x̄)²` (CAPM beta when y is an asset's returns and x the
 * market's). Units: units of y per unit of x. NaN when `x` is constant.
 *
 * @param y the dependent series, e.g. strategy returns.
 * @param x the regressor, e.g. benchmark returns.
 * @throws QuadrantError `bad-argument` when the lengths differ or there are fewer than 2 pairs.
 * @example
 * beta([2, 4, 6, 9], [1, 2, 3, 4]); // 2.3
 */
export function beta(y: ArrayLike<number>, x: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw badArgument(`beta needs equal lengths, got ${y.length} and ${n}`);
  if (n < 2) throw badArgument(`beta needs at least 2 pairs, got ${n}`);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    sxy += dx * (y[i] - my);
    sxx += dx * dx;
  }
  return sxx === 0 ? NaN : sxy / sxx;
}
