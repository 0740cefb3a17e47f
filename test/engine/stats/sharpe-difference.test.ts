import { describe, it, expect } from 'vitest';
import { sharpeDifference } from '../../../engine/stats/sharpe-difference.ts';
import { lcgAr1, normals } from './simulate.ts';

// The same two series as the Python reference: a = 0.004 + 0.05·x₁, b = 0.001 + 0.05·(0.6 x₁ + 0.8 x₂),
// x₁ = lcgAr1(600, 0.2, seed 12345), x₂ = lcgAr1(600, 0.1, seed 999).
function pair(): [Float64Array, Float64Array] {
  const x1 = lcgAr1(600, 0.2, 12345);
  const x2 = lcgAr1(600, 0.1, 999);
  return [x1.map((v) => 0.004 + 0.05 * v), x1.map((v, t) => 0.001 + 0.05 * (0.6 * v + 0.8 * x2[t]))];
}

describe('sharpeDifference (Ledoit–Wolf 2008 HAC, Bartlett kernel)', () => {
  it('matches a numpy transcription with the explicit 4 × 4 HAC matrix Ψ and gradient', () => {
    // python3 test/engine/stats/reference/sharpe_difference.py (numpy; u = (a, b, a², b²), Ψ = Γ₀ + Σ (1 − j/(L+1))(Γⱼ + Γⱼ′),
    // se = √(∇f′Ψ∇f / n)), printing lag, Δ, se, z:
    //   0  0.187600501514039 0.037167620795308  5.04741755053962
    //   5  0.187600501514039 0.0382011058231219 4.91086573207235   (5 = ⌊4 (600/100)^{2/9}⌋)
    //   10 0.187600501514039 0.0393254514409516 4.77046021444223
    const [a, b] = pair();
    const d0 = sharpeDifference(a, b, 0);
    expect(d0.difference).toBeCloseTo(0.187600501514039, 12);
    expect(d0.se).toBeCloseTo(0.037167620795308, 12);
    const d = sharpeDifference(a, b);
    expect(d.lags).toBe(5);
    expect(d.se).toBeCloseTo(0.0382011058231219, 12);
    expect(d.z).toBeCloseTo(4.91086573207235, 9);
    expect(sharpeDifference(a, b, 10).se).toBeCloseTo(0.0393254514409516, 12);
  });

  it("agrees with Jobson–Korkie/Memmel's closed form on normal i.i.d. returns (lag 0), computed by hand", () => {
    // Memmel (2003): Var(Δ) = (1/T)·[2(1 − ρ) + ½(SRa² + SRb² − 2 SRa SRb ρ²)] for normal returns;
    // the delta method's moment estimate converges to it, so on 40,000 draws they agree to ~2%.
    const T = 40_000;
    const z1 = normals(5, T);
    const z2 = normals(6, T);
    const rho = 0.6;
    const a = z1.map((z) => 0.05 + z);
    const b = z1.map((z, t) => 0.02 + rho * z + Math.sqrt(1 - rho * rho) * z2[t]);
    const d = sharpeDifference(a, b, 0);
    const memmel = Math.sqrt((2 * (1 - rho) + 0.5 * (0.05 ** 2 + 0.02 ** 2 - 2 * 0.05 * 0.02 * rho * rho)) / T);
    expect(d.se / memmel).toBeGreaterThan(0.98);
    expect(d.se / memmel).toBeLessThan(1.02);
  });

  it('is antisymmetric, zero for identical series, and p is two-sided', () => {
    const [a, b] = pair();
    const ab = sharpeDifference(a, b);
    const ba = sharpeDifference(b, a);
    expect(ba.difference).toBeCloseTo(-ab.difference, 14);
    expect(ba.se).toBeCloseTo(ab.se, 14);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
    const same = sharpeDifference(a, a);
    expect(same.difference).toBe(0);
    expect(same.pValue).toBe(1);
  });

  it('rejects mismatched, short or constant input', () => {
    expect(() => sharpeDifference(new Float64Array(10), new Float64Array(9))).toThrow(/same length/);
    expect(() => sharpeDifference(new Float64Array(5), new Float64Array(5))).toThrow(/at least 8/);
    expect(() => sharpeDifference(new Float64Array(10).fill(1), lcgAr1(10, 0))).toThrow(/constant/);
  });
});
