import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignAsOf } from '../../datasets/align.ts';
import type { PublicationRule } from '../../datasets/publication.ts';
import { makeCalendar, makeSeries } from '../builders.ts';

const calendar = makeCalendar('2020-01-01', 120);
const rules: PublicationRule[] = [
  { kind: 'same-day' },
  { kind: 'next-business-day' },
  { kind: 'h41-weekly' },
  { kind: 'h10-weekly' },
  { kind: 'monthly', releaseDay: 10 },
];

/** Observations on arbitrary days around the calendar, some missing. */
const observations = fc.record({
  days: fc
    .uniqueArray(fc.integer({ min: calendar[0] - 40, max: calendar[calendar.length - 1] + 10 }), { minLength: 1, maxLength: 60 })
    .map((d) => d.sort((a, b) => a - b)),
  seedValues: fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { minLength: 60, maxLength: 60 }),
  rule: fc.constantFrom(...rules),
});

describe('alignAsOf', () => {
  it('never shows a value before its availability day, and shows the newest one available', () => {
    fc.assert(
      fc.property(observations, ({ days, seedValues, rule }) => {
        const values = days.map((_, i) => seedValues[i] ?? NaN);
        const s = makeSeries('X', days, values, rule);
        const { values: aligned, asOf } = alignAsOf(s, calendar, {});
        for (let t = 0; t < calendar.length; t++) {
          // Naive reference: scan every observation published by day t.
          let best = -1;
          for (let j = 0; j < days.length; j++) {
            if (s.available[j] <= calendar[t] && !Number.isNaN(values[j]) && (best < 0 || days[j] > days[best])) best = j;
          }
          if (best < 0) {
            expect(aligned[t]).toBeNaN();
          } else {
            expect(aligned[t]).toBe(values[best]);
            expect(asOf[t]).toBe(days[best]);
            expect(s.available[best]).toBeLessThanOrEqual(calendar[t]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('poisoned future: changing or deleting observations published after day t never changes day t', () => {
    fc.assert(
      fc.property(
        observations,
        fc.integer({ min: 0, max: calendar.length - 1 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.boolean(),
        fc.constantFrom(undefined, 3, 10),
        ({ days, seedValues, rule }, t, poison, drop, carry) => {
          const values = days.map((_, i) => seedValues[i] ?? NaN);
          const s = makeSeries('X', days, values, rule);
          const keep = days.map((_, j) => !(drop && s.available[j] > calendar[t]));
          const days2 = days.filter((_, j) => keep[j]);
          const values2 = values.filter((_, j) => keep[j]).map((v, j) => (s.available[days.indexOf(days2[j])] > calendar[t] ? poison : v));
          const before = alignAsOf(s, calendar, { maxCarryDays: carry }).values;
          const after = alignAsOf(makeSeries('X', days2, values2, rule), calendar, { maxCarryDays: carry }).values;
          expect(Array.from(after.subarray(0, t + 1))).toEqual(Array.from(before.subarray(0, t + 1)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carries a price over a short gap, then leaves the days empty instead of inventing flat prices', () => {
    // Weekdays from 2020-01-01 (Wed); the last price is on 2020-01-03 (Fri, row 2). With a
    // 5-day carry, Mon 01-06, Tue 01-07 and Wed 01-08 (3, 4, 5 days on) hold it; Thu 01-09 does not.
    const s = makeSeries('P', calendar.subarray(0, 3), [1, 2, 3]);
    const { values } = alignAsOf(s, calendar.subarray(0, 7), { maxCarryDays: 5 });
    expect(Array.from(values)).toEqual([1, 2, 3, 3, 3, 3, NaN]);
  });

  it('decides a gap from the past alone: a later price does not fill an earlier stale day', () => {
    // The same history, then a price on row 9: rows 3..6 must not change (the review's case).
    const s = makeSeries('P', [calendar[0], calendar[1], calendar[2], calendar[9]], [1, 2, 3, 9]);
    const { values } = alignAsOf(s, calendar.subarray(0, 10), { maxCarryDays: 5 });
    expect(Array.from(values)).toEqual([1, 2, 3, 3, 3, 3, NaN, NaN, NaN, 9]);
  });

  it('reads an observation older than zeroAfterDays as zero (RRP lists only days with an operation)', () => {
    const s = makeSeries('RRP', [calendar[0]], [50], { kind: 'same-day' });
    const { values } = alignAsOf(s, calendar.subarray(0, 10), { zeroAfterDays: 5 });
    // From 2020-01-01 (Wed): 01-02, 01-03, 01-06 are within 5 days; 01-07 onwards is older → 0.
    expect(Array.from(values)).toEqual([50, 50, 50, 50, 0, 0, 0, 0, 0, 0]);
    expect(values[9]).toBe(0);
  });
});
