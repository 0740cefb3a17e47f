import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../datasets/errors.ts';
import { binValues } from '../../../reports/charts/histogram.ts';
import { ROLE_COLOURS } from '../../../reports/charts/palette.ts';
import type { ChartBlock, ReportBlock, TableBlock } from '../../../reports/model.ts';
import { readRunBundle } from '../../../engine/run-bundle/index.ts';
import { runTearsheetBlocks } from '../../../reports/sections/run-tearsheet.ts';
import { readRunWeights } from '../../../reports/sections/run-weights.ts';
import { writeBundle } from './run-bundle-fixture.ts';

const against = (alpha: number) => ({ alpha, beta: 0.5, trackingError: 0.1, informationRatio: -0.2, upCapture: 0.4, downCapture: 0.8, days: 2 });
const sheet = (extra: object) => ({
  monthlyReturns: [{ year: 2024, month: 1, return: 0.012 }],
  yearlyReturns: [{ year: 2024, return: 0.012 }],
  bestMonth: { year: 2024, month: 1, return: 0.012 },
  worstMonth: { year: 2024, month: 1, return: 0.012 },
  bestYear: { year: 2024, return: 0.012 },
  worstYear: { year: 2024, return: 0.012 },
  worstDrawdowns: [{ depth: 0.25, start: '2024-01-03', trough: '2024-01-04', recovery: null, lengthDays: 1 }],
  valueAtRisk95: -0.03,
  conditionalValueAtRisk95: -0.04,
  trailingReturns: { '1y': null, '3y': null, '5y': null, '10y': null },
  ...extra,
});

function bundle(withSheets = true) {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-tearsheet-'));
  const metrics = {
    strategy: 'article',
    lookAheadProne: false,
    from: '2024-01-02',
    to: '2024-01-04',
    runs: {
      article: { overall: { cagr: 0.1 }, byYear: {}, byQuadrant: {}, ...(withSheets ? { tearsheet: sheet({ against: { 'us-large': against(0.07) } }) } : {}) },
      'us-large': { overall: { cagr: 0.2 }, byYear: {}, byQuadrant: {}, ...(withSheets ? { tearsheet: sheet({ against: { 'us-large': against(0) } }) } : {}) },
    },
  };
  writeBundle(dir, { 'metrics.json': JSON.stringify(metrics) });
  return readRunBundle(dir);
}

const table = (blocks: ReportBlock[], id: string) => blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === id)!;
const chart = (blocks: ReportBlock[], id: string) => blocks.find((b): b is ChartBlock => b.kind === 'chart' && b.id === id);

describe('the tearsheet of a run report', () => {
  it('takes every table number from metrics.json, drawdowns as negative falls', () => {
    const blocks = runTearsheetBlocks(bundle(), undefined);
    const dd = table(blocks, 'strategy-worst-drawdowns');
    // metrics.json depth 0.25 (a fall from the peak) is shown as −25%, the sign of the drawdown chart.
    expect(dd.rows[0].cells).toEqual([1, -0.25, '2024-01-03', '2024-01-04', 'not yet', 1]);
    // us-large is not compared with itself.
    const rel = table(blocks, 'strategy-against-us-large');
    expect(rel.rows.map((r) => r.cells)).toEqual([['article (strategy)', 0.07, 0.5, -0.2, 0.1, 0.4, 0.8]]);
    const risk = table(blocks, 'strategy-risk');
    expect(risk.rows[0].cells).toEqual(['article (strategy)', -0.03, -0.04, '+1.2% (Jan 2024)', '+1.2% (Jan 2024)', '+1.2% (2024)', '+1.2% (2024)']);
    expect(table(blocks, 'strategy-trailing').rows[1].cells).toEqual(['us-large', null, null, null, null]);
  });

  it('lays the monthly returns out as years × months with the year last', () => {
    const heat = chart(runTearsheetBlocks(bundle(), undefined), 'strategy-monthly-returns')!;
    const cells = (heat.spec as unknown as { data: { values: { r: string; c: string; v: number | null; text: string }[] } }).data.values;
    expect(cells).toHaveLength(13);
    expect(cells.find((c) => c.c === 'Jan')).toMatchObject({ r: '2024', v: 0.012, text: '+1.2%' });
    expect(cells.find((c) => c.c === 'Feb')!.v).toBeNull();
    expect(cells.find((c) => c.c === 'Year')!.v).toBe(0.012);
  });

  it('says so, instead of drawing tables, for a run written before tearsheets', () => {
    const blocks = runTearsheetBlocks(bundle(false), undefined);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ kind: 'note', tone: 'info' });
  });

  it("draws weights.csv as stacked areas in each role's own colour, leaving out roles never held", () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-weights-'));
    writeFileSync(join(dir, 'weights.csv'), 'date,us_large,gold,cash,financing,turnover,costs\n2024-01-02,0.5,0,0.5,0,1,0\n2024-01-03,0.25,0,0.75,0,0.5,0\n');
    const w = readRunWeights(dir)!;
    expect(w.roles).toEqual(['us_large', 'gold', 'cash']);
    expect(Array.from(w.weights[2])).toEqual([0.5, 0.75]);
    const spec = chart(runTearsheetBlocks(bundle(), w), 'strategy-weights')!.spec as unknown as {
      layer: { encoding?: { color?: { scale: { domain: string[]; range: string[] } } } }[];
    };
    expect(spec.layer[0].encoding!.color!.scale).toEqual({ domain: ['US large caps', 'Cash (T-bills)'], range: [ROLE_COLOURS.us_large, ROLE_COLOURS.cash] });
  });

  it('refuses a bad weights.csv with the file and line, and reads a run without one as none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-weights-'));
    expect(readRunWeights(dir)).toBeUndefined();
    writeFileSync(join(dir, 'weights.csv'), 'date,us_large\n2024-01-02,0.5\n2024-01-03,abc\n');
    let error: unknown;
    try {
      readRunWeights(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain('bad weight "abc" for us_large');
    expect(JSON.stringify(error)).toContain('"line":3');
  });
});

describe('binValues', () => {
  it('counts by hand, with values beyond the range in the end bins', () => {
    // Bins of 0.5 over [−1, 1): [−1, −0.5), [−0.5, 0), [0, 0.5), [0.5, 1].
    const h = binValues(Float64Array.of(-2, -0.75, -0.1, 0, 0.2, 0.49, 0.5, 1, 3, NaN), -1, 1, 4);
    expect(h.counts).toEqual([2, 1, 3, 3]);
    expect([h.below, h.above, h.total]).toEqual([1, 1, 9]);
    expect(h.width).toBe(0.5);
  });
});
