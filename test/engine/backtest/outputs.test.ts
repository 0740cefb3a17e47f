import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildManifest,
  dataChecksums,
  metricsToJson,
  navCsv,
  replay,
  resultMetrics,
  resultMetricsToJson,
  tradesCsv,
  tradesOf,
  weightsCsv,
} from '../../../engine/backtest/index.ts';
import { importDanfo } from '../../../engine/backtest/to-data-frame.ts';
import { QuadrantError } from '../../../datasets/errors.ts';
import { makeMarket, makePlan } from './builders.ts';

// us_large +1 %, −2 %, +3 %; treasuries flat; cash 1 bp a day. 100 % us_large, same-close, 10 bps.
const returns = [
  [0, 0, 0],
  [0.01, 0, 0.0001],
  [-0.02, 0, 0.0001],
  [0.03, 0, 0.0001],
];
const market = makeMarket(returns);
const result = replay(market, makePlan([[1, 0, 0]], [0, 0, 0, 0], [0, 0, 0, 0]), { execution: 'same-close', costs: { bps: 10, initialCapital: 1000 } });
const v0 = 0.999 / 1.001; // V' = 1 − 0.001 (V' + 1): buy V' of us_large, sell the 1 of cash

describe('result exports', () => {
  it('nav.csv is date,nav, one row per day', () => {
    const lines = navCsv(result).trimEnd().split('\n');
    expect(lines[0]).toBe('date,nav');
    expect(lines.length).toBe(5);
    expect(lines[1]).toBe(`2020-01-06,${v0}`);
    expect(lines[4].startsWith('2020-01-09,')).toBe(true);
  });

  it('weights.csv has one column per role, the financing share, turnover and costs', () => {
    const lines = weightsCsv(result).trimEnd().split('\n');
    expect(lines[0]).toBe('date,us_large,treasuries,cash,financing,turnover,costs');
    // Day 0: all in us_large after the fill; turnover ½ (V' + 1) / 1; costs 0.001 (V' + 1) / 1.
    expect(lines[1]).toBe(`2020-01-06,1,0,0,0,${0.5 * (v0 + 1)},${0.001 * (v0 + 1)}`);
  });

  it('trades list each order in currency', () => {
    const trades = tradesOf(result, market);
    expect(trades.map((t) => [t.role, Math.sign(t.amount)])).toEqual([
      ['us_large', 1],
      ['cash', -1],
    ]);
    expect(trades[0].amount).toBeCloseTo(v0, 15);
    expect(trades[0].cost).toBeCloseTo(0.001 * v0, 15);
    const lines = tradesCsv(result, market).trimEnd().split('\n');
    expect(lines[0]).toBe('date,role,instrument,side,amount,fraction,cost');
    expect(lines[2]).toBe('2020-01-06,cash,cash,sell,-1000,' + -1 / v0 + ',1');
  });

  it('manifest checksums are the files\' sha256 (NIST test vector for "abc")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-manifest-'));
    writeFileSync(join(dir, 'abc.csv'), 'abc');
    const sums = dataChecksums(dir, new Map([['ABC', join(dir, 'abc.csv')]]));
    expect(sums.ABC).toEqual({ file: 'abc.csv', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
    const m = buildManifest({ version: '9.9.9', dataDir: dir, files: new Map([['ABC', join(dir, 'abc.csv')]]), config: { strategy: 'x' }, results: [result] });
    expect(m.lookAheadProne).toBe(true);
    expect(m.runs[0].options.execution).toBe('same-close');
    expect(m.quadrant.version).toBe('9.9.9');
  });
});

describe('resultMetrics', () => {
  it('feeds the metrics the T-bill series, US large caps as benchmark, and the cost and turnover totals', () => {
    const labels = Uint8Array.from([1, 1, 3, 3]);
    const rm = resultMetrics(result, market, labels);
    // Independent: three daily returns of the NAV; CAGR = (nav3/nav0)^(252/3) − 1.
    expect(rm.overall.cagr).toBeCloseTo((result.nav[3] / result.nav[0]) ** (252 / 3) - 1, 9);
    // The portfolio IS us_large after day 0, so its beta and correlation to it are 1.
    expect(rm.overall.beta).toBeCloseTo(1, 12);
    expect(rm.overall.correlation).toBeCloseTo(1, 12);
    // Totals annualised over 3/252 years.
    expect(rm.overall.turnover).toBeCloseTo((0.5 * (v0 + 1) * 252) / 3, 9);
    expect(rm.overall.costDrag).toBeCloseTo((0.001 * (v0 + 1) * 252) / 3, 9);
    // Day i counts for the label of day i − 1: Q1 gets days 1 and 2, Q3 day 3.
    expect(rm.byQuadrant.get(1)!.days).toBe(2);
    expect(rm.byQuadrant.get(3)!.days).toBe(1);
    expect(rm.byQuadrant.get(2)!.days).toBe(0);
    const json = resultMetricsToJson(rm) as { byQuadrant: Record<string, Record<string, unknown>>; overall: Record<string, unknown> };
    expect(json.byQuadrant.Q2.cagr).toBeNull();
    expect(json.overall.maxDrawdownTrough).toBe('2020-01-08');
    expect(metricsToJson(rm.overall).maxDrawdownStart).toBe('2020-01-07');
  });
});

describe('toDataFrame', () => {
  it('gives researchers one row per day with nav, weights and costs', async () => {
    const df = await result.toDataFrame();
    expect(df.shape).toEqual([4, 13]);
    expect(df.columns.slice(0, 5)).toEqual(['date', 'nav', 'w_us_large', 'w_treasuries', 'w_cash']);
    expect(df['nav'].values[3]).toBe(result.nav[3]);
  });

  it('says how to install danfojs-node, an optional peer dependency, when it is missing', async () => {
    const err = await importDanfo('danfojs-node-not-installed').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuadrantError);
    expect((err as QuadrantError).code).toBe('missing-dependency');
    expect((err as QuadrantError).describe()).toMatch(/toDataFrame\(\) needs danfojs-node-not-installed.*npm install danfojs-node@1\.2\.0.*"xlsx": "0\.18\.5"/);
  });
});

describe('metrics after a wipe-out', () => {
  it('stop the day before the NAV reached 0', () => {
    const rs = [
      [0, 0, 0],
      [-0.3, 0, 0],
      [-0.3, 0, 0],
      [0.5, 0, 0],
    ];
    const m = makeMarket(rs);
    const r = replay(m, makePlan([[1, 0, 0]], [0, 0, 0, 0], [0, 0, 0, 0]), { execution: 'same-close', leverage: 2, financingBps: 0 });
    const rm = resultMetrics(r, m);
    // Days 0 and 1 only: one return, 1 → 0.4.
    expect(rm.overall.days).toBe(1);
    expect(rm.overall.maxDrawdown).toBeCloseTo(0.6, 12);
  });
});
