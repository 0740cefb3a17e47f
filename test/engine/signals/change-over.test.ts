import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { changeOver } from '../../../engine/signals/change-over.ts';
import { pctChange } from '../../../engine/signals/pct-change.ts';

describe('changeOver', () => {
  it('subtracts the value lag rows back, NaN before and across gaps', () => {
    // By hand: x = 1, 2, 4, 7, NaN, 11 with lag 2 → 4−1, 7−2, NaN−4, 11−7.
    const x = Float64Array.of(1, 2, 4, 7, NaN, 11);
    expect(Array.from(changeOver(x, 2))).toEqual([NaN, NaN, 3, 5, NaN, 4]);
  });

  it('gives a 13-week WALCL change on an as-of daily column: 65 rows back', () => {
    // By hand: a weekly series carried forward, 5 rows a week (millions of USD). Week 0 (rows
    // 0-4) 6,990,000; weeks 1-13 (rows 5-69) 7,000,000; week 14 (rows 70-79) 7,040,000.
    // Row 65 compares with row 0: 7,000,000 − 6,990,000 = +10,000 ($10bn); row 69 with row 4,
    // the same; row 70 with row 5: 7,040,000 − 7,000,000 = +40,000. Rows 0-64 have no row
    // 65 back: NaN.
    const col = new Float64Array(80).fill(7_000_000);
    col.fill(6_990_000, 0, 5);
    col.fill(7_040_000, 70, 80);
    const chg = changeOver(col, 13 * 5);
    expect(Array.from(chg.subarray(0, 65)).every(Number.isNaN)).toBe(true);
    expect([chg[65], chg[69], chg[70], chg[79]]).toEqual([10_000, 10_000, 40_000, 40_000]);
  });

  it('a lag longer than the series gives all NaN', () => {
    expect(Array.from(changeOver(Float64Array.of(1, 2), 5))).toEqual([NaN, NaN]);
  });

  it('matches a naive slice-based implementation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (xs, lag) => {
          const naive = xs.map((v, i) => (i - lag < 0 ? NaN : v - xs[i - lag]));
          expect(Array.from(changeOver(Float64Array.from(xs), lag))).toEqual(naive);
        },
      ),
    );
  });
});

describe('pctChange', () => {
  it('is the simple return over the lag, as a fraction', () => {
    // By hand: 110/100 − 1 = 0.1; 99/102 − 1 = −0.029411…; a zero base gives NaN.
    const r = pctChange(Float64Array.of(100, 102, 110, 99, 0, 5), 2);
    expect(Number.isNaN(r[0]) && Number.isNaN(r[1])).toBe(true);
    expect(r[2]).toBeCloseTo(0.1, 15);
    expect(r[3]).toBeCloseTo(-3 / 102, 15);
    expect(r[4]).toBe(0 / 110 - 1);
    expect(Number.isNaN(r[5])).toBe(false);
    expect(r[5]).toBeCloseTo(5 / 99 - 1, 15);
  });

  it('is NaN when the earlier value is zero or missing', () => {
    const r = pctChange(Float64Array.of(0, NaN, 3, 4), 2);
    expect(Number.isNaN(r[2])).toBe(true);
    expect(Number.isNaN(r[3])).toBe(true);
  });
});
