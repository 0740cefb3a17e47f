import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { meanInference, regimeStats } from '../../../engine/analysis/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

const calendarOf = (n: number) => Int32Array.from({ length: n }, (_, i) => 20000 + i);

/** Naive reference: filter with the previous label, two-pass variance, explicit drawdown walk. */
function naive(returns: number[], labels: number[], q: number, rf?: number[]) {
  const idx = returns.map((_, i) => i).filter((i) => i >= 1 && (q === 0 ? labels[i - 1] >= 1 : labels[i - 1] === q));
  const xs = idx.map((i) => returns[i]);
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  const ex = idx.map((i) => returns[i] - (rf ? rf[i] : 0));
  const me = ex.reduce((a, b) => a + b, 0) / ex.length;
  const ve = ex.reduce((a, b) => a + (b - me) ** 2, 0) / (ex.length - 1);
  let level = 1;
  let peak = 1;
  let mdd = 0;
  for (const x of xs) {
    level *= 1 + x;
    peak = Math.max(peak, level);
    mdd = Math.max(mdd, 1 - level / peak);
  }
  let episodes = 0;
  for (let k = 0; k < idx.length; k++) if (k === 0 || idx[k] !== idx[k - 1] + 1) episodes++;
  return {
    days: xs.length,
    episodes,
    meanAnnual: m * 252,
    volatility: Math.sqrt(v * 252),
    sharpe: (me / Math.sqrt(ve)) * Math.sqrt(252),
    hitRate: xs.filter((x) => x > 0).length / xs.length,
    maxDrawdown: mdd,
  };
}

