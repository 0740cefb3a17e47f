import { describe, it, expect } from 'vitest';
import { attachTearsheets, replay, resultMetrics, resultMetricsToJson, type BacktestResult } from '../../../engine/backtest/index.ts';
import type { TearsheetRecord } from '../../../engine/metrics/index.ts';
import { makeMarket, makePlan } from './builders.ts';

// us_large and treasuries with hand-picked returns over 6 days; cash 1 bp a day; no costs.
const returns = [
  [0, 0, 0],
  [0.01, 0.002, 0.0001],
  [-0.02, 0.004, 0.0001],
  [0.03, -0.001, 0.0001],
  [-0.01, 0.003, 0.0001],
  [0.02, 0.001, 0.0001],
];
const market = makeMarket(returns);
const trigger = [1, 1, 1, 1, 1, 1];
const index = [0, 0, 0, 0, 0, 0];
const named = (name: string, r: BacktestResult): BacktestResult => Object.assign(Object.create(Object.getPrototypeOf(r)), r, { name });
const run = (row: number[]) => replay(market, makePlan([row], index, trigger), { execution: 'same-close', costs: { bps: 0 } });

describe('attachTearsheets', () => {
  it('compares every run with us-large and 60-40 and writes the tearsheet into metrics.json', () => {
    const results = [named('mine', run([1, 0, 0])), named('us-large', run([1, 0, 0])), named('60-40', run([0.6, 0.4, 0]))];
    const metrics = results.map((r) => resultMetrics(r, market));
    attachTearsheets(results, metrics, market);
    const json = resultMetricsToJson(metrics[0]) as { tearsheet: TearsheetRecord };
    const sheet = json.tearsheet;
    expect(Object.keys(sheet.against)).toEqual(['us-large', '60-40']);
    // "mine" holds exactly us_large: against it, beta 1, alpha 0, no tracking error, capture 1 (by definition).
    const self = sheet.against['us-large'];
    expect(self.beta).toBeCloseTo(1, 12);
    expect(self.alpha).toBeCloseTo(0, 12);
    expect(self.trackingError).toBeCloseTo(0, 12);
    expect(self.upCapture).toBeCloseTo(1, 12);
    expect(self.downCapture).toBeCloseTo(1, 12);
    expect(self.days).toBe(5);
    // By hand, numpy's linear percentile of the five returns sorted (−2%, −1%, 1%, 2%, 3%): position 0.05 × 4 = 0.2,
    // so VaR = −2% + 0.2 × 1 point = −1.8%; CVaR is the mean of the returns at or below it, the −2% day alone.
    expect(sheet.valueAtRisk95).toBeCloseTo(-0.018, 12);
    expect(sheet.conditionalValueAtRisk95).toBeCloseTo(-0.02, 12);
    // One calendar month, compounded by hand.
    expect(sheet.monthlyReturns).toHaveLength(1);
    expect(sheet.monthlyReturns[0].return).toBeCloseTo(1.01 * 0.98 * 1.03 * 0.99 * 1.02 - 1, 12);
    // Beta of us_large on a daily-rebalanced 60/40 by hand: cov(b, 0.6b + 0.4t) / var(0.6b + 0.4t) over excess returns.
    const b = returns.slice(1).map((r) => r[0] - r[2]);
    const p = returns.slice(1).map((r) => 0.6 * r[0] + 0.4 * r[1] - r[2]);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const mb = mean(b);
    const mp = mean(p);
    const cov = b.reduce((a, x, i) => a + (x - mb) * (p[i] - mp), 0);
    const varP = p.reduce((a, x) => a + (x - mp) ** 2, 0);
    expect(sheet.against['60-40'].beta).toBeCloseTo(cov / varP, 10);
  });

  it('leaves a run with no us-large or 60-40 among the results without relative figures', () => {
    const results = [named('mine', run([1, 0, 0]))];
    const metrics = results.map((r) => resultMetrics(r, market));
    attachTearsheets(results, metrics, market);
    expect(metrics[0].tearsheet!.relative).toEqual([]);
    expect(Number.isNaN(metrics[0].tearsheet!.rolling.beta[5])).toBe(true);
  });

  it('stops a wiped-out run the day before, as its metrics do, and leaves out a reference with too few shared days', () => {
    const m = makeMarket([
      [0, 0, 0],
      [-0.3, 0, 0],
      [-0.3, 0, 0],
      [0.5, 0, 0],
    ]);
    const wiped = named('us-large', replay(m, makePlan([[1, 0, 0]], [0, 0, 0, 0], [0, 0, 0, 0]), { execution: 'same-close', leverage: 2, financingBps: 0 }));
    const plain = named('mine', replay(m, makePlan([[1, 0, 0]], [0, 0, 0, 0], [1, 1, 1, 1]), { execution: 'same-close' }));
    const results = [plain, wiped];
    const metrics = results.map((r) => resultMetrics(r, m));
    attachTearsheets(results, metrics, m);
    // The wiped-out run (2× leverage, never rebalanced): 1 → 0.4 → 0; its tearsheet covers days 0 and 1 only.
    expect(wiped.nav[2]).toBe(0);
    expect(metrics[1].tearsheet!.returns).toHaveLength(2);
    // "mine" shares one daily return with us-large (none after its wipe-out): too few to compare, so left out.
    expect(metrics[0].tearsheet!.relative).toEqual([]);
    expect(metrics[0].tearsheet!.returns).toHaveLength(4);
  });
});
