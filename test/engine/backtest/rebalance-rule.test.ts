import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseRebalanceRule } from '../../../engine/backtest/rebalance-rule.ts';
import { ruleTriggers } from '../../../engine/backtest/calendar-triggers.ts';
import { isoDay, parseIsoDay } from '../../../datasets/day.ts';
import { ConfigError } from '../../../datasets/errors.ts';
import { makeCalendar } from './builders.ts';

const days = (isos: string[]) => Int32Array.from(isos.map(parseIsoDay));
const fired = (rule: string, cal: Int32Array, labels?: Uint8Array) => {
  const t = ruleTriggers(parseRebalanceRule(rule), cal, labels);
  return Array.from(cal)
    .filter((_, i) => t[i])
    .map(isoDay);
};

describe('parseRebalanceRule', () => {
  it('reads combined terms', () => {
    const r = parseRebalanceRule('regime + Monthly + drift:5% + weekday:wed + monthday:15');
    expect(r.regime).toBe(true);
    expect(r.drift).toBeCloseTo(0.05, 15);
    expect(r.calendar).toEqual([{ kind: 'monthly' }, { kind: 'weekday', weekday: 3 }, { kind: 'monthday', date: 15 }]);
    expect(r.text).toBe('regime+monthly+drift:5%+weekday:wed+monthday:15');
    expect(parseRebalanceRule('drift:0.1').drift).toBe(0.1);
  });

  it('names the field and the bad term', () => {
    for (const bad of ['', 'fortnightly', 'drift:0', 'drift:1.5', 'weekday:6', 'monthday:32', 'never+monthly']) {
      try {
        parseRebalanceRule(bad, 'strategy.rebalance');
        expect.unreachable(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).details.field).toBe('strategy.rebalance');
      }
    }
  });
});

describe('ruleTriggers: hand-worked calendars (2020)', () => {
  // Trading days around month ends; Monday 20 January (MLK day) and Monday 17 February are holidays.
  const cal = days([
    '2020-01-16',
    '2020-01-17',
    '2020-01-21',
    '2020-01-22',
    '2020-01-27',
    '2020-01-31',
    '2020-02-03',
    '2020-02-14',
    '2020-02-18',
    '2020-02-28',
    '2020-03-02',
    '2020-03-31',
    '2020-04-01',
  ]);

  it('weekly: the first session of each week (Tuesday after a Monday holiday)', () => {
    expect(fired('weekly', cal)).toEqual(['2020-01-21', '2020-01-27', '2020-02-03', '2020-02-14', '2020-02-18', '2020-02-28', '2020-03-02', '2020-03-31']);
  });

  it('monthly and quarterly: the first session of the month / quarter', () => {
    expect(fired('monthly', cal)).toEqual(['2020-02-03', '2020-03-02', '2020-04-01']);
    expect(fired('quarterly', cal)).toEqual(['2020-04-01']);
    expect(fired('yearly', cal)).toEqual([]);
  });

  it('monthday: the first session on or after the date, capped at the month end', () => {
    // 15 Feb 2020 is a Saturday → Tuesday 18 Feb (17th a holiday and not in the calendar);
    // 15 Mar falls in the gap 2 Mar → 31 Mar of this sparse calendar → 31 Mar.
    expect(fired('monthday:15', cal)).toEqual(['2020-02-18', '2020-03-31']);
    // 31 → 31 Jan (Fri), 29 Feb (Sat) → Mon 2 Mar, 31 Mar (Tue).
    expect(fired('monthday:31', cal)).toEqual(['2020-01-31', '2020-03-02', '2020-03-31']);
  });

  it('weekday:fri fires on Fridays and on the next session when Friday is missing', () => {
    // 24 Jan is missing → Mon 27 Jan; 7 Feb is missing → 14 Feb covers it once; no Friday between
    // Fri 28 Feb and Mon 2 Mar; the gap to 31 Mar holds several Fridays → one trigger.
    expect(fired('weekday:fri', cal)).toEqual(['2020-01-17', '2020-01-27', '2020-01-31', '2020-02-14', '2020-02-28', '2020-03-31']);
  });

  it("month-end: the last session of each month, never the calendar's last day", () => {
    // 31 Jan (Fri), 28 Feb (Fri; 29 Feb is a Saturday), 31 Mar (Tue); 1 Apr is the last day.
    expect(fired('month-end', cal)).toEqual(['2020-01-31', '2020-02-28', '2020-03-31']);
  });

  it('regime: where the label changes between two known labels', () => {
    const labels = Uint8Array.from([0, 0, 1, 1, 2, 2, 2, 4, 4, 4, 1, 1, 1]);
    expect(fired('regime', cal, labels)).toEqual(['2020-01-27', '2020-02-14', '2020-03-02']);
  });
});

