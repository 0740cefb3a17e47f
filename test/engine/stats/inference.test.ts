import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { neweyWest, optimalBlockLength, stationaryBootstrap, mean, standardDeviation, normalInverseCdf } from '../../../engine/stats/index.ts';
import { ar1, lcgAr1, normals } from './simulate.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

// ---- newey-west ----

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
    for (const [n, L] of [
      [50, 3],
      [100, 4],
      [1000, 6],
      [6000, 9],
    ])
      expect(neweyWest(wave(n)).lags).toBe(L);
  });

  it('equals the O(n²) double-sum formula for any series and lag', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }), fc.nat(10), (xs, lag) => {
        const L = Math.min(lag, xs.length - 1);
        const r = neweyWest(Float64Array.from(xs), L);
        expect(r.se).toBeCloseTo(naiveSe(xs, L), 12);
      }),
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

// ---- optimal-block-length ----

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
    const theory = ((2 * 0.5) / (1 - 0.25)) ** (2 / 3) * Math.cbrt(20_000);
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

// ---- stationary-bootstrap ----

const width = (r: { lower: number; upper: number }) => r.upper - r.lower;

describe('stationaryBootstrap', () => {
  it('with block length 1 on i.i.d. data gives the textbook interval x̄ ± 1.96·s/√n (within 10 %)', () => {
    // i.i.d. resampling of the mean: replicate sd ≈ s·√((n−1)/n)/√n; 95 % width ≈ 2·1.96·that.
    const x = normals(1, 1000);
    const r = stationaryBootstrap(x, mean, { reps: 2000, seed: 2, blockLength: 1 });
    const expected = (2 * normalInverseCdf(0.975) * standardDeviation(x)) / Math.sqrt(1000);
    expect(width(r) / expected).toBeGreaterThan(0.9);
    expect(width(r) / expected).toBeLessThan(1.1);
    expect(r.estimate).toBe(mean(x));
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    expect((r.standardError * Math.sqrt(1000)) / standardDeviation(x)).toBeCloseTo(1, 1);
  });

  it('widens for autocorrelated data as theory says: AR(1) φ = 0.5 long-run sd is √3 × the i.i.d. sd', () => {
    // Long-run variance of AR(1) = σ²/(1 − φ)², marginal variance σ²/(1 − φ²): ratio of sds
    // √((1 + φ)/(1 − φ)) = √3 ≈ 1.732. The automatic block length should recover most of it.
    const x = ar1(4, 6000, 0.5);
    const blocky = stationaryBootstrap(x, mean, { reps: 600, seed: 5 });
    const iid = stationaryBootstrap(x, mean, { reps: 600, seed: 5, blockLength: 1 });
    const ratio = width(blocky) / width(iid);
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.0);
    expect(blocky.blockLength).toBeGreaterThan(5);
  });

  it('interval widens as the sample shrinks (fixed seed, fixed generating process)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const x = normals(seed, 1600);
        const big = stationaryBootstrap(x, mean, { reps: 200, seed, blockLength: 3 });
        const small = stationaryBootstrap(x.subarray(0, 100), mean, { reps: 200, seed, blockLength: 3 });
        // Expected ratio √(1600/100) = 4; sampling noise in s keeps it well above 2.
        expect(width(small)).toBeGreaterThan(2 * width(big));
      }),
      { numRuns: 15 },
    );
  });

  it('is deterministic for a seed and changes with it', () => {
    const x = normals(8, 300);
    const a = stationaryBootstrap(x, mean, { reps: 100, seed: 1 });
    const b = stationaryBootstrap(x, mean, { reps: 100, seed: 1 });
    const c = stationaryBootstrap(x, mean, { reps: 100, seed: 2 });
    expect(b).toEqual(a);
    expect(c.lower).not.toBe(a.lower);
    expect(a).toMatchObject({ reps: 100, seed: 1, level: 0.95 });
  });

  it('a higher level gives a wider interval; a constant series gives a point', () => {
    const x = normals(9, 400);
    const r90 = stationaryBootstrap(x, mean, { reps: 500, seed: 3, level: 0.9 });
    const r99 = stationaryBootstrap(x, mean, { reps: 500, seed: 3, level: 0.99 });
    expect(width(r99)).toBeGreaterThan(width(r90));
    const flat = stationaryBootstrap(new Float64Array(30).fill(0.002), mean, { reps: 50, seed: 1, blockLength: 4 });
    expect([flat.lower, flat.estimate, flat.upper]).toEqual([0.002, 0.002, 0.002]);
  });

  it('resamples are permutations of blocks of the input: the max of a resample never exceeds the max of x', () => {
    const x = normals(10, 200);
    let top = -Infinity;
    for (const v of x) top = Math.max(top, v);
    const r = stationaryBootstrap(x, (s) => s.reduce((a, b) => Math.max(a, b), -Infinity), { reps: 50, seed: 4, blockLength: 10 });
    expect(r.upper).toBeLessThanOrEqual(top);
  });

  it('throws on NaN input naming the function, and on bad options', () => {
    const x = normals(1, 50);
    x[7] = NaN;
    expect(() => stationaryBootstrap(x, mean, { reps: 10, seed: 1 })).toThrow(QuadrantError);
    expect(() => stationaryBootstrap(x, mean, { reps: 10, seed: 1 })).toThrow(/stationaryBootstrap needs finite input; value at index 7 is NaN/);
    const y = normals(1, 50);
    expect(() => stationaryBootstrap(y, mean, { reps: 0, seed: 1 })).toThrow(/reps ≥ 1/);
    expect(() => stationaryBootstrap(y, mean, { reps: 10, seed: 1, level: 1 })).toThrow(/level in \(0, 1\)/);
    expect(() => stationaryBootstrap(y, mean, { reps: 10, seed: 1, blockLength: 0.5 })).toThrow(/blockLength in \[1, 50\]/);
    expect(() => stationaryBootstrap(y, () => NaN, { reps: 10, seed: 1 })).toThrow(/statistic returned NaN/);
  });
});
