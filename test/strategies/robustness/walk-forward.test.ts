import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dayOf, dayParts } from '../../../datasets/day.ts';
import { walkForwardOfRows as walkForward } from './from-rows.ts';

const d = (y: number, m: number, day: number) => dayOf(y, m, day);

describe('walkForward, worked by hand', () => {
  // Closes: one before 2001, then 3 return days in each of 2001–2003 and 2 in 2004 (T = 11).
  const days = Int32Array.of(
    d(2000, 12, 29),
    d(2001, 1, 2),
    d(2001, 1, 3),
    d(2001, 1, 4),
    d(2002, 1, 2),
    d(2002, 1, 3),
    d(2002, 1, 4),
    d(2003, 1, 2),
    d(2003, 1, 3),
    d(2003, 1, 6),
    d(2004, 1, 2),
    d(2004, 1, 5),
  );
  const A = [0.01, 0.02, 0.03, -0.01, -0.01, 0.0, 0.01, 0.01, 0.01, 0.0, 0.0];
  const B = [0.01, 0.0, 0.02, 0.03, 0.04, 0.05, 0.0, 0.01, 0.02, 0.01, 0.02];
  const wf = walkForward({
    excess: Float64Array.from([...A, ...B]),
    rows: 2,
    days,
    riskFree: new Float64Array(11),
    reference: Float64Array.from(A),
    minHistoryYears: 3 / 252,
  })!;

  it('chooses on every earlier day and applies the choice for one year', () => {
    // 2002: history 2001 only: A = .01,.02,.03 (Sharpe .02/.01 = 2) beats B = .01,0,.02 (1).
    // 2003: history 2001–02: A mean .00667, sd .01633 → 0.41; B mean .025, sd .01871 → 1.34: B.
    // 2004: history 2001–03: A 0.60 (mean .00778, sd .01302), B 1.15 (mean .02, sd .01732): B.
    expect(wf.years.map((y) => [y.year, y.chosen, y.days])).toEqual([
      [2002, 0, 3],
      [2003, 1, 3],
      [2004, 1, 2],
    ]);
    expect(wf.years[0].inSampleSharpe).toBeCloseTo(2 * Math.sqrt(252), 9);
    expect(wf.years[1].inSampleSharpe).toBeCloseTo((0.025 / Math.sqrt(0.00175 / 5)) * Math.sqrt(252), 9);
    expect(wf.switches).toBe(1);
  });

  it("each year's return is the chosen run's, compounded; the stitched path joins them", () => {
    expect(wf.years[0].return).toBeCloseTo(0.99 * 0.99 * 1 - 1, 15);
    expect(wf.years[1].return).toBeCloseTo(1 * 1.01 * 1.02 - 1, 15);
    expect(wf.years[2].return).toBeCloseTo(1.01 * 1.02 - 1, 15);
    expect(wf.years[1].referenceReturn).toBeCloseTo(1.01 ** 3 - 1, 15);
    expect(wf.stitched.from).toBe('2001-01-04');
    expect(wf.stitched.to).toBe('2004-01-05');
    expect(wf.stitched.days).toBe(8);
    expect(wf.stitched.totalReturn).toBeCloseTo(0.99 * 0.99 * 1.01 * 1.02 * 1.01 * 1.02 - 1, 14);
    // The reference over the same 8 days: A's last 8 returns.
    expect(wf.reference.totalReturn).toBeCloseTo(0.99 * 0.99 * 1.01 ** 3 - 1, 14);
  });

  it('adds the T-bill accrual back to the excess returns', () => {
    const rf = new Float64Array(11).fill(0.001);
    const w = walkForward({ excess: Float64Array.from([...A, ...B]), rows: 2, days, riskFree: rf, reference: Float64Array.from(A), minHistoryYears: 3 / 252 })!;
    expect(w.years[0].return).toBeCloseTo(0.991 * 0.991 * 1.001 - 1, 15);
  });

  it('null when no year has the history it needs', () => {
    expect(walkForward({ excess: Float64Array.from([...A, ...B]), rows: 2, days, riskFree: new Float64Array(11), reference: Float64Array.from(A) })).toBeNull();
  });
});

