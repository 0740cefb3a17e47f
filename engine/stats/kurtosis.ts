import { badArgument } from './bad-argument.ts';
import { mean } from './mean.ts';

/**
 * Sample excess kurtosis,
 * `G₂ = ((n + 1) g₂ + 6) (n − 1) / ((n − 2)(n − 3))` with `g₂ = m₄ / m₂² − 3` and
 * `mₖ = (1/n) Σ (xᵢ − x̄)ᵏ` (Joanes & Gill 1998, type 2; Excel's KURT). Dimensionless and
 * EXCESS: 0 for a normal population, so add 3 for the raw fourth standardised moment γ₄.
 * NaN when every value is equal (m₂ = 0) or when `x` holds NaN.
 *
 * @throws QuadrantError `bad-argument` when `x` has fewer than 4 observations.
 * @example
 * kurtosis([1, 2, 3, 10]); // ≈ 3.228
 */
export function kurtosis(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 4) throw badArgument(`kurtosis needs at least 4 observations, got ${n}`);
  const m = mean(x);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  if (m2 === 0) return NaN;
  const g2 = m4 / (m2 * m2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