describe('ruleTriggers: against a naive anchor list', () => {
  // Naive: list every anchor date with Date arithmetic, then mark the first session on or after it.
  const anchorsOf = (kind: string, from: number, to: number): number[] => {
    const out: number[] = [];
    for (let d = from - 40; d <= to; d++) {
      const dt = new Date(d * 86400000);
      const dow = dt.getUTCDay();
      const date = dt.getUTCDate();
      const month = dt.getUTCMonth();
      const lastOfMonth = new Date(Date.UTC(dt.getUTCFullYear(), month + 1, 0)).getUTCDate();
      if (kind === 'weekly' && dow === 1) out.push(d);
      if (kind === 'weekday:3' && dow === 3) out.push(d);
      if (kind === 'monthly' && date === 1) out.push(d);
      if (kind === 'quarterly' && date === 1 && month % 3 === 0) out.push(d);
      if (kind === 'monthday:30' && date === Math.min(30, lastOfMonth)) out.push(d);
    }
    return out;
  };

  it('fires exactly on the first session at or after each anchor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 120 }),
        fc.constantFrom('weekly', 'weekday:3', 'monthly', 'quarterly', 'monthday:30'),
        (gaps, kind) => {
          const cal = new Int32Array(gaps.length);
          cal[0] = 18000;
          for (let i = 1; i < gaps.length; i++) cal[i] = cal[i - 1] + gaps[i];
          const expected = new Uint8Array(cal.length);
          for (const a of anchorsOf(kind, cal[0], cal[cal.length - 1])) {
            const i = cal.findIndex((d) => d >= a);
            if (i > 0 && cal[i - 1] < a) expected[i] = 1;
          }
          expect(Array.from(ruleTriggers(parseRebalanceRule(kind), cal))).toEqual(Array.from(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('month-end fires on the last session of a month by ISO dates (gaps up to 70 days; never day 0 or the last)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 2, maxLength: 120 }), fc.integer({ min: -40000, max: 40000 }), (gaps, from) => {
        const cal = new Int32Array(gaps.length);
        cal[0] = from;
        for (let i = 1; i < gaps.length; i++) cal[i] = cal[i - 1] + gaps[i];
        const month = (d: number) => new Date(d * 86400000).toISOString().slice(0, 7);
        const expected = Array.from(cal, (d, t) => (t >= 1 && t < cal.length - 1 && month(d) !== month(cal[t + 1]) ? 1 : 0));
        expect(Array.from(ruleTriggers(parseRebalanceRule('month-end'), cal))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the calendar and labels up to t (poisoned future)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 60 }), fc.nat(), (ls, at) => {
        const cal = makeCalendar(ls.length);
        const t = at % ls.length;
        const labels = Uint8Array.from(ls);
        const poisoned = Uint8Array.from(ls.map((x, i) => (i > t ? (x + 1) % 5 : x)));
        const rule = parseRebalanceRule('regime+weekly');
        const a = ruleTriggers(rule, cal, labels);
        const b = ruleTriggers(rule, cal, poisoned);
        expect(Array.from(b.subarray(0, t + 1))).toEqual(Array.from(a.subarray(0, t + 1)));
      }),
    );
  });
});
