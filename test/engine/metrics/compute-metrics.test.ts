import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeMetrics } from '../../../engine/metrics/index.ts';
import type { Metrics } from '../../../engine/metrics/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

// Hand example: six daily returns, T-bill 0.01 % a day, benchmark returns; NAV from 100.
const R = [0.02, -0.01, -0.01, 0.04, 0.005, -0.02];
const BENCH = [0.01, -0.005, 0.0, 0.02, 0.001, -0.01];
const navFrom = (rs: number[], start = 100) => {
  const nav = new Float64Array(rs.length + 1);
  nav[0] = start;
  for (let i = 0; i < rs.length; i++) nav[i + 1] = nav[i] * (1 + rs[i]);
  return nav;
};
const seqDays = (n: number) => Int32Array.from({ length: n }, (_, i) => 18000 + i);
const aligned = (xs: number[]) => Float64Array.from([NaN, ...xs]);

/** Daily returns on a 0.1 bp grid in [−5 %, 5 %], at least one loss of 1 bp or more (so Sortino is not round-off). */
const returnsArb = fc
  .array(fc.integer({ min: -5000, max: 5000 }), { minLength: 5, maxLength: 80 })
  .filter((ks) => ks.some((k) => k <= -10))
  .map((ks) => ks.map((k) => k / 1e5));
