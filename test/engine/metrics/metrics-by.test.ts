import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeMetrics, metricsByMask, metricsByYear } from '../../../engine/metrics/index.ts';
import type { Metrics } from '../../../engine/metrics/index.ts';
import { dayOf, isWeekend } from '../../../datasets/day.ts';

/** Growth factor a Metrics record implies: (1 + cagr)^years (1 when it has no days). */
const growthOf = (m: Metrics) => (m.days === 0 ? 1 : (1 + m.cagr) ** m.years);

/** Weekdays from a start date. */
function weekdays(from: number, count: number): Int32Array {
  const out = new Int32Array(count);
  let d = from;
  for (let i = 0; i < count; i++) {
    while (isWeekend(d)) d++;
    out[i] = d++;
  }
  return out;
}

describe('metricsByYear', () => {
  it('hand example across New Year: the first 2020 return (31 Dec → 2 Jan close) belongs to 2020', () => {
    // NAV 100 (Mon 30 Dec 2019), 101 (Tue 31 Dec), 102.01 (Thu 2 Jan 2020), 100.99 (Fri 3 Jan).
    // 2019: one return, +1 % → cagr 1.01^252 − 1. 2020: +1 %, then 100.99/102.01 − 1;
    // growth 100.99/101 over 2 days → cagr (100.99/101)^126 − 1; drawdown 1 − 100.99/102.01.
    const days = Int32Array.of(dayOf(2019, 12, 30), dayOf(2019, 12, 31), dayOf(2020, 1, 2), dayOf(2020, 1, 3));
    const nav = Float64Array.of(100, 101, 102.01, 100.99);
    const byYear = metricsByYear({ nav, days, turnover: 1 });
    expect([...byYear.keys()]).toEqual([2019, 2020]);
    const y19 = byYear.get(2019)!;
    const y20 = byYear.get(2020)!;
    expect(y19.days).toBe(1);
    expect(y19.cagr).toBeCloseTo(1.01 ** 252 - 1, 10);
    expect(y20.days).toBe(2);
    expect(y20.cagr).toBeCloseTo((100.99 / 101) ** 126 - 1, 12);
    expect(y20.maxDrawdown).toBeCloseTo(1 - 100.99 / 102.01, 14);
    expect(y20.maxDrawdownStart).toBe(dayOf(2020, 1, 2));
    expect(y20.maxDrawdownTrough).toBe(dayOf(2020, 1, 3));
    expect(y20.hitRate).toBe(0.5);
    expect(y20.turnover).toBeNaN(); // whole-period totals are not split by year
  });

  it('years partition the counted days and compound back to the whole-period growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 2, maxLength: 700 }), (bps) => {
        const n = bps.length + 1;
        const nav = new Float64Array(n);
        nav[0] = 50;
        for (let i = 1; i < n; i++) nav[i] = nav[i - 1] * (1 + bps[i - 1] / 1e4);
        const days = weekdays(dayOf(2018, 12, 20), n);
        const byYear = metricsByYear({ nav, days });
        let count = 0;
        let growth = 1;
        for (const m of byYear.values()) {
          count += m.days;
          growth *= growthOf(m);
        }
        expect(count).toBe(n - 1);
        expect(growth).toBeCloseTo(nav[n - 1] / nav[0], 9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('metricsByMask (label known at the previous close)', () => {
  // Returns +10 %, −10 %, +10 %, +10 % on days 1..4; labels decided at closes 0..4.
  const nav = Float64Array.of(100, 110, 99, 108.9, 119.79);
  const days = Int32Array.of(1, 2, 3, 4, 5);
  const labels = Uint8Array.of(1, 1, 2, 2, 1);

  it('counts day i for labels[i − 1] (hand example)', () => {
    // Label 1 in force for days 1 and 2 (labels[0], labels[1]): +10 %, −10 % → growth 0.99.
    // Label 2 for days 3 and 4 (labels[2], labels[3]): +10 %, +10 % → growth 1.21.
    // labels[4] is decided at the last close and governs no return.
    const by = metricsByMask({ nav, days, costs: 0.01 }, labels, [1, 2, 3]);
    expect([...by.keys()]).toEqual([1, 2, 3]);
    const q1 = by.get(1)!;
    const q2 = by.get(2)!;
    expect(q1.days).toBe(2);
    expect(q1.cagr).toBeCloseTo(0.99 ** 126 - 1, 12);
    expect(q1.maxDrawdown).toBeCloseTo(0.1, 14);
    expect(q1.hitRate).toBe(0.5);
    expect(q2.days).toBe(2);
    expect(q2.cagr / (1.21 ** 126 - 1)).toBeCloseTo(1, 12); // ≈ 2.7e10: compare relatively
    expect(q2.maxDrawdown).toBe(0);
    expect(q2.costDrag).toBeNaN();
    const q3 = by.get(3)!;
    expect(q3.days).toBe(0);
    expect(q3.cagr).toBeNaN();
  });

  it('cannot see the future: the last label changes nothing; a label moves the NEXT day only', () => {
    const base = metricsByMask({ nav, days }, labels, [1, 2]);
    const poisoned = metricsByMask({ nav, days }, Uint8Array.of(1, 1, 2, 2, 2), [1, 2]);
    expect(poisoned).toEqual(base);
    // Relabel close 1 as regime 2: day 2's return (−10 %) moves to regime 2; day 1's stays in 1.
    const moved = metricsByMask({ nav, days }, Uint8Array.of(1, 2, 2, 2, 1), [1, 2]);
    expect(moved.get(1)!.days).toBe(1);
    expect(moved.get(1)!.cagr / (1.1 ** 252 - 1)).toBeCloseTo(1, 12);
    expect(moved.get(2)!.days).toBe(3);
  });

  it('equals computeMetrics with the shifted mask, and labels partition the days and the growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 300 }), (rows) => {
        const n = rows.length + 1;
        const nav = new Float64Array(n);
        const lab = new Uint8Array(n);
        nav[0] = 10;
        for (let i = 1; i < n; i++) nav[i] = nav[i - 1] * (1 + rows[i - 1][0] / 1e4);
        for (let i = 0; i < n - 1; i++) lab[i] = rows[i][1];
        const days = Int32Array.from({ length: n }, (_, i) => 20000 + i);
        const by = metricsByMask({ nav, days }, lab, [1, 2, 3, 4]);
        let count = 0;
        let growth = 1;
        for (const m of by.values()) {
          count += m.days;
          growth *= growthOf(m);
        }
        expect(count).toBe(n - 1);
        expect(growth).toBeCloseTo(nav[n - 1] / nav[0], 9);
        const mask3 = Uint8Array.from({ length: n }, (_, i) => (i > 0 && lab[i - 1] === 3 ? 1 : 0));
        expect(by.get(3)).toEqual({ ...computeMetrics({ nav, days, mask: mask3 }) });
      }),
      { numRuns: 60 },
    );
  });

  it('honours an input mask as well, and rejects labels of the wrong length', () => {
    const by = metricsByMask({ nav, days, mask: Uint8Array.of(0, 1, 0, 1, 1) }, labels, [1, 2]);
    expect(by.get(1)!.days).toBe(1); // day 2 masked out
    expect(by.get(2)!.days).toBe(2);
    expect(() => metricsByMask({ nav, days }, Uint8Array.of(1, 2), [1])).toThrow(/metricsByMask needs labels as long as nav/);
  });
});
