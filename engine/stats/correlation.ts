import { badArgument } from './bad-argument.ts';
import { mean } from './mean.ts';

/**
 * Pearson correlation, `r = Σ (xᵢ − x̄)(yᵢ − ȳ) / √(Σ (xᵢ − x̄)² Σ (yᵢ − ȳ)²)`, two-pass.
 * Dimensionless, in [−1, 1] (clamped against rounding). NaN when either series is constant.
 *
 * @throws QuadrantError `bad-argument` when the lengths differ or there are fewer than 2 pairs.
 * @example
 * correlation([1, 2, 3, 4], [2, 4, 6, 9]); // ≈ 0.9943767126843689
 */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw badArgument(`correlation needs equal lengths, got ${n} and ${y.length}`);
  if (n < 2) throw badArgument(`correlation needs at least 2 pairs, got ${n}`);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