describe('regimeStats', () => {
  it('worked example by hand', () => {
    // Day i counts for labels[i−1]: Q1 gets days 1, 2, 5 (returns 0.01, −0.02, 0.03) in two
    // episodes; Q2 gets days 3, 4 (0.02, 0.00).
    const returns = Float64Array.of(NaN, 0.01, -0.02, 0.02, 0.0, 0.03);
    const labels = Uint8Array.of(1, 1, 2, 2, 1, 0);
    const rows = regimeStats({ name: 'x', returns }, labels, calendarOf(6), { quadrants: [1, 2], reps: 200, seed: 3 });
    const q1 = rows[0];
    expect(q1.quadrant).toBe(1);
    expect(q1.days).toBe(3);
    expect(q1.episodes).toBe(2);
    expect(q1.meanAnnual).toBeCloseTo((0.02 / 3) * 252, 12); // mean 0.00666… a day
    expect(q1.hitRate).toBeCloseTo(2 / 3, 12);
    // In-quadrant path 1 → 1.01 → 0.9898 → 1.019494: worst fall 1 − 0.9898/1.01 = 0.02.
    expect(q1.maxDrawdown).toBeCloseTo(0.02, 12);
    // sd of (0.01, −0.02, 0.03): mean 0.00667, deviations .00333 −.02667 .02333 → var 0.000633…
    expect(q1.volatility).toBeCloseTo(Math.sqrt(((0.01 / 3) ** 2 + (0.08 / 3) ** 2 + (0.07 / 3) ** 2) / 2) * Math.sqrt(252), 12);
    expect(Number.isNaN(q1.lower)).toBe(true); // 3 days: too few for a bootstrap interval
    expect(rows[1].days).toBe(2);
    expect(rows[1].hitRate).toBe(0.5);
  });

  it('agrees with a naive filter-and-reduce implementation (property)', () => {
    const arb = fc.integer({ min: 12, max: 60 }).chain((n) =>
      fc.record({
        r: fc.array(fc.integer({ min: -400, max: 400 }), { minLength: n, maxLength: n }),
        l: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        rf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ r, l, rf }) => {
        const returns = r.map((k) => k / 1e4);
        const rfs = rf.map((k) => k / 1e5);
        const rows = regimeStats({ name: 's', returns: Float64Array.from(returns) }, Uint8Array.from(l), calendarOf(r.length), {
          reps: 20,
          seed: 1,
          riskFree: Float64Array.from(rfs),
        });
        for (const row of rows) {
          const ref = naive(returns, l, row.quadrant, rfs);
          expect(row.days).toBe(ref.days);
          if (ref.days === 0) continue;
          expect(row.episodes).toBe(ref.episodes);
          expect(row.meanAnnual).toBeCloseTo(ref.meanAnnual, 10);
          expect(row.hitRate).toBeCloseTo(ref.hitRate, 12);
          expect(row.maxDrawdown).toBeCloseTo(ref.maxDrawdown, 10);
          if (ref.days >= 2 && ref.volatility > 0) expect(row.volatility).toBeCloseTo(ref.volatility, 10);
          // Relative: a near-constant sample has a tiny volatility and a Sharpe in the thousands, where
          // a fixed number of decimals asks for more digits than the division keeps.
          if (ref.days >= 2 && Number.isFinite(ref.sharpe))
            expect(Math.abs(row.sharpe - ref.sharpe)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref.sharpe)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('poisoned future: rows over a window ending at t ignore every later return and label', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 10, max: 38 }),
        fc.array(fc.integer({ min: -900, max: 900 }), { minLength: 40, maxLength: 40 }),
        (r, l, t, poison) => {
          const returns = Float64Array.from(r, (k) => k / 1e4);
          const labels = Uint8Array.from(l);
          const opts = { window: { from: 1, to: t }, reps: 50, seed: 9 };
          const before = regimeStats({ name: 'a', returns }, labels, calendarOf(40), opts);
          const r2 = returns.slice();
          const l2 = labels.slice();
          for (let i = t + 1; i < 40; i++) {
            r2[i] = poison[i] / 1e4;
            l2[i] = 1 + (Math.abs(poison[i]) % 4);
          }
          l2[t] = 1 + ((l2[t] + 1) % 4); // the label AT t is used only by day t+1's return
          const after = regimeStats({ name: 'a', returns: r2 }, l2, calendarOf(40), opts);
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects arrays of another length', () => {
    expect(() => regimeStats({ name: 'x', returns: new Float64Array(3) }, new Uint8Array(4), calendarOf(4))).toThrow(QuadrantError);
  });
});

describe('meanInference', () => {
  it('with lag 0 the t-statistic is the iid one, mean / √(population variance / n) (independent formula)', () => {
    const x = Float64Array.of(0.01, -0.02, 0.03, 0.015, -0.005, 0.0, 0.02, 0.01, -0.01, 0.005);
    const n = x.length;
    const m = x.reduce((a, b) => a + b, 0) / n;
    const popVar = x.reduce((a, b) => a + (b - m) ** 2, 0) / n;
    const r = meanInference(x, { nwLags: 0, reps: 100, seed: 1 });
    expect(r.tStat).toBeCloseTo(m / Math.sqrt(popVar / n), 10);
    expect(r.meanAnnual).toBeCloseTo(m * 252, 12);
  });

  it('same seed, same interval; the interval brackets the estimate; the seed is reported', () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i * 1.7) * 0.01 + 0.0005);
    const a = meanInference(x, { reps: 400, seed: 42 });
    const b = meanInference(x, { reps: 400, seed: 42 });
    const c = meanInference(x, { reps: 400, seed: 43 });
    expect(a).toEqual(b);
    expect(c.lower).not.toBe(a.lower);
    expect(a.seed).toBe(42);
    expect(a.lower).toBeLessThan(a.meanAnnual);
    expect(a.upper).toBeGreaterThan(a.meanAnnual);
    expect(a.blockLength).toBeGreaterThanOrEqual(1);
  });

  it('an interval from i.i.d. noise covers the true mean about 95 % of the time (coverage check)', () => {
    // 200 series of 250 days, true mean 0: the share of intervals covering 0 should be near 0.95
    // (binomial sd ≈ 1.5 pp; percentile bootstrap intervals run a little narrow in small samples).
    let covered = 0;
    let s = 12345;
    const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 200; k++) {
      const x = Float64Array.from({ length: 250 }, () => (rand() + rand() + rand() - 1.5) * 0.02);
      const r = meanInference(x, { reps: 300, seed: k });
      if (r.lower <= 0 && r.upper >= 0) covered++;
    }
    expect(covered / 200).toBeGreaterThan(0.88);
    expect(covered / 200).toBeLessThan(0.99);
  });
});
