import { describe, it, expect } from 'vitest';
import { DataError } from '../../../datasets/errors.ts';
import { parseIsoDay } from '../../../datasets/day.ts';
import type { Panel } from '../../../datasets/panel.ts';
import { watchList } from '../../../engine/signals/watch-list.ts';
import { makeCalendar, isoDay } from '../../builders.ts';

const N = 70;
const cal = makeCalendar('2025-09-01', N); // Monday 2025-09-01, weekdays only

/** A weekly H.4.1-like column: `values[k]` observed on the k-th Wednesday, public from the Friday after. */
function weekly(values: number[]): { col: Float64Array; asOf: Int32Array } {
  const col = new Float64Array(N).fill(NaN);
  const asOf = new Int32Array(N).fill(-1);
  for (let t = 0; t < N; t++) {
    // Rows 4, 9, 14, … are Fridays: the k-th Friday publishes Wednesday cal[t] − 2.
    const k = Math.floor((t - 4) / 5);
    if (k < 0) continue;
    col[t] = values[Math.min(k, values.length - 1)];
    asOf[t] = cal[4 + 5 * k] - 2;
  }
  return { col, asOf };
}

function daily(values: (t: number) => number, lagDays = 1): { col: Float64Array; asOf: Int32Array } {
  const col = Float64Array.from({ length: N }, (_, t) => (t >= lagDays ? values(t - lagDays) : NaN));
  const asOf = Int32Array.from({ length: N }, (_, t) => (t >= lagDays ? cal[t - lagDays] : -1));
  return { col, asOf };
}

function panel(): Panel {
  // Reserves (millions): 3.10T for 3 weeks, then below the line: 2.95T, 2.93T, … falling 20,000 a week.
  const reserves = weekly([3_100_000, 3_100_000, 3_100_000, ...Array.from({ length: 11 }, (_, k) => 2_950_000 - 20_000 * k)]);
  const walcl = weekly(Array.from({ length: 14 }, (_, k) => 6_600_000 + 10_000 * k));
  const tga = weekly(Array.from({ length: 14 }, (_, k) => 900_000 - 15_000 * k));
  const rrp = daily(() => 5);
  const dff = daily((t) => (t < 40 ? 4.33 : 4.08));
  const dgs2 = daily((t) => (t < 30 ? 3.9 : 3.6));
  const usd = daily((t) => 120 - 0.05 * t, 6);
  const cols = { WRESBAL: reserves, WALCL: walcl, WDTGAL: tga, RRPONTSYD: rrp, DFF: dff, DGS2: dgs2, DTWEXBGS: usd };
  return {
    calendar: cal,
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.col])),
    asOf: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.asOf])),
    open: {},
  };
}

