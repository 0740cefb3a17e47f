import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../datasets/errors.ts';
import { buildReportFromRun, runOnCalendar, runReturnsOnCalendar } from '../../../reports/sections/from-run.ts';
import { loadDemoInputs, type DemoInputs } from '../../../reports/sections/demo-model.ts';
import { readRunBundle, type RunBundle } from '../../../engine/run-bundle/index.ts';
import { runHeadline, runPerformanceSection } from '../../../reports/sections/run-performance.ts';
import { presentSections, type ChartBlock, type ReportModel, type TableBlock } from '../../../reports/model.ts';
import { SNAPSHOT } from '../../builders.ts';
import { writeBundle } from './run-bundle-fixture.ts';

const bundleWith = (overrides: Parameters<typeof writeBundle>[1] = {}): RunBundle =>
  readRunBundle(writeBundle(mkdtempSync(join(tmpdir(), 'quadrant-from-run-')), overrides));

function table(blocks: readonly { kind: string }[], id: string): TableBlock {
  const t = blocks.find((b): b is TableBlock => b.kind === 'table' && (b as TableBlock).id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

describe('a run on the calendar', () => {
  it('places run days by exact day and counts the ones the calendar lacks', () => {
    // By hand: day 3 is calendar index 1, day 5 index 3, day 6 is missing, day 9 index 4.
    const place = runOnCalendar(Int32Array.from([3, 5, 6, 9]), Int32Array.from([1, 3, 4, 5, 9]));
    expect([...place.index]).toEqual([1, 3, -1, 4]);
    expect(place.unmatched).toBe(1);
    const r = runReturnsOnCalendar(Float64Array.from([1, 1.1, 0.99, 1.089]), place, 5);
    // Day 5: 1.1 / 1 − 1; day 9: 1.089 / 0.99 − 1 (both 0.1); no return before the run or on day 6.
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeNaN();
    expect(r[3]).toBeCloseTo(0.1, 14);
    expect(r[4]).toBeCloseTo(0.1, 14);
  });

  it('never lets a later NAV change an earlier return (poisoned future)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.nat(),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (navs, cut, poison) => {
          const n = navs.length;
          const t = cut % n;
          const days = Int32Array.from(navs.map((_, j) => 10 + 2 * j));
          const calendar = Int32Array.from({ length: 2 * n + 12 }, (_, i) => i);
          const place = runOnCalendar(days, calendar);
          const before = runReturnsOnCalendar(Float64Array.from(navs), place, calendar.length);
          const poisoned = Float64Array.from(navs.map((x, j) => (j > t ? x * poison : x)));
          const after = runReturnsOnCalendar(poisoned, place, calendar.length);
          // Calendar days up to run day t's index read only NAVs 0..t.
          for (let i = 0; i <= place.index[t]; i++) expect(Object.is(after[i], before[i])).toBe(true);
        },
      ),
    );
  });
});

describe('numbers straight from metrics.json', () => {
  it('puts each run in the headline with its metrics.json values (null where absent or NaN)', () => {
    const hl = runHeadline(bundleWith());
    expect(hl.portfolios.map((p) => [p.key, p.label, !!p.emphasis])).toEqual([
      ['article', 'article (strategy)', true],
      ['us-large', 'us-large', false],
    ]);
    expect(hl.metrics.map((m) => m.key)).toEqual(['cagr', 'volatility', 'sharpe', 'maxDrawdown', 'turnover', 'costDrag']);
    // The fixture: article volatility is null (a NaN), turnover and costDrag are not written at all.
    // Max drawdown is shown as the fall, negative; metrics.json holds the depth.
    expect(hl.portfolios[0].values).toEqual([0.1, null, 0.5, -0.2, null, null]);
    expect(hl.portfolios[1].values).toEqual([0.2, 0.15, 0.7, -0.3, null, null]);
    expect([hl.from, hl.to]).toEqual(['2024-01-02', '2024-01-04']);
  });

  it('fills the performance tables from metrics.json and keeps the charts of the NAVs', () => {
    const metrics = {
      strategy: 'article',
      lookAheadProne: false,
      from: '2024-01-02',
      to: '2024-01-04',
      runs: {
        article: {
          overall: { cagr: 0.1, maxDrawdownStart: '2024-01-03' },
          byYear: { '2024': { cagr: 0.21, years: 0.5 } },
          byQuadrant: { Q2: { cagr: -0.05, days: 2 } },
        },
        'us-large': { overall: { cagr: 0.2 }, byYear: { '2024': { cagr: null, years: 0.5 } }, byQuadrant: { Q2: { cagr: 0.3, days: 2 } } },
      },
    };
    const b = bundleWith({ 'metrics.json': JSON.stringify(metrics) });
    const section = runPerformanceSection(b, new Float64Array(b.days.length));
    const m = table(section.blocks, 'strategy-metrics');
    expect(m.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['article (strategy)', 0.1],
      ['us-large', 0.2],
    ]);
    expect(m.rows[0].cells[m.columns.findIndex((c) => c.key === 'maxDrawdownStart')]).toBe('2024-01-03');
    // (1 + 0.21)^0.5 − 1 = 1.1 − 1 = 0.1, by hand; January alone is part of 2024.
    const years = table(section.blocks, 'strategy-years');
    expect(years.rows).toHaveLength(1);
    expect(years.rows[0].cells[0]).toBe('2024 (part)');
    expect(years.rows[0].cells[1]).toBeCloseTo(0.1, 14);
    expect(years.rows[0].cells[2]).toBeNull();
    const q = table(section.blocks, 'strategy-quadrants');
    expect(q.rows.map((r) => r.cells)).toEqual([
      ['Q1', null, null, null],
      ['Q2', 2, -0.05, 0.3],
      ['Q3', null, null, null],
      ['Q4', null, null, null],
    ]);
    expect(section.blocks.filter((x) => x.kind === 'chart').map((x) => (x as { id: string }).id)).toEqual([
      'strategy-growth',
      'strategy-drawdown',
      'strategy-rolling-sharpe',
    ]);
  });

  it('draws a NAV that ends blank (a wiped-out run) up to its last value', () => {
    const b = bundleWith();
    const section = runPerformanceSection(b, new Float64Array(b.days.length));
    const growth = section.blocks.find((x) => x.kind === 'chart' && x.id === 'strategy-growth') as ChartBlock;
    const rows = (growth.spec as { layer: { data?: { values: { s: string; v: number }[] } }[] }).layer[0].data!.values.filter((r) => r.s === 'us-large');
    // The fixture's us-large NAV: 1, 0.9, blank; drawn as its first two points.
    expect(rows.map((r) => r.v)).toEqual([1, 0.9]);
  });
});