/** Month-end closes from the end of 1999: 12 return days a year. */
function monthly(T: number): Int32Array {
  return Int32Array.from({ length: T + 1 }, (_, i) => dayOf(2000, i + 1, 0));
}

/** The walk-forward written the slow way: slices and two-pass Sharpes per year. */
function naive(x: number[][], days: Int32Array, need: number): { year: number; chosen: number; ret: number; sharpe: number[] }[] {
  const T = days.length - 1;
  const year = (i: number) => dayParts(days[i + 1]).year;
  const out: { year: number; chosen: number; ret: number; sharpe: number[] }[] = [];
  const years = [...new Set(Array.from({ length: T }, (_, i) => year(i)))];
  for (const y of years) {
    const cols = [...Array(T).keys()];
    const before = cols.filter((i) => year(i) < y);
    const during = cols.filter((i) => year(i) === y);
    if (before.length < Math.max(need, 2)) continue;
    const sharpe = x.map((row) => {
      const v = before.map((i) => row[i]);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
      return sd > 0 ? m / sd : NaN;
    });
    let chosen = -1;
    sharpe.forEach((s, j) => {
      if (s > (chosen < 0 ? -Infinity : sharpe[chosen])) chosen = j;
    });
    if (chosen < 0) continue;
    out.push({ year: y, chosen, ret: during.reduce((g, i) => g * (1 + x[chosen][i]), 1) - 1, sharpe });
  }
  return out;
}

// Daily returns in whole basis points (the one-pass variance of the walk-forward is meant for
// returns of this size, not for subnormal numbers).
const bp = fc.integer({ min: -500, max: 500 }).map((v) => v / 10_000);
const scenario = fc.record({
  rows: fc.array(fc.array(bp, { minLength: 60, maxLength: 60 }), { minLength: 1, maxLength: 5 }),
  need: fc.integer({ min: 2, max: 30 }),
});

describe('walkForward properties', () => {
  it('agrees with a slow re-implementation (choices and yearly returns)', () => {
    fc.assert(
      fc.property(scenario, ({ rows, need }) => {
        const days = monthly(60);
        const w = walkForward({
          excess: Float64Array.from(rows.flat()),
          rows: rows.length,
          days,
          riskFree: new Float64Array(60),
          reference: Float64Array.from(rows[0]),
          minHistoryYears: need / 252,
        });
        const want = naive(rows, days, need);
        if (!w) return expect(want).toEqual([]);
        expect(w.years.map((y) => y.year)).toEqual(want.map((y) => y.year));
        w.years.forEach((y, k) => {
          // Rows whose Sharpes tie exactly (one a multiple of another) may differ in the last bit
          // between the two formulas: then either choice is right.
          if (y.chosen !== want[k].chosen) expect(want[k].sharpe[y.chosen]).toBeCloseTo(want[k].sharpe[want[k].chosen], 9);
          else expect(y.return).toBeCloseTo(want[k].ret, 12);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('no look-ahead: poisoning returns after day t changes no choice made by t and no year ended by t', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 59 }), fc.integer(), ({ rows, need }, t, salt) => {
        const days = monthly(60);
        const run = (x: number[][]) =>
          walkForward({
            excess: Float64Array.from(x.flat()),
            rows: x.length,
            days,
            riskFree: new Float64Array(60),
            reference: Float64Array.from(x[0]),
            minHistoryYears: need / 252,
          });
        const poisoned = rows.map((r, j) => r.map((v, i) => (i > t ? Math.sin(salt + 31 * i + 7 * j) * 0.05 : v)));
        const a = run(rows);
        const b = run(poisoned);
        // Year k of the result covers columns [first, last]; its choice reads columns < first.
        const span = (year: number) => {
          const cols = [...Array(60).keys()].filter((i) => dayParts(days[i + 1]).year === year);
          return [cols[0], cols[cols.length - 1]];
        };
        for (const y of a?.years ?? []) {
          const [first, last] = span(y.year);
          if (first > t + 1) continue;
          const other = b!.years.find((z) => z.year === y.year)!;
          expect(other.chosen).toBe(y.chosen);
          expect(other.inSampleSharpe).toBe(y.inSampleSharpe);
          if (last <= t) expect(other.return).toBe(y.return);
        }
      }),
      { numRuns: 100 },
    );
  });
});
