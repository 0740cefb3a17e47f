import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { freshestTga, netLiquidity, panelTga } from '../../../engine/signals/net-liquidity.ts';

describe('netLiquidity', () => {
  it('is WALCL − TGA − RRP×1000 in millions of USD', () => {
    // By hand: $7.00T assets, $800bn TGA, $150bn RRP (RRPONTSYD is in billions):
    // 7,000,000 − 800,000 − 150×1000 = 6,050,000 million = $6.05T.
    // Second row, late-2021-like: 8,700,000 − 200,000 − 1,600×1000 = 6,900,000.
    const r = netLiquidity(Float64Array.of(7_000_000, 8_700_000, NaN), Float64Array.of(800_000, 200_000, 1), Float64Array.of(150, 1600, 1));
    expect(r[0]).toBe(6_050_000);
    expect(r[1]).toBe(6_900_000);
    expect(r[2]).toBeNaN();
  });
});

describe('freshestTga: the daily DTS balance where it is current, WDTGAL before', () => {
  it('takes whichever published observation is newer, the daily one on ties', () => {
    // Rows: before the daily series (NaN), daily newer, same observation day, weekly newer (daily file ended).
    const daily = Float64Array.of(NaN, 710_000, 705_000, 705_000);
    const dailyAsOf = Int32Array.of(-1, 20_001, 20_002, 20_002);
    const weekly = Float64Array.of(800_000, 700_000, 702_000, 690_000);
    const weeklyAsOf = Int32Array.of(19_990, 19_997, 20_002, 20_009);
    const r = freshestTga(daily, dailyAsOf, weekly, weeklyAsOf);
    expect(Array.from(r.values)).toEqual([800_000, 710_000, 705_000, 690_000]);
    expect(Array.from(r.asOf)).toEqual([19_990, 20_001, 20_002, 20_009]);
  });

  it('is WDTGAL unchanged without daily data (the offline snapshot)', () => {
    const weekly = Float64Array.of(1, 2, NaN);
    const asOf = Int32Array.of(5, 6, 6);
    expect(Array.from(freshestTga(undefined, undefined, weekly, asOf).values)).toEqual([1, 2, NaN]);
    const p = { columns: { WDTGAL: weekly }, asOf: { WDTGAL: asOf } };
    expect(panelTga(p).values).toEqual(freshestTga(undefined, undefined, weekly, asOf).values);
  });

  it('no look-ahead: changing or deleting any input after row t changes nothing at or before t', () => {
    const column = fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(column, column, fc.nat(), fc.boolean(), (d, w, cut, remove) => {
        const n = Math.min(d.length, w.length);
        const t = cut % n;
        const make = (xs: (number | null)[]) => Float64Array.from(xs.slice(0, n), (x) => (x === null ? NaN : x));
        const days = (k: number) => Int32Array.from({ length: n }, (_, i) => 100 + 7 * i + k);
        const base = freshestTga(make(d), days(2), make(w), days(0));
        const d2 = make(d);
        const w2 = make(w);
        for (let i = t + 1; i < n; i++) {
          d2[i] = remove ? NaN : d2[i] + 1;
          w2[i] = remove ? NaN : 3;
        }
        const changed = freshestTga(d2, days(2), w2, days(0));
        for (let i = 0; i <= t; i++) {
          if (!Object.is(changed.values[i], base.values[i]) || changed.asOf[i] !== base.asOf[i]) return false;
        }
        return true;
      }),
    );
  });
});