describe('buildReportFromRun on the real snapshot', () => {
  let inputs: DemoInputs;
  let model: ReportModel;
  let bundle: RunBundle;

  beforeAll(() => {
    inputs = loadDemoInputs(SNAPSHOT);
    // 2024-01-06 is a Saturday: a day this run has that the data's calendar lacks.
    bundle = bundleWith({
      'nav.csv': 'date,nav\n2024-01-02,1\n2024-01-03,1.1\n2024-01-06,1.2\n',
      'benchmarks.csv': 'date,article,us-large\n2024-01-02,1,1\n2024-01-03,1.1,0.9\n2024-01-06,1.2,0.95\n',
    });
    const check = { dataDir: SNAPSHOT, matched: [], changed: ['fred/WALCL.csv'], missing: [] };
    model = buildReportFromRun(bundle, inputs, { createdAt: '2026-09-15T00:00:00Z', dataCheck: check, episodes: ['2024-01'] });
  });

  it('warns in the summary that the data changed and that a run day is missing', () => {
    const notes = model.sections.summary!.blocks.filter((b) => b.kind === 'note').map((b) => (b as { text: string }).text);
    expect(notes[0]).toMatch(/^The data changed since the run: fred\/WALCL\.csv in .* differ from the checksums in manifest\.json\./);
    expect(notes[1]).toBe(
      "1 of the run's 3 days are not trading days of the data now read: the strategy's returns by regime and in the episodes leave them out.",
    );
  });

  it('draws every section from the bundle and the data, the numbers from metrics.json', () => {
    expect(presentSections(model).map(([id]) => id)).toEqual([
      'summary',
      'regime-timeline',
      'liquidity',
      'performance',
      'regime-heatmap',
      'scorecard',
      'episodes',
      'appendix',
    ]);
    expect(model.headline).toEqual(runHeadline(bundle));
    expect(model.config.find((c) => c.key === 'Strategy')?.value).toBe('article: a → b');
    const params = table(model.sections.appendix!.blocks, 'appendix-parameters').rows.map((r) => r.cells);
    expect(params).toContainEqual(['run.dataChecksums', '0 of 1 match; changed: fred/WALCL.csv; missing: none']);
    expect(params).toContainEqual(['episodes', '2024-01']);
    // The strategy's row in the per-regime statistics counts its one matched return day (2024-01-03).
    const stats = table(model.sections['regime-heatmap']!.blocks, 'regime-stats').rows.filter((r) => r.cells[0] === 'article (strategy)');
    expect(stats.reduce((s, r) => s + (r.cells[2] as number), 0)).toBe(1);
  });

  it('refuses an episode outside the data, naming the field', () => {
    let error: unknown;
    try {
      buildReportFromRun(bundle, inputs, { episodes: ['1990'] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).details.field).toBe('episodes');
    expect((error as ConfigError).message).toBe('episode "1990" has no trading day in the data');
  });
});
