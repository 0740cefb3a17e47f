import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeBuckets, periodKey, reduceBuckets } from '../../../reports/charts/downsample.ts';
import { makeCalendar } from '../../builders.ts';

/** Naive keys through Date (independent of the civil-date arithmetic under test). */
function naiveKey(day: number, period: 'week' | 'month' | 'quarter'): number {
  const d = new Date(day * 86_400_000);
  if (period === 'week') {
    const monday = day - ((d.getUTCDay() + 6) % 7);
    return monday;
  }
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return period === 'month' ? month : Math.floor(month / 3);
}

describe('periodKey', () => {
  it('agrees with Date-based weeks, months and quarters on any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), fc.integer({ min: 0, max: 30 }), (day, gap) => {
        for (const p of ['week', 'month', 'quarter'] as const) {
          // Same bucket under the naive key exactly when same bucket under periodKey.
          expect(periodKey(day, p) === periodKey(day + gap, p)).toBe(naiveKey(day, p) === naiveKey(day + gap, p));
        }
      }),
    );
  });

  it('starts weeks on Monday (2024-01-01 was a Monday)', () => {
    const monday = Date.UTC(2024, 0, 1) / 86_400_000;
    expect(periodKey(monday - 1, 'week')).toBe(periodKey(monday - 7, 'week'));
    expect(periodKey(monday, 'week')).toBe(periodKey(monday + 6, 'week'));
    expect(periodKey(monday, 'week')).not.toBe(periodKey(monday - 1, 'week'));
  });
});

describe('makeBuckets and reduceBuckets', () => {
  it('thin 10 weekdays to 2 weeks: last and min per week (worked by hand)', () => {
    const days = makeCalendar('2024-01-01', 10); // Mon 1 Jan .. Fri 12 Jan
    const values = Float64Array.of(5, 3, 4, NaN, 6, 1, 2, 9, 8, NaN);
    const b = makeBuckets(days, { period: 'week' });
    expect(Array.from(b.start)).toEqual([0, 5]);
    expect(Array.from(b.end)).toEqual([4, 9]);
    expect(Array.from(reduceBuckets(values, b, 'last'))).toEqual([6, 8]);
    expect(Array.from(reduceBuckets(values, b, 'min'))).toEqual([3, 1]);
    expect(Array.from(reduceBuckets(values, b, 'max'))).toEqual([6, 9]);
  });

  it('uses the finest period within the point budget, inside the window', () => {
    const days = makeCalendar('2000-01-03', 2600); // about 10 years of weekdays
    expect(makeBuckets(days, { maxPoints: 3000 }).period).toBe('day');
    expect(makeBuckets(days, { maxPoints: 1000 }).period).toBe('week');
    expect(makeBuckets(days, { maxPoints: 200 }).period).toBe('month');
    expect(makeBuckets(days, { maxPoints: 50 }).period).toBe('quarter');
    const w = makeBuckets(days, { from: days[100], to: days[109], period: 'day' });
    expect(w.start[0]).toBe(100);
    expect(w.end[w.end.length - 1]).toBe(109);
  });

  it('covers every day of the window exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 500 }), (n, maxPoints) => {
        const days = makeCalendar('2010-06-01', n);
        const b = makeBuckets(days, { maxPoints });
        let next = 0;
        for (let k = 0; k < b.start.length; k++) {
          expect(b.start[k]).toBe(next);
          expect(b.end[k]).toBeGreaterThanOrEqual(b.start[k]);
          next = b.end[k] + 1;
        }
        expect(next).toBe(n);
      }),
    );
  });

  it('keeps the trough: the min of the bucket minima is the series minimum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 0, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const days = makeCalendar('2015-01-01', xs.length);
        const b = makeBuckets(days, { period: 'month' });
        expect(Math.min(...reduceBuckets(Float64Array.from(xs), b, 'min'))).toBe(Math.min(...xs));
      }),
    );
  });
});
