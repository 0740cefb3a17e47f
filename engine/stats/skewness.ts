import { badArgument } from './bad-argument.ts';
import { mean } from './mean.ts';

/**
 * Sample skewness, the adjusted Fisher–Pearson coefficient
 * `G₁ = g₁ · √(n(n − 1)) / (n − 2)` with `g₁ = m₃ / m₂^{3/2}` and `mₖ = (1/n) Σ (xᵢ − x̄)ᵏ`
 * (Joanes & Gill 1998, "Comparing measures of sample skewness and kurtosis", type 2; what
 * Excel's SKEW, SAS and R's e1071 `type = 2` report). Dimensionless. 0 for a normal population.
 * NaN when every value is equal (m₂ = 0) or when `x` holds NaN.
 *
 * @throws QuadrantError `bad-argument` when `x` has fewer than 3 observations.
 * @example
 * skewness([1, 2, 3, 10]); // ≈ 1.7636326148038877
 */
export function skewness(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 3) throw badArgument(`skewness needs at least 3 observations, got ${n}`);
  const m = mean(x);
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
  }
  m2 /= n;
  m3 /= n;
  if (m2 === 0) return NaN;
  const g1 = m3 / (m2 * Math.sqrt(m2));
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}
