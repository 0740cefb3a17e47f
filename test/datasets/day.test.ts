import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, dayParts, isoDay, monthKey, monthKeys, parseDateBound, parseIsoDay, weekday } from '../../datasets/day.ts';

describe('days', () => {
  it('parses ISO dates to days since 1970-01-01', () => {
    // 2000-03-01 is 11017 days after the epoch: 30 years × 365 + 7 leap days (72..96) + 59 (Jan+Feb 2000, leap).
    expect(parseIsoDay('2000-03-01')).toBe(11017);
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay('1969-12-31')).toBe(-1);
  });

  it('rejects dates that do not exist or are not ISO', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '24-01-01', '2024/01/01', '2024-1-01', '', '2024-01-0x']) {
      expect(parseIsoDay(bad), bad).toBeNaN();
    }
    expect(parseIsoDay('2024-02-29')).toBe(dayOf(2024, 2, 29));
  });

  it('agrees with Date.UTC for any date from 1900 to 2100 and round-trips', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (dt) => {
        const iso = dt.toISOString().slice(0, 10);
        const day = parseIsoDay(iso);
        expect(day).toBe(Math.floor(dt.getTime() / 86_400_000));
        expect(isoDay(day)).toBe(iso);
      }),
    );
  });

  it('knows weekdays (1970-01-01 was a Thursday) and bounds of months and years', () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(parseIsoDay('2026-01-19'))).toBe(1); // a Monday
    expect(isoDay(parseDateBound('2024-02', true))).toBe('2024-02-29');
    expect(isoDay(parseDateBound('2022', false))).toBe('2022-01-01');
    expect(isoDay(parseDateBound('2022', true))).toBe('2022-12-31');
  });

  it('monthKey and dayParts agree with Date for every day from 1600 to 2400 (and before 1970)', () => {
    // Date's UTC calendar is the independent reference; integer arithmetic must match it daily.
    for (let d = dayOf(1600, 1, 1); d <= dayOf(2400, 12, 31); d++) {
      const dt = new Date(d * 86_400_000);
      const want = dt.getUTCFullYear() * 12 + dt.getUTCMonth();
      if (monthKey(d) !== want) expect(monthKey(d), isoDay(d)).toBe(want);
      if (d % 97 === 0) expect(dayParts(d)).toEqual({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, date: dt.getUTCDate() });
    }
  });

  it('monthKeys of a calendar with gaps equals monthKey day by day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.array(fc.integer({ min: 1, max: 70 }), { maxLength: 200 }), (first, gaps) => {
        const cal = new Int32Array(gaps.length + 1);
        cal[0] = first;
        gaps.forEach((g, i) => (cal[i + 1] = cal[i] + g));
        expect(Array.from(monthKeys(cal))).toEqual(Array.from(cal, (d) => monthKey(d)));
      }),
    );
  });
});
