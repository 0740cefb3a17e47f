import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../datasets/errors.ts';
import { assertUsable, loadDataset, loadDatasetAsync } from '../../datasets/load-dataset.ts';
import { buildPanel } from '../../datasets/panel.ts';
import { buildRoles, roleSegments, tbillReturns } from '../../datasets/roles.ts';
import { fredCsv, makeCalendar, makeSnapshot, priceCsv, SNAPSHOT } from '../builders.ts';
import { isoDay } from '../../datasets/day.ts';

const days = Array.from(makeCalendar('2024-01-01', 30), isoDay);

describe('loadDataset', () => {
  it('reports a missing required series naming the file it expected', () => {
    const dir = makeSnapshot({ 'prices/SPY.csv': priceCsv(days.map((d, i) => [d, 100 + i])) });
    const ds = loadDataset(dir, { macro: ['WALCL'], prices: ['SPY'] });
    expect(ds.issues).toMatchObject([{ severity: 'error', code: 'series-missing', series: 'WALCL', file: join(dir, 'fred', 'WALCL.csv') }]);
    expect(() => assertUsable(ds)).toThrow(/WALCL/);
  });

  it('turns a bad file into an error naming file and line, and keeps going with the rest', () => {
    const dir = makeSnapshot({
      'fred/WALCL.csv': fredCsv('WALCL', [
        ['2024-01-03', '1'],
        ['2024-01-10', 'x'],
      ]),
      'prices/SPY.csv': priceCsv(days.map((d, i) => [d, 100 + i])),
    });
    const ds = loadDataset(dir, { macro: ['WALCL'], prices: ['SPY'] });
    expect(ds.issues).toMatchObject([{ severity: 'error', code: 'bad-number', file: join(dir, 'fred', 'WALCL.csv'), line: 3 }]);
    expect(ds.prices.has('SPY')).toBe(true);
    let err: unknown;
    try {
      assertUsable(ds);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).describe()).toContain('WALCL.csv:3');
  });

  it('reports an unreadable file as an error naming it', () => {
    const dir = makeSnapshot({ 'prices/SPY.csv': priceCsv(days.map((d, i) => [d, 100 + i])) });
    mkdirSync(join(dir, 'fred', 'WALCL.csv')); // a directory where the file should be: reading it fails
    const ds = loadDataset(dir, { macro: ['WALCL'], prices: ['SPY'] });
    expect(ds.issues).toMatchObject([{ severity: 'error', code: 'file-unreadable', series: 'WALCL', file: join(dir, 'fred', 'WALCL.csv') }]);
    expect(ds.issues[0].message).toMatch(/cannot read: EISDIR/);
  });

  it('warns about a series that ends long before the others, naming it and its last date', () => {
    const dir = makeSnapshot({
      'prices/SPY.csv': priceCsv(days.map((d, i) => [d, 100 + i])),
      'prices/IWM.csv': priceCsv(days.slice(0, 10).map((d, i) => [d, 50 + i])),
    });
    const ds = loadDataset(dir, { macro: [], prices: ['SPY', 'IWM'] });
    const stale = ds.issues.filter((i) => i.code === 'stale');
    expect(stale).toHaveLength(1);
    expect(stale[0].series).toBe('IWM');
    expect(stale[0].message).toContain(days[9]);
  });

  it('warns about a long gap in a series, naming it, its file and the dates', () => {
    // Weekly WALCL with one missing month: 2024-01-03 to 2024-02-07 is 35 days (> 15 tolerated).
    const walcl = fredCsv('WALCL', [
      ['2023-12-27', '1'],
      ['2024-01-03', '2'],
      ['2024-02-07', '3'],
      ['2024-02-14', '4'],
    ]);
    const dir = makeSnapshot({ 'fred/WALCL.csv': walcl, 'prices/SPY.csv': priceCsv(days.map((d, i) => [d, 100 + i])) });
    const ds = loadDataset(dir, { macro: ['WALCL'], prices: ['SPY'] });
    const gaps = ds.issues.filter((i) => i.code === 'gap');
    expect(gaps).toMatchObject([{ severity: 'warning', series: 'WALCL', file: join(dir, 'fred', 'WALCL.csv') }]);
    expect(gaps[0].message).toBe('longest gap 35 days, 2024-01-03 to 2024-02-07');
  });

  it('names the valid ids when asked for an unknown one', () => {
    expect(() => loadDataset(makeSnapshot({}), { macro: ['NOPE'] })).toThrow(/unknown series "NOPE".*/);
  });

  it('says how to get data when the directory does not exist', () => {
    expect(() => loadDataset('/nonexistent/quadrant')).toThrow(/data directory not found/);
  });
});

describe('the real snapshot', () => {
  const ds = loadDataset(SNAPSHOT);
  const panel = buildPanel(ds);

  it('loads every required catalog series without errors', () => {
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ds.notes).toContain('DFF continued by EFFR from 2026-07-23');
  });

  it('shows the H.4.1 reserves on a Thursday only from the week before (released after the close)', () => {
    const thursday = panel.calendar.indexOf(Date.UTC(2026, 0, 15) / 86_400_000);
    expect(isoDay(panel.asOf.WRESBAL[thursday])).toBe('2026-01-07');
    expect(isoDay(panel.asOf.WRESBAL[thursday + 1])).toBe('2026-01-14');
  });

  it('chains roles across fall-backs and ends in the T-bill account', () => {
    const roles = buildRoles(panel);
    const segments = roleSegments(panel, roles).filter((s) => s.role === 'us_small');
    expect(segments.map((s) => s.instrument)).toEqual(['RUT', 'IWM']);
    // SPY's 2022 total return from adjusted closes: −18.2% (PROVENANCE.md spot check).
    const cal = panel.calendar;
    let g = 1;
    const spy = roles.get('us_large')!;
    for (let t = 1; t < cal.length; t++) if (isoDay(cal[t]).startsWith('2022')) g *= 1 + spy.returns[t];
    expect(g - 1).toBeCloseTo(-0.182, 3);
    // T-bills in 2024 earned about 5.2% (BIL's 2024 total return in PROVENANCE.md).
    const tb = tbillReturns(panel);
    let c = 1;
    for (let t = 1; t < cal.length; t++) if (isoDay(cal[t]).startsWith('2024')) c *= 1 + tb[t];
    expect(c - 1).toBeGreaterThan(0.05);
    expect(c - 1).toBeLessThan(0.056);
  });
});

describe('loadDatasetAsync', () => {
  it('gives what loadDataset gives: series, issues and notes', async () => {
    const dir = makeSnapshot({
      'fred/WALCL.csv': fredCsv('WALCL', [
        ['2024-01-03', '1'],
        ['2024-01-10', 'x'],
      ]),
      'prices/SPY.csv': priceCsv(days.map((d, i) => [d, 100 + i])),
      'prices/IWM.csv': priceCsv(days.slice(0, 10).map((d, i) => [d, 50 + i])),
    });
    const sync = loadDataset(dir);
    const async = await loadDatasetAsync(dir);
    expect(async.issues).toEqual(sync.issues);
    expect(async.notes).toEqual(sync.notes);
    expect([...async.prices.keys()]).toEqual([...sync.prices.keys()]);
    expect(Array.from(async.prices.get('IWM')!.values)).toEqual(Array.from(sync.prices.get('IWM')!.values));
    // The missing required series and the bad number are both reported, as by loadDataset.
    expect(async.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(expect.arrayContaining(['bad-number', 'series-missing']));
  });
});
