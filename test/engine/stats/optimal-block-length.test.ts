import { describe, it, expect } from 'vitest';
import { optimalBlockLength } from '../../../engine/stats/index.ts';
import { ar1, lcgAr1 } from './simulate.ts';

describe('optimalBlockLength (Politis–White 2004, Patton–Politis–White 2009)', () => {
  it('matches a Python transcription of the paper (explicit −M..M sums) on a fixed LCG AR(1) series', () => {
    // python3 /tmp/ref/pw.py-style script: n = 500, φ = 0.3 → 4.297144975306062 (m̂ = 2, M = 4);
    // φ = 0.6 → 8.878661616445134 (m̂ = 3, M = 6); φ = 0 → below 1, clamped to 1.
    expect(optimalBlockLength(lcgAr1(500, 0.3))).toBeCloseTo(4.297144975306062, 9);
    expect(optimalBlockLength(lcgAr1(500, 0.6))).toBeCloseTo(8.878661616445134, 9);
    expect(optimalBlockLength(lcgAr1(500, 0))).toBe(1);
  });

  it('is near the AR(1) theoretical optimum (2φ/(1 − φ²))^{2/3} n^{1/3} for a long sample', () => {
    // AR(1) with R(k) = σ²φ^|k|/(1 − φ²): G = Σ|k|R(k) = 2σ²φ/((1 − φ²)(1 − φ)²) and
    // g = Σ R(k) = σ²/(1 − φ)², so G/g = 2φ/(1 − φ²) and b = (G/g)^{2/3} n^{1/3}.
    // φ = 0.5, n = 20,000: (4/3)^{2/3} · 20000^{1/3} ≈ 1.2114 · 27.144 ≈ 32.9.
    const theory = Math.pow((2 * 0.5) / (1 - 0.25), 2 / 3) * Math.cbrt(20_000);
    const b = optimalBlockLength(ar1(11, 20_000, 0.5));
    expect(b / theory).toBeGreaterThan(0.7);
    expect(b / theory).toBeLessThan(1.3);
  });

  it('grows with the persistence of the series', () => {
    const b2 = optimalBlockLength(ar1(5, 5000, 0.2));
    const b5 = optimalBlockLength(ar1(5, 5000, 0.5));
    const b8 = optimalBlockLength(ar1(5, 5000, 0.8));
    expect(b2).toBeLessThan(b5);
    expect(b5).toBeLessThan(b8);
  });

  it('stays within [1, ⌈min(3√n, n/3)⌉]', () => {
    // A near random walk (φ = 0.999) wants long blocks; n = 400 bounds them by ⌈min(60, 133.3)⌉ = 60
    // (this seed gives ≈ 33). A constant series has no dependence to keep: 1.
    const b = optimalBlockLength(ar1(3, 400, 0.999));
    expect(b).toBeLessThanOrEqual(60);
    expect(b).toBeGreaterThan(10);
    expect(optimalBlockLength(new Float64Array(50).fill(0.01))).toBe(1);
  });

  it('rejects short or non-finite input, naming the function', () => {
    expect(() => optimalBlockLength(new Float64Array(5))).toThrow(/optimalBlockLength needs at least 8 observations/);
    const x = lcgAr1(20, 0.3);
    x[4] = Infinity;
    expect(() => optimalBlockLength(x)).toThrow(/optimalBlockLength: value at index 4 is Infinity/);
  });
});