const closeRel = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('computeMetrics', () => {
  it('hand example matches a Python statistics-module computation', () => {
    // python3 (statistics.stdev/fmean/correlation/linear_regression, Excel SKEW/KURT forms,
    // naive drawdown): cagr 1.7066592444706297, vol 0.35644073841243235, sharpe 2.8750922371118506,
    // sortino 6.412863082930674, mdd 0.02, calmar 85.33296222353141, skew 0.7998108506488129,
    // kurt −0.37530223345399705, beta 2.037142857142857, corr 0.9799587972930146.
    const m = computeMetrics({
      nav: navFrom(R),
      days: seqDays(7),
      riskFree: aligned(new Array(6).fill(0.0001)),
      benchmark: aligned(BENCH),
      turnover: 3,
      costs: 0.001,
    });
    expect(m.cagr).toBeCloseTo(1.7066592444706297, 12);
    expect(m.volatility).toBeCloseTo(0.35644073841243235, 14);
    expect(m.sharpe).toBeCloseTo(2.8750922371118506, 12);
    expect(m.sortino).toBeCloseTo(6.412863082930674, 12);
    expect(m.maxDrawdown).toBeCloseTo(0.02, 14);
    expect(m.calmar).toBeCloseTo(85.33296222353141, 9);
    expect(m.skew).toBeCloseTo(0.7998108506488129, 12);
    expect(m.kurtosis).toBeCloseTo(-0.37530223345399705, 12);
    expect(m.beta).toBeCloseTo(2.037142857142857, 12);
    expect(m.correlation).toBeCloseTo(0.9799587972930146, 13);
    // By hand: hits on days 1, 4, 5 → 3/6; 6 days = 6/252 years; turnover 3 / (6/252) = 126;
    // costs 0.001 / (6/252) = 0.042; the 2 % drawdown starts on day 5 and is still open.
    expect(m.hitRate).toBe(0.5);
    expect(m.days).toBe(6);
    expect(m.years).toBeCloseTo(6 / 252, 15);
    expect(m.turnover).toBeCloseTo(126, 10);
    expect(m.costDrag).toBeCloseTo(0.042, 14);
    expect(m).toMatchObject({ maxDrawdownStart: 18005, maxDrawdownTrough: 18006, maxDrawdownLengthDays: 1 });
    expect(m.maxDrawdownRecovery).toBeNaN();
  });

  it('CAGR of a constant-growth NAV is that growth compounded over 252 days', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.003, max: 0.003, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 3000 }),
        (g, start, n) => {
          const nav = Float64Array.from({ length: n }, (_, i) => start * (1 + g) ** i);
          const m = computeMetrics({ nav, days: seqDays(n) });
          expect(m.cagr).toBeCloseTo((1 + g) ** 252 - 1, 9);
          expect(m.days).toBe(n - 1);
          if (g > 0) expect(m.maxDrawdown).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('Sharpe, Sortino, CAGR and drawdown are invariant to scaling the NAV', () => {
    fc.assert(
      fc.property(returnsArb, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (rs, k) => {
        const nav = navFrom(rs);
        const scaled = nav.map((v) => v * k);
        const a = computeMetrics({ nav, days: seqDays(nav.length) });
        const b = computeMetrics({ nav: scaled, days: seqDays(nav.length) });
        for (const key of ['sharpe', 'sortino', 'cagr', 'maxDrawdown', 'volatility'] as const) {
          if (Number.isNaN(a[key])) expect(b[key]).toBeNaN();
          else closeRel(b[key], a[key], 1e-9);
        }
        expect(b.hitRate).toBe(a.hitRate);
      }),
    );
  });

  it('Sharpe is mean/sd of excess returns × √252 (naive reference, with a varying T-bill rate)', () => {
    fc.assert(
      fc.property(returnsArb, (rs) => {
        const rf = rs.map((_, i) => 0.0001 + 0.00005 * Math.sin(i));
        const m = computeMetrics({ nav: navFrom(rs), days: seqDays(rs.length + 1), riskFree: aligned(rf) });
        const ex = rs.map((r, i) => r - rf[i]);
        const mu = ex.reduce((a, b) => a + b, 0) / ex.length;
        const sd = Math.sqrt(ex.reduce((a, b) => a + (b - mu) ** 2, 0) / (ex.length - 1));
        const down = Math.sqrt(ex.reduce((a, b) => a + Math.min(b, 0) ** 2, 0) / ex.length);
        fc.pre(sd > 1e-9 && down > 1e-9);
        expect(m.sharpe).toBeCloseTo((mu / sd) * Math.sqrt(252), 6);
        expect(m.sortino).toBeCloseTo((mu / down) * Math.sqrt(252), 6);
      }),
    );
  });

  it('a benchmark that is 2 × the returns − 0.1 % gives beta ½ and correlation 1', () => {
    // r = (b + 0.001) / 2 exactly, so the OLS slope of r on b is ½.
    const m = computeMetrics({ nav: navFrom(R), days: seqDays(7), benchmark: aligned(R.map((r) => 2 * r - 0.001)) });
    expect(m.beta).toBeCloseTo(0.5, 12);
    expect(m.correlation).toBeCloseTo(1, 12);
  });

  it('a mask gives the metrics of the path compressed to the counted days', () => {
    fc.assert(
      fc.property(returnsArb, fc.array(fc.boolean(), { minLength: 81, maxLength: 81 }), (rs, bits) => {
        const nav = navFrom(rs);
        const mask = Uint8Array.from(nav, (_, i) => (bits[i] ? 1 : 0));
        const bench = aligned(rs.map((r, i) => 0.5 * r + 0.001 * Math.cos(i)));
        const kept = rs.filter((_, i) => mask[i + 1] === 1);
        fc.pre(kept.length >= 4 && new Set(kept).size >= 3);
        const masked = computeMetrics({ nav, days: seqDays(nav.length), mask, benchmark: bench });
        const compressed = computeMetrics({
          nav: navFrom(kept),
          days: seqDays(kept.length + 1),
          benchmark: aligned(Array.from(bench.subarray(1)).filter((_, i) => mask[i + 1] === 1)),
        });
        const keys: Array<keyof Metrics> = [
          'cagr',
          'volatility',
          'sharpe',
          'sortino',
          'maxDrawdown',
          'hitRate',
          'skew',
          'kurtosis',
          'beta',
          'correlation',
          'days',
          'years',
        ];
        for (const key of keys) {
          if (Number.isNaN(compressed[key])) expect(masked[key]).toBeNaN();
          else expect(masked[key]).toBeCloseTo(compressed[key], 6);
        }
      }),
    );
  });

  it('reports NaN where there is too little data', () => {
    const two = computeMetrics({ nav: Float64Array.of(100, 101), days: seqDays(2) });
    expect(two.days).toBe(1);
    expect(two.cagr).toBeCloseTo(1.01 ** 252 - 1, 12);
    expect(two.sharpe).toBeNaN();
    expect(two.volatility).toBeNaN();
    expect(two.skew).toBeNaN();
    expect(two.beta).toBeNaN(); // no benchmark
    expect(two.turnover).toBeNaN(); // not given
    const none = computeMetrics({ nav: navFrom(R), days: seqDays(7), mask: new Uint8Array(7) });
    expect(none.days).toBe(0);
    expect(none.years).toBe(0);
    for (const key of ['cagr', 'sharpe', 'maxDrawdown', 'hitRate', 'maxDrawdownLengthDays'] as const) expect(none[key]).toBeNaN();
  });

  it('rejects malformed input, naming the function', () => {
    const nav = navFrom(R);
    const days = seqDays(7);
    expect(() => computeMetrics({ nav: Float64Array.of(1), days: Int32Array.of(1) })).toThrow(/computeMetrics needs at least 2 NAVs/);
    expect(() => computeMetrics({ nav, days: seqDays(6) })).toThrow(/computeMetrics needs days as long as nav/);
    expect(() => computeMetrics({ nav: Float64Array.of(1, 0), days: seqDays(2) })).toThrow(/computeMetrics: nav\[1\] is 0/);
    expect(() => computeMetrics({ nav, days: Int32Array.of(1, 2, 3, 3, 4, 5, 6) })).toThrow(/days must increase/);
    expect(() => computeMetrics({ nav, days, benchmark: aligned([0, 0, NaN, 0, 0, 0]) })).toThrow(/benchmark\[3\] is NaN/);
    expect(() => computeMetrics({ nav, days, turnover: -1 })).toThrow(QuadrantError);
    // A NaN benchmark on a day that does not count is ignored.
    const mask = Uint8Array.of(0, 1, 1, 0, 1, 1, 1);
    expect(computeMetrics({ nav, days, mask, benchmark: aligned([0, 0, NaN, 0, 0, 0]) }).days).toBe(5);
  });
});
