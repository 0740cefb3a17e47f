import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Panel } from '../../../datasets/panel.ts';
import { flattenParameters, groupParameters, sha256File } from '../../../reports/sections/appendix-section.ts';
import { liquiditySection } from '../../../reports/sections/liquidity-section.ts';
import { headlineFrom, navOver, performanceSection } from '../../../reports/sections/performance-section.ts';
import { formatForUnit, statisticText } from '../../../reports/sections/scorecard-section.ts';
import { robustnessSection } from '../../../reports/sections/robustness-section.ts';
import type { TableBlock } from '../../../reports/model.ts';
import { makeCalendar } from '../../builders.ts';

/** A panel with the six liquidity columns: simple ramps, every value observed the day it shows. */
function liquidityPanel(n: number): Panel {
  const calendar = makeCalendar('2024-01-01', n);
  const ramp = (a: number, b: number) => Float64Array.from({ length: n }, (_, i) => a + b * i);
  const columns = {
    WALCL: ramp(7_000_000, 1_000),
    WRESBAL: ramp(3_100_000, -500),
    WDTGAL: ramp(700_000, 200),
    RRPONTSYD: ramp(500, -1),
    DFF: ramp(5, 0),
    DGS2: ramp(4, 0.001),
  };
  const asOf = Object.fromEntries(Object.keys(columns).map((k) => [k, Int32Array.from(calendar)]));
  return { calendar, columns, asOf, open: {} };
}

function table(blocks: { kind: string }[], id: string): TableBlock {
  return blocks.find((b) => b.kind === 'table' && (b as TableBlock).id === id) as TableBlock;
}

describe('liquiditySection', () => {
  it('shows the latest values in trillions and their 13-week change (worked by hand)', () => {
    const panel = liquidityPanel(100);
    const latest = table(liquiditySection(panel).blocks, 'liquidity-latest');
    const row = (key: string) => latest.rows.find((r) => r.key === key)!.cells;
    // Day 99: WALCL 7,000,000 + 99,000 = 7,099,000 million = 7.099 tn; 65 days earlier it was 65,000 lower.
    expect(row('WALCL')[1]).toBeCloseTo(7.099, 12);
    expect(row('WALCL')[4]).toBeCloseTo(0.065, 12);
    // Net liquidity: 7,099,000 − (700,000 + 19,800) − 1000 × (500 − 99) = 5,978,200 million.
    expect(row('NETLIQ')[1]).toBeCloseTo(5.9782, 12);
    // Reverse repo: 401 bn = 0.401 tn; the rates in percent.
    expect(row('RRPONTSYD')[1]).toBeCloseTo(0.401, 12);
    expect(row('DGS2')[1]).toBeCloseTo(4.099, 12);
    expect(row('WALCL')[3]).toBe('2024-05-17');
  });

  it('draws four charts, the reserves chart with the $3T rule', () => {
    const blocks = liquiditySection(liquidityPanel(100)).blocks;
    expect(blocks.filter((b) => b.kind === 'chart').map((b) => (b as { id: string }).id)).toEqual([
      'liquidity-balance-sheet',
      'liquidity-reserves',
      'liquidity-tga-rrp',
      'liquidity-rates',
    ]);
    const reserves = JSON.stringify(blocks.find((b) => b.kind === 'chart' && b.id === 'liquidity-reserves'));
    expect(reserves).toContain('"v":3,"label":"$3 trillion"');
  });

  it('as of day t, depends on nothing after t (poisoned future)', () => {
    const panel = liquidityPanel(150);
    fc.assert(
      fc.property(fc.integer({ min: 70, max: 148 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }), (t, junk) => {
        const before = JSON.stringify(liquiditySection(panel, { to: t }));
        const poisoned: Panel = {
          ...panel,
          columns: Object.fromEntries(Object.entries(panel.columns).map(([k, v]) => [k, v.map((x, i) => (i > t ? junk : x))])),
        };
        expect(JSON.stringify(liquiditySection(poisoned, { to: t }))).toBe(before);
      }),
      { numRuns: 15 },
    );
  });
});

describe('performanceSection', () => {
  const calendar = makeCalendar('2021-12-27', 300); // from the last week of 2021 into 2023
  const returns = Float64Array.from({ length: 300 }, (_, i) => (i === 0 ? 0 : 0.001 * Math.sin(i)));
  const cash = new Float64Array(300);

  it('compounds calendar-year returns like a naive product by year', () => {
    const section = performanceSection({ calendar, portfolios: [{ key: 'a', label: 'A', returns }], riskFree: cash });
    const years = table(section.blocks, 'perf-years');
    // Naive: multiply (1 + r) over the days whose date falls in each year (day i's return belongs to days[i]'s year).
    const naive = new Map<number, number>();
    for (let i = 1; i < 300; i++) {
      const y = new Date(calendar[i] * 86_400_000).getUTCFullYear();
      naive.set(y, (naive.get(y) ?? 1) * (1 + returns[i]));
    }
    expect(years.rows.map((r) => r.key)).toEqual(['2021', '2022', '2023']);
    for (const r of years.rows) expect(r.cells[1] as number).toBeCloseTo(naive.get(Number(r.key))! - 1, 12);
    expect(years.rows[0].cells[0]).toBe('2021 (part)');
  });

  it('headline CAGR of a constant 0.1% a day is 1.001^252 − 1 a year', () => {
    const flat = Float64Array.from({ length: 300 }, (_, i) => (i === 0 ? 0 : 0.001));
    const hl = headlineFrom({ calendar, portfolios: [{ key: 's', label: 'S', returns: flat }], riskFree: cash });
    expect(hl.metrics.map((m) => m.key)).toEqual(['cagr', 'volatility', 'sharpe', 'maxDrawdown']);
    expect(hl.portfolios[0].values[0]).toBeCloseTo(1.001 ** 252 - 1, 10);
    // No drawdown at all.
    expect(hl.portfolios[0].values[3]).toBe(0);
  });

  it('navOver starts at 1 and compounds', () => {
    expect(Array.from(navOver(Float64Array.of(9, 0.1, -0.5, 1), 0, 3))).toEqual([1, 1.1, 0.55, 1.1]);
  });

  it('up to day t, depends on no return after t (poisoned future)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 260, max: 298 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (t, junk) => {
        const input = { calendar, portfolios: [{ key: 'a', label: 'A', returns }], riskFree: cash, to: t };
        const before = JSON.stringify(performanceSection(input));
        const poisoned = returns.map((x, i) => (i > t ? junk : x));
        expect(JSON.stringify(performanceSection({ ...input, portfolios: [{ key: 'a', label: 'A', returns: poisoned }] }))).toBe(before);
      }),
      { numRuns: 8 },
    );
  });
});