describe('watchList', () => {
  const w = watchList(panel(), cal[69] + 2); // a Sunday after the last row: uses row 69
  const item = (key: string) => w.items.find((i) => i.key === key)!;

  it('reads the last row at or before the day asked', () => {
    expect(w.row).toBe(69);
    expect(w.day).toBe(cal[69]);
  });

  it('reserves: the level, how long below the red line (from the observation dates), the 4-week change', () => {
    // Row 69 (a Friday, week index 13) publishes Wednesday observation k = 13: 2,950,000 −
    // 20,000·10 = 2,750,000. The first value below 3T (k = 3) was observed on the Wednesday
    // cal[19] − 2 = 2025-09-24 (cal[19] is Friday 2025-09-26). 4 weeks earlier (row 49, k = 9):
    // 2,830,000, so −80,000 = down $80bn.
    const r = item('reserves');
    expect(r.value).toBe(2_750_000);
    expect(isoDay(r.observed)).toBe('2025-12-03');
    expect(r.change).toBe(-80_000);
    expect(r.reading).toBe('reserves $2.75T: below the $3.00T red line since 2025-09-24; down $80bn over 4 weeks');
  });

  it('TGA, RRP and net liquidity in millions, RRP converted from billions', () => {
    // TGA k = 13: 900,000 − 195,000 = 705,000; 4 weeks back (k = 9) 765,000: −60,000.
    expect(item('tga')).toMatchObject({ value: 705_000, change: -60_000 });
    expect(item('tga').reading).toMatch(/releasing cash \(adds liquidity\)/);
    // RRP 5bn = 5,000 million: "almost drained".
    expect(item('rrp')).toMatchObject({ value: 5_000, change: 0 });
    expect(item('rrp').reading).toMatch(/almost drained/);
    // Net: WALCL k = 13 6,730,000 − 705,000 − 5,000 = 6,020,000; 13 weeks back (row 4, k = 0):
    // 6,600,000 − 900,000 − 5,000 = 5,695,000: +325,000.
    expect(item('net_liquidity')).toMatchObject({ value: 6_020_000, change: 325_000 });
  });

  it('balance sheet, policy rate, 2-year yield: changes and words', () => {
    // WALCL k = 13 vs k = 0: +130,000 over 13 weeks: expanding.
    expect(item('balance_sheet')).toMatchObject({ value: 130_000 });
    expect(item('balance_sheet').reading).toMatch(/up \$130bn over 13 weeks \(\$43bn a month\): expanding/);
    // DFF 4.08 now (row 69 reads day 68), 4.33 at row 6 (3 months = 63 rows back): cut 0.25.
    expect(item('policy_rate').change).toBeCloseTo(-0.25, 12);
    expect(item('policy_rate').reading).toBe('fed funds 4.08%, cut 0.25 pp over 3 months: easing');
    // DGS2 3.60, 0.48 pp below 4.08: cuts priced; 3.90 63 rows back: down 0.30.
    expect(item('two_year').reading).toBe('2-year 3.60%, 0.48 pp below the policy rate: markets price cuts; down 0.30 pp over 3 months (more easing expected)');
  });

  it('dollar: 63-day momentum in percent, no 200-day average on a short history', () => {
    // Row 69 reads day 63: 120 − 3.15 = 116.85; row 6 reads day 0: 120. 116.85/120 − 1 = −2.625 %.
    const d = item('dollar');
    expect(d.value).toBeCloseTo(116.85, 10);
    expect(d.change).toBeCloseTo(-2.625, 10);
    expect(d.reading).toMatch(/^broad dollar 116\.85, -2\.6% over 63 days, no 200-day average yet: weakening/);
  });

  it('fails clearly before the calendar starts', () => {
    expect(() => watchList(panel(), parseIsoDay('2025-08-01'))).toThrow(DataError);
  });
});

describe('watchList with the daily TGA', () => {
  it('reads DTS_TGA where its observation is at least as new as WDTGAL, in the TGA and net-liquidity lines', () => {
    const p = panel();
    // Daily TGA from row 40 on: 650,000 + 1,000·t, each row publishing the balance of two business days before.
    const col = Float64Array.from({ length: N }, (_, t) => (t >= 40 ? 650_000 + 1_000 * t : NaN));
    const asOf = Int32Array.from({ length: N }, (_, t) => (t >= 40 ? cal[t - 2] : -1));
    const withDaily: Panel = { ...p, columns: { ...p.columns, DTS_TGA: col }, asOf: { ...p.asOf, DTS_TGA: asOf } };
    const w = watchList(withDaily, cal[69]);
    const tga = w.items.find((i) => i.key === 'tga')!;
    // Row 69: daily observation cal[67] (Wednesday 2025-12-03) ≥ the weekly one (the same Wednesday): daily wins.
    // 650,000 + 69,000 = 719,000. Row 49 (4 weeks back) also daily: 699,000; change +20,000.
    expect(tga).toMatchObject({ series: 'DTS_TGA', value: 719_000, change: 20_000, observed: cal[67] });
    expect(tga.title).toBe('Treasury General Account (daily statement)');
    // Net liquidity uses it too: 6,730,000 − 719,000 − 5,000 = 6,006,000; 13 weeks back (row 4,
    // before the daily series): 6,600,000 − 900,000 − 5,000 = 5,695,000 → +311,000.
    expect(w.items.find((i) => i.key === 'net_liquidity')).toMatchObject({ value: 6_006_000, change: 311_000 });
    // Before the daily series starts, the weekly TGA stands.
    expect(watchList(withDaily, cal[30]).items.find((i) => i.key === 'tga')).toMatchObject({ series: 'WDTGAL' });
  });
});
