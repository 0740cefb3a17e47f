import { describe, expect, it } from 'vitest';
import { dayOf, isoDay, weekday, type Day } from '../../../datasets/day.ts';
import type { Panel } from '../../../datasets/panel.ts';
import { availableFrom, maxAgeDays, type PublicationRule } from '../../../datasets/publication.ts';
import { staleDays, staleInputsAt } from '../../../engine/regimes/stale-inputs.ts';
import { isFedHoliday } from '../../../datasets/fed-holidays.ts';

describe('maxAgeDays: the longest normal age of the newest public value', () => {
  // Brute force: a complete series (every observation the source normally makes, 2019–2026),
  // and on every weekday the age of the newest value public by then. The bound must hold and be
  // tight (reached, or within a day of it).
  const cases: [string, PublicationRule, (d: Day) => boolean][] = [
    ['next-business-day', { kind: 'next-business-day' }, (d) => weekday(d) >= 1 && weekday(d) <= 5 && !isFedHoliday(d)],
    ['h41-weekly', { kind: 'h41-weekly' }, (d) => weekday(d) === 3],
    ['h10-weekly', { kind: 'h10-weekly' }, (d) => weekday(d) >= 1 && weekday(d) <= 5 && !isFedHoliday(d)],
  ];
  for (const [name, rule, observed] of cases) {
    it(`${name}: ${maxAgeDays(rule)} days`, () => {
      const obs: Day[] = [];
      for (let d = dayOf(2018, 12, 1); d <= dayOf(2026, 12, 31); d++) if (observed(d)) obs.push(d);
      const avail = obs.map((d) => availableFrom(d, rule));
      let worst = 0;
      for (let day = dayOf(2019, 2, 1); day <= dayOf(2026, 11, 30); day++) {
        if (weekday(day) === 0 || weekday(day) === 6) continue;
        let newest = -1;
        for (let i = 0; i < obs.length && obs[i] <= day; i++) if (avail[i] <= day) newest = obs[i];
        worst = Math.max(worst, day - newest);
      }
      expect(worst).toBeLessThanOrEqual(maxAgeDays(rule));
      // Daily series keep 3 days of slack on purpose: bond-market closures the Fed does not share
      // (Good Friday, the day before Christmas) leave a day without a value.
      expect(worst).toBe(maxAgeDays(rule) - (name === 'next-business-day' ? 3 : 1));
    });
  }
});

describe('staleDays', () => {
  it('flags the days an input is older than its longest normal interval, and names it', () => {
    // Hand-made: DGS2 (next business day, max 7) last observed 2026-08-20; WALCL (H.4.1, max 10)
    // observed weekly throughout. Stale from the first day more than 7 days after 2026-08-20: 2026-08-28.
    const calendar = Int32Array.from([dayOf(2026, 8, 21), dayOf(2026, 8, 27), dayOf(2026, 8, 28), dayOf(2026, 9, 1)]);
    const panel: Panel = {
      calendar,
      columns: { DGS2: new Float64Array(4), WALCL: new Float64Array(4) },
      asOf: {
        DGS2: Int32Array.from([dayOf(2026, 8, 20), dayOf(2026, 8, 20), dayOf(2026, 8, 20), dayOf(2026, 8, 20)]),
        WALCL: Int32Array.from([dayOf(2026, 8, 19), dayOf(2026, 8, 19), dayOf(2026, 8, 26), dayOf(2026, 8, 26)]),
      },
      open: {},
    };
    expect(Array.from(staleDays(panel, ['DGS2', 'WALCL']))).toEqual([0, 0, 1, 1]);
    expect(staleInputsAt(panel, ['DGS2', 'WALCL'], 2)).toEqual(['DGS2']);
    expect(isoDay(calendar[2])).toBe('2026-08-28');
    // RRP's absence means zero (no operation), never stale.
    const rrp: Panel = { ...panel, asOf: { RRPONTSYD: Int32Array.from([0, 0, 0, 0]) } };
    expect(Array.from(staleDays(rrp, ['RRPONTSYD']))).toEqual([0, 0, 0, 0]);
  });
});
