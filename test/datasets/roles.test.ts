import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriceSeries } from '../../datasets/csv/read-price-csv.ts';
import type { Dataset } from '../../datasets/load-dataset.ts';
import { buildPanel } from '../../datasets/panel.ts';
import { buildRoles, resolveRoleMap } from '../../datasets/roles.ts';
import { makeCalendar } from '../builders.ts';

const calendar = makeCalendar('2024-01-01', 40);

function priceSeries(ticker: string, days: number[], values: number[]): PriceSeries {
  const d = Int32Array.from(days);
  const v = Float64Array.from(values);
  return {
    id: ticker,
    days: d,
    values: v,
    available: d,
    open: v.map((x) => x * 0.999),
    close: v,
    meta: { title: ticker, units: 'USD', frequency: 'daily', source: 'test', publication: { kind: 'same-day' } },
  };
}

function dataset(prices: PriceSeries[]): Dataset {
  return { dir: 'mem', macro: new Map(), prices: new Map(prices.map((p) => [p.id, p])), issues: [], files: new Map(), notes: [] };
}

/** IWM with gaps and an early end, RUT as its fall-back, SPY as the calendar. */
const world = fc.record({
  iwmDays: fc.subarray(Array.from(calendar), { minLength: 2 }),
  rutDays: fc.subarray(Array.from(calendar), { minLength: 2 }),
  seed: fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 40, maxLength: 40 }),
});

describe('role returns are point in time', () => {
  it('changing or deleting prices after day t never changes a role return or source at or before t', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 38 }), fc.boolean(), ({ iwmDays, rutDays, seed }, t, drop) => {
        const spy = priceSeries('SPY', Array.from(calendar), seed);
        const iwm = priceSeries(
          'IWM',
          iwmDays,
          iwmDays.map((_, i) => seed[i] * 0.5),
        );
        const rut = priceSeries(
          'RUT',
          rutDays,
          rutDays.map((_, i) => seed[39 - i]),
        );
        const cut = calendar[t];
        const poison = (p: PriceSeries) => {
          const keep = Array.from(p.days).map((d) => !(drop && d > cut));
          const days = Array.from(p.days).filter((_, i) => keep[i]);
          const values = Array.from(p.values)
            .filter((_, i) => keep[i])
            .map((v, i) => (days[i] > cut ? v * 3 : v));
          return priceSeries(p.id, days, values);
        };
        const before = buildRoles(buildPanel(dataset([spy, iwm, rut]))).get('us_small')!;
        const after = buildRoles(buildPanel(dataset([spy, poison(iwm), poison(rut)]))).get('us_small')!;
        expect(Array.from(after.returns.subarray(0, t + 1))).toEqual(Array.from(before.returns.subarray(0, t + 1)));
        expect(Array.from(after.source.subarray(0, t + 1))).toEqual(Array.from(before.source.subarray(0, t + 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to the next instrument, then to T-bills, once a price is more than 10 days old', () => {
    // IWM trades the first 5 days only; RUT never: from 11 calendar days after IWM's last price
    // the role earns the T-bill account (no rate column here: 0).
    const spy = priceSeries(
      'SPY',
      Array.from(calendar),
      Array.from(calendar, (_, i) => 100 + i),
    );
    const iwm = priceSeries('IWM', Array.from(calendar.subarray(0, 5)), [10, 11, 12, 13, 14]);
    const us = buildRoles(buildPanel(dataset([spy, iwm]))).get('us_small')!;
    const tbill = us.instruments.indexOf('TBILL');
    // Row 4 = Fri 2024-01-05, IWM's last price; rows 5..10 are within 10 days (carried: return 0).
    expect(us.returns[4]).toBeCloseTo(14 / 13 - 1, 12);
    expect(Array.from(us.returns.subarray(5, 11))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(us.source[10]).toBe(us.instruments.indexOf('IWM'));
    expect(us.source[11]).toBe(tbill);
  });
});

describe('user role mappings', () => {
  const spy = priceSeries(
    'SPY',
    Array.from(calendar),
    Array.from(calendar, (_, i) => 100 + i),
  );
  const iwm = priceSeries(
    'IWM',
    Array.from(calendar),
    Array.from(calendar, (_, i) => 50 + 2 * i),
  );
  const panel = buildPanel(dataset([spy, iwm]));

  it("replaces a role's instruments: us_large priced from IWM", () => {
    const roles = buildRoles(panel, resolveRoleMap(panel, { us_large: ['IWM'] }));
    const us = roles.get('us_large')!;
    expect(us.instruments).toEqual(['IWM', 'TBILL']);
    expect(us.returns[1]).toBeCloseTo(52 / 50 - 1, 12);
  });

  it('names an unknown role or ticker in the error', () => {
    expect(() => resolveRoleMap(panel, { us_huge: ['SPY'] } as never)).toThrow(/unknown role "us_huge"/);
    expect(() => resolveRoleMap(panel, { us_large: ['NOPE'] })).toThrow(/unknown ticker "NOPE" for role us_large/);
  });
});