describe('appendix helpers', () => {
  it('flattens parameters into dotted keys', () => {
    expect(flattenParameters({ a: 1, b: { c: 'x', d: [1, 2] }, e: [{ f: true }], g: null }, 'p')).toEqual([
      { key: 'p.a', value: '1' },
      { key: 'p.b.c', value: 'x' },
      { key: 'p.b.d', value: '1, 2' },
      { key: 'p.e[0].f', value: 'true' },
      { key: 'p.g', value: 'null' },
    ]);
  });

  it('groups the short leaves of one parameter path into one row, by hand', () => {
    const entries = [
      { key: 'data.dir', value: '/data' },
      { key: 'regime.c.reserves.weight', value: '0.25' },
      { key: 'regime.c.reserves.method', value: 'sign' },
      { key: 'regime.c.reserves.note', value: 'a value longer than twenty-four characters' },
      { key: 'regime.c.reserves.deadBand', value: '100000' },
      { key: 'regime.c.rate.weight', value: '1' },
      { key: 'regime.c.rate.method', value: 'sign' },
      { key: 'episodes', value: '2022' },
    ];
    expect(groupParameters(entries)).toEqual([
      { key: 'data.dir', value: '/data' },
      { key: 'regime.c.reserves', value: 'weight: 0.25 · method: sign · deadBand: 100000' },
      { key: 'regime.c.reserves.note', value: 'a value longer than twenty-four characters' },
      // Two leaves are fewer than the three a row needs.
      { key: 'regime.c.rate.weight', value: '1' },
      { key: 'regime.c.rate.method', value: 'sign' },
      { key: 'episodes', value: '2022' },
    ]);
  });

  it('keeps every parameter once when grouping (expanding the rows gives the input back, as a set)', () => {
    const leaf = fc.constantFrom('a', 'b', 'c', 'd');
    const entry = fc.record({
      key: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((p) => p.join('.')),
      value: fc.string({ unit: fc.constantFrom('x', '1', ' '), maxLength: 30 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.key, maxLength: 30 }), (entries) => {
        const expanded = groupParameters(entries).flatMap((row) => {
          const original = entries.find((e) => e.key === row.key && e.value === row.value);
          if (original) return [`${row.key}=${row.value}`];
          return row.value.split(' · ').map((part) => {
            const at = part.indexOf(': ');
            return `${row.key}.${part.slice(0, at)}=${part.slice(at + 2)}`;
          });
        });
        expect(expanded.sort()).toEqual(entries.map((e) => `${e.key}=${e.value}`).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('hashes file bytes with sha256 (the FIPS 180-2 example "abc")', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'quadrant-sha-')), 'abc.txt');
    writeFileSync(file, 'abc');
    expect(sha256File(file)).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
    expect(createHash('sha256').update('abc').digest('hex')).toBe(sha256File(file).sha256);
  });
});

describe('scorecard and robustness helpers', () => {
  it('formats a statistic by its unit', () => {
    expect(formatForUnit('annualised return (fraction per year)')).toEqual({ style: 'percent', digits: 1 });
    expect(formatForUnit('cuts')).toEqual({ style: 'number', digits: 0 });
    expect(formatForUnit('parts passed of 3')).toEqual({ style: 'number', digits: 0 });
    expect(formatForUnit('ratio')).toEqual({ style: 'number', digits: 2 });
    // Counts carry their unit in the scorecard's statistic cell (a bare "2" says nothing).
    expect(statisticText('parts passed of 3', 2, formatForUnit('parts passed of 3'))).toBe('2 of 3 parts');
    expect(statisticText('cuts', 0, formatForUnit('cuts'))).toBe('0 cuts');
    expect(statisticText('cuts', 1, formatForUnit('cuts'))).toBe('1 cut');
  });

  it('builds robustness figures and the sensitivity heatmap from plain numbers', () => {
    const section = robustnessSection({
      deflatedSharpe: { probability: 0.91, trials: 48 },
      pbo: { probability: 0.22, splits: 16 },
      permutation: { pValue: 0.031, permutations: 1000 },
      sensitivity: {
        metric: 'Sharpe',
        format: { style: 'number', digits: 2 },
        rowTitle: 'window',
        columnTitle: 'confirm',
        rows: ['13w', '26w'],
        columns: ['5d', '10d'],
        values: [
          [0.4, 0.5],
          [0.3, null],
        ],
      },
    });
    const metrics = section.blocks[0];
    expect(metrics.kind === 'metrics' && metrics.items.map((m) => [m.id, m.value])).toEqual([
      ['deflated-sharpe', 0.91],
      ['pbo', 0.22],
      ['permutation-p', 0.031],
    ]);
    expect(section.blocks.some((b) => b.kind === 'chart' && b.id === 'sensitivity')).toBe(true);
  });
});
