import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { neweyWest } from '../../../engine/stats/index.ts';

/** Deterministic wavy series shared with the Python reference below. */
function wave(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = 0.001 + 0.01 * Math.sin(0.7 * t) + 0.005 * Math.cos(2.3 * t) + 0.002 * Math.sin(0.05 * t * t);
  return x;
}

/** Var(x̄) as the Bartlett-weighted double sum (1/n²) Σ_s Σ_t w(|s − t|) u_s u_t: a different route. */
function naiveSe(x: ArrayLike<number>, L: number): number {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] / n;
  let v = 0;
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      const k = Math.abs(s - t);
      if (k <= L) v += (1 - k / (L + 1)) * (x[s] - m) * (x[t] - m);
    }
  }
  return Math.sqrt(v / (n * n));
}

describe('neweyWest', () => {
  it('worked example by hand: x = 1, 2, 3, 4 with one lag', () => {
    // u = −1.5, −0.5, 0.5, 1.5; γ₀ = 5/4 = 1.25; γ₁ = (0.75 − 0.25 + 0.75)/4 = 0.3125;
    // S = 1.25 + 2·½·0.3125 = 1.5625; se = √(S/4) = 0.625; t = 2.5 / 0.625 = 4.
    const r = neweyWest(Float64Array.of(1, 2, 3, 4), 1);
    expect(r.mean).toBe(2.5);
    expect(r.se).toBeCloseTo(0.625, 15);
    expect(r.t).toBeCloseTo(4, 13);
    expect(r).toMatchObject({ lags: 1, n: 4 });
  });

  it('matches a Python fsum implementation on a 250-point series with the default lag (4)', () => {
    // python3 (math.fsum, lags −L..L): mean 0.0010711472469554432, se 0.0005805469076716112,
    // t 1.8450658039872674, L = ⌊4 (2.5)^{2/9}⌋ = 4.
    const r = neweyWest(wave(250));
    expect(r.lags).toBe(4);
    expect(r.mean).toBeCloseTo(0.0010711472469554432, 16);
    expect(r.se).toBeCloseTo(0.0005805469076716112, 15);
    expect(r.t).toBeCloseTo(1.8450658039872674, 10);
  });

  it('default lag follows ⌊4 (n/100)^{2/9}⌋ (values from python3)', () => {
    // python3: n → lag: 50 → 3, 100 → 4, 1000 → 6, 6000 → 9.
    for (const [n, L] of [[50, 3], [100, 4], [1000, 6], [6000, 9]]) expect(neweyWest(wave(n)).lags).toBe(L);
  });

  it('equals the O(n²) double-sum formula for any series and lag', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.nat(10),
        (xs, lag) => {
          const L = Math.min(lag, xs.length - 1);
          const r = neweyWest(Float64Array.from(xs), L);
          expect(r.se).toBeCloseTo(naiveSe(xs, L), 12);
        },
      ),
    );
  });

  it('with lag 0 is the i.i.d. standard error with the 1/n variance', () => {
    const x = wave(100);
    const m = x.reduce((a, b) => a + b, 0) / 100;
    const pop = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / 100);
    expect(neweyWest(x, 0).se).toBeCloseTo(pop / 10, 15);
  });

  it('rejects short, non-finite and bad-lag input, naming the function', () => {
    expect(() => neweyWest(Float64Array.of(1, 2))).toThrow(/neweyWest needs at least 3 observations/);
    expect(() => neweyWest(Float64Array.of(1, NaN, 2))).toThrow(/neweyWest: value at index 1 is NaN/);
    expect(() => neweyWest(Float64Array.of(1, 2, 3), 3)).toThrow(/integer lag in \[0, 2\]/);
  });
});
