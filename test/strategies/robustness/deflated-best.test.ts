import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../../../datasets/errors.ts';
import { deflatedBestOfRows as deflatedBest } from './from-rows.ts';
import { normals } from '../../engine/stats/simulate.ts';

// An independent implementation, written from the papers' formulas with its own normal
// distribution (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7; inverse by bisection).
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
function phiInverse(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (phi(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function moments(x: number[]): { mean: number; sd: number; skew: number; exKurt: number } {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const c = (k: number) => x.reduce((a, v) => a + (v - mean) ** k, 0) / n;
  const m2 = c(2);
  const g1 = c(3) / m2 ** 1.5;
  const g2 = c(4) / m2 ** 2 - 3;
  return {
    mean,
    sd: Math.sqrt((m2 * n) / (n - 1)),
    skew: (g1 * Math.sqrt(n * (n - 1))) / (n - 2),
    exKurt: (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)),
  };
}
function naiveDsr(rows: number[][], trials: number): { dsr: number; best: number; sr0: number; psr: number } {
  const srs = rows.map((r) => moments(r).mean / moments(r).sd);
  const best = srs.indexOf(Math.max(...srs));
  const mu = srs.reduce((a, b) => a + b, 0) / srs.length;
  const cross = srs.length > 1 ? srs.reduce((a, s) => a + (s - mu) ** 2, 0) / (srs.length - 1) : 0;
  // V no smaller than the skill-less sampling variance of one Sharpe estimate, 1/(T − 1).
  const V = Math.max(cross, 1 / (rows[0].length - 1));
  const g = 0.5772156649015329;
  const sr0 = trials === 1 ? 0 : Math.sqrt(V) * ((1 - g) * phiInverse(1 - 1 / trials) + g * phiInverse(1 - 1 / (trials * Math.E)));
  const { skew, exKurt } = moments(rows[best]);
  const sr = srs[best];
  const n = rows[best].length;
  const psrAgainst = (b: number) => phi(((sr - b) * Math.sqrt(n - 1)) / Math.sqrt(1 - skew * sr + ((exKurt + 3 - 1) / 4) * sr * sr));
  return { dsr: psrAgainst(sr0), best, sr0, psr: psrAgainst(0) };
}

const flat = (rows: number[][]) => Float64Array.from(rows.flat());

describe('deflatedBest', () => {
  // Three configurations over eight days; row 1 has the highest mean relative to its spread.
  const rows = [
    [0.01, -0.02, 0.015, 0.003, -0.004, 0.02, -0.01, 0.005],
    [0.012, 0.004, 0.009, -0.002, 0.011, 0.006, -0.003, 0.008],
    [-0.01, 0.02, -0.015, 0.01, 0.0, -0.005, 0.012, -0.002],
  ];

  it('matches an independent implementation of Bailey & López de Prado (2014)', () => {
    const d = deflatedBest(flat(rows), 3, 8)!;
    const want = naiveDsr(rows, 3);
    expect(d.config).toBe(want.best);
    expect(d.config).toBe(1);
    expect(d.expectedMaxSharpe).toBeCloseTo(want.sr0, 6);
    expect(d.probability).toBeCloseTo(want.dsr, 6);
    expect(d.psr).toBeCloseTo(want.psr, 6);
    expect(d.sharpe).toBeCloseTo(d.perPeriodSharpe * Math.sqrt(252), 12);
    expect(d.trials).toBe(3);
    expect(d.n).toBe(8);
  });

  it('one configuration: SR₀ = 0, so the DSR is the PSR', () => {
    const d = deflatedBest(flat([rows[1]]), 1, 8)!;
    expect(d.expectedMaxSharpe).toBe(0);
    expect(d.probability).toBe(d.psr);
  });

  it('rejects trials below the number of configurations; null without days or Sharpes', () => {
    expect(() => deflatedBest(flat(rows), 3, 8, 2)).toThrow(ConfigError);
    expect(deflatedBest(flat(rows.map((r) => r.slice(0, 3))), 3, 3)).toBeNull();
    expect(deflatedBest(new Float64Array(16), 2, 8)).toBeNull();
  });

  const matrix = fc
    .integer({ min: 2, max: 6 })
    .chain((k) => fc.array(fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 30, maxLength: 30 }), { minLength: k, maxLength: k }));

  it('property: the DSR falls (never rises) as the number of trials grows, and stays at or below the PSR', () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 500 }), (m, extra, more) => {
        const x = flat(m);
        const a = deflatedBest(x, m.length, 30, m.length + extra);
        const b = deflatedBest(x, m.length, 30, m.length + extra + more);
        if (!a || !b) return;
        expect(b.expectedMaxSharpe).toBeGreaterThanOrEqual(a.expectedMaxSharpe);
        expect(b.probability).toBeLessThanOrEqual(a.probability + 1e-15);
        expect(a.probability).toBeLessThanOrEqual(a.psr + 1e-15);
      }),
      { numRuns: 80 },
    );
  });

  it('property: the best configuration and its DSR do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const a = deflatedBest(flat(m), m.length, 30);
        const rev = [...m].reverse();
        const b = deflatedBest(flat(rev), m.length, 30);
        if (!a || !b) return;
        // The best Sharpe never depends on the order. Rows tied for best (e.g. two single-spike
        // rows, whose Sharpes are equal whatever the spike's size) go to the first listed, and
        // the DSR follows that row's skew and kurtosis: compare DSRs only when the same row wins.
        expect(b.sharpe).toBeCloseTo(a.sharpe, 9);
        if (JSON.stringify(m[a.config]) === JSON.stringify(rev[b.config])) expect(b.probability).toBeCloseTo(a.probability, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('floors the variance of trial Sharpes at the skill-less 1/(T − 1): near-identical configurations do not shrink the expected best', () => {
    // Ten copies of one return series plus tiny noise: their Sharpes differ by ~1e-4, so the
    // cross-trial variance is ~1e-8, far below 1/(T − 1) = 1/249.
    const T = 250;
    const base = normals(11, T).map((z) => 0.0004 + 0.01 * z);
    const m = Array.from({ length: 10 }, (_, j) => Array.from(base, (v, i) => v + 1e-6 * Math.sin(i * (j + 1))));
    const d = deflatedBest(flat(m), 10, T)!;
    expect(d.crossTrialVariance).toBeLessThan(1e-6);
    expect(d.nullVariance).toBeCloseTo(1 / 249, 15);
    expect(d.sharpeVariance).toBe(d.nullVariance);
    // SR₀ for N = 10 and V = 1/249, by hand: √(1/249)·(0.42278·Φ⁻¹(0.9) + 0.57722·Φ⁻¹(1 − 1/(10e)))
    // = 0.063372·(0.42278·1.281552 + 0.57722·1.789599) = 0.09980 (Φ⁻¹ from R's qnorm).
    expect(d.expectedMaxSharpe).toBeCloseTo(0.0998, 3);
    expect(d.probability).toBeCloseTo(naiveDsr(m, 10).dsr, 6);
  });

  it('brute-force Monte Carlo: the expected best Sharpe of N skill-less trials is SR₀, and DSR > 95% happens at most ~5% of the time', () => {
    // 300 experiments of N = 20 independent skill-less strategies over T = 250 normal days.
    const N = 20;
    const T = 250;
    const experiments = 300;
    let sumMax = 0;
    let rejections = 0;
    let sr0 = 0;
    for (let e = 0; e < experiments; e++) {
      const x = new Float64Array(N * T);
      for (let j = 0; j < N; j++) x.set(normals(1000 * e + j + 1, T), j * T);
      const d = deflatedBest(x, N, T)!;
      sumMax += d.perPeriodSharpe;
      sr0 = d.expectedMaxSharpe;
      if (d.probability > 0.95) rejections++;
    }
    // E[max of 20 N(0, 1/249)] = 1.867475·√(1/249) = 0.11835 (the exact expected maximum of 20
    // standard normals, Harter 1961 tables); the DSR's Gumbel approximation gives ≈ 0.1197, and
    // the simulated mean has a standard error of about 0.5·0.0634/√300 ≈ 0.002.
    expect(sumMax / experiments).toBeGreaterThan(0.1183 - 0.008);
    expect(sumMax / experiments).toBeLessThan(0.1183 + 0.008);
    expect(sr0).toBeCloseTo(0.1197, 2);
    // The size of the test at 5%: binomial(300, 0.05) exceeds 26 with probability < 0.1%.
    expect(rejections).toBeLessThanOrEqual(26);
  });
});
