import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../../../datasets/errors.ts';
import { deflatedBest, rowSharpes } from '../../../strategies/robustness/index.ts';

// An independent implementation, written from the papers' formulas with its own normal
// distribution (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7; inverse by bisection).
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-z * z);
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
  const V = srs.length > 1 ? srs.reduce((a, s) => a + (s - mu) ** 2, 0) / (srs.length - 1) : 0;
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

  it('rowSharpes: mean / sample sd per row, NaN for a flat row', () => {
    const s = rowSharpes(flat([...rows, [0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001]]), 4, 8);
    rows.forEach((r, j) => expect(s[j]).toBeCloseTo(moments(r).mean / moments(r).sd, 12));
    expect(s[3]).toBeNaN();
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

  const matrix = fc.integer({ min: 2, max: 6 }).chain((k) =>
    fc.array(fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 30, maxLength: 30 }), { minLength: k, maxLength: k }),
  );

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
});
