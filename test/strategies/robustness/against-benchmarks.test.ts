import { describe, it, expect } from 'vitest';
import { isoDay } from '../../../datasets/day.ts';
import { marketFromRoles } from '../../../engine/backtest/market.ts';
import { computeMetrics } from '../../../engine/metrics/compute-metrics.ts';
import { computeRegimes, parseRegimeConfig } from '../../../engine/regimes/index.ts';
import { deflatedSharpe } from '../../../engine/stats/deflated-sharpe.ts';
import { kurtosis } from '../../../engine/stats/kurtosis.ts';
import { sharpeDifference } from '../../../engine/stats/sharpe-difference.ts';
import { skewness } from '../../../engine/stats/skewness.ts';
import { spaTest } from '../../../engine/stats/spa-test.ts';
import { standardDeviation } from '../../../engine/stats/standard-deviation.ts';
import { ARTICLE_PLAYBOOK, articleStrategy, articleUnconditionalStrategy } from '../../../strategies/article.ts';
import { blockShuffleLabels } from '../../../strategies/block-shuffle.ts';
import { randomRegime } from '../../../strategies/benchmarks.ts';
import type { CostAssumption } from '../../../strategies/cost-assumption.ts';
import { runStrategy } from '../../../strategies/run-strategy.ts';
import { defineStrategy, type Strategy } from '../../../strategies/step.ts';
import { againstBenchmarks, randomRegimeDistribution, simpleBenchmarks } from '../../../strategies/robustness/index.ts';
import { SHORT_WINDOWS, syntheticWorld } from './synthetic-inputs.ts';

// 1,400 weekdays from 2004: the 2008 crisis episode of the catalog falls inside.
const { panel, roles } = syntheticWorld(11, 1400);
const market = marketFromRoles(panel, roles);
const regimes = computeRegimes(panel, parseRegimeConfig(SHORT_WINDOWS, 'test'));
const labels = regimes.labels;
const start = regimes.firstLabelled;
const end = panel.calendar.length - 1;
const assumption: CostAssumption = { costBps: 10, execution: 'next-close' };
const SHUFFLES = 20;
const SEED = 7;
const a = againstBenchmarks(market, labels, { start, assumption, shuffles: SHUFFLES, seed: SEED, reps: 200, trials: 12 });

/** The slow, independent route: the strategy compiled by runStrategy, then computeMetrics. */
function direct(s: Strategy, a: CostAssumption, l = labels) {
  const r = runStrategy(s, { market, labels: l }, { start, end, costs: { bps: a.costBps }, execution: a.execution });
  const rf = market.cashReturns.slice(start, end + 1);
  const excess = new Float64Array(r.nav.length - 1);
  for (let i = 1; i < r.nav.length; i++) excess[i - 1] = r.nav[i] / r.nav[i - 1] - 1 - rf[i];
  return { nav: r.nav, excess, metrics: computeMetrics({ nav: r.nav, days: r.days, riskFree: rf }) };
}

describe('againstBenchmarks on a synthetic world', () => {
  const playbook = direct(articleStrategy(), assumption);

  it('the playbook and every benchmark match runStrategy under the same assumption', () => {
    expect(a.playbook.sharpe).toBeCloseTo(playbook.metrics.sharpe, 12);
    expect(a.playbook.maxDrawdown).toBeCloseTo(playbook.metrics.maxDrawdown, 12);
    expect(a.benchmarks.map((b) => b.name)).toEqual(['us-large', '60-40', 'equal-weight', 'risk-parity']);
    simpleBenchmarks().forEach((s, k) => {
      const d = direct(s, assumption);
      expect(a.benchmarks[k].cagr).toBeCloseTo(d.metrics.cagr, 12);
      const t = sharpeDifference(playbook.excess, d.excess);
      expect(a.benchmarks[k].test.difference).toBeCloseTo(t.difference * Math.sqrt(252), 12);
      expect(a.benchmarks[k].test.pValue).toBeCloseTo(t.pValue, 12);
    });
  });

  it('random regime: shuffle i is the random-regime benchmark with seed + i, and the band is the nearest-rank percentiles of all shuffles', () => {
    const inOrder = Array.from({ length: SHUFFLES }, (_, i) => direct(randomRegime(SEED + i), assumption).metrics.sharpe);
    // The kept distribution is each shuffle's Sharpe in seed order, to 4 decimals.
    a.randomRegime!.sharpes.forEach((x, i) => expect(Math.abs(x - inOrder[i])).toBeLessThanOrEqual(5e-5 + 1e-12));
    const sharpes = [...inOrder].sort((x, y) => x - y);
    // Nearest rank of 20 values: 5% → the 1st, 50% → the 10th, 95% → the 19th.
    expect(a.randomRegime!.sharpe.p05).toBeCloseTo(sharpes[0], 12);
    expect(a.randomRegime!.sharpe.median).toBeCloseTo(sharpes[9], 12);
    expect(a.randomRegime!.sharpe.p95).toBeCloseTo(sharpes[18], 12);
    const atLeast = sharpes.filter((s) => s >= playbook.metrics.sharpe - 1e-12).length;
    expect(a.randomRegime!.atLeast).toBe(atLeast);
    expect(a.randomRegime!.pValue).toBeCloseTo((1 + atLeast) / (SHUFFLES + 1), 12);
  });

  it('random regime shuffles the strategy the reference Sharpe comes from: the conditional playbook, or a strategy given', () => {
    // Independent route: the strategy with a block-shuffled label transform, through runStrategy.
    const shuffledRun = (s: Strategy, seed: number) =>
      direct(defineStrategy({ ...s, name: 'shuffled', labels: (l) => blockShuffleLabels(l, seed) }), assumption);
    const one = (options: Partial<Parameters<typeof randomRegimeDistribution>[2]>) =>
      randomRegimeDistribution(market, labels, { start, assumption, shuffles: 1, seed: SEED, ...options }).sharpe.median;
    const conditional = shuffledRun(articleStrategy(), SEED).metrics.sharpe;
    const unconditional = shuffledRun(articleUnconditionalStrategy(), SEED).metrics.sharpe;
    // The world has Q2 days with steady risk appetite, so the two playbooks differ and the check can fail.
    expect(Math.abs(conditional - unconditional)).toBeGreaterThan(1e-3);
    expect(one({})).toBeCloseTo(conditional, 12);
    expect(one({ table: ARTICLE_PLAYBOOK })).toBeCloseTo(unconditional, 12);
    const sixty = simpleBenchmarks()[1];
    expect(one({ strategy: sixty })).toBeCloseTo(shuffledRun(sixty, SEED).metrics.sharpe, 12);
  });

  it('the costs × execution grid is 15 replays of the playbook, each as runStrategy gives it', () => {
    expect(a.sensitivity).toHaveLength(15);
    for (const cell of [
      { costBps: 0, execution: 'next-open' as const },
      { costBps: 50, execution: 'lag-2' as const },
      { costBps: 20, execution: 'next-close' as const },
    ]) {
      const got = a.sensitivity.find((c) => c.costBps === cell.costBps && c.execution === cell.execution)!;
      const want = direct(articleStrategy(), cell).metrics;
      expect(got.sharpe).toBeCloseTo(want.sharpe, 12);
      expect(got.cagr).toBeCloseTo(want.cagr, 12);
      expect(got.maxDrawdown).toBeCloseTo(want.maxDrawdown, 12);
    }
    // More cost never helps.
    const nextClose = a.sensitivity.filter((c) => c.execution === 'next-close').map((c) => c.cagr);
    for (let i = 1; i < nextClose.length; i++) expect(nextClose[i]).toBeLessThan(nextClose[i - 1]);
  });

  it('the deflated Sharpe of the difference is that of the daily difference against the benchmark with the best Sharpe', () => {
    const best = a.benchmarks.reduce((x, y) => (y.sharpe > x.sharpe ? y : x));
    expect(a.deflatedDifference.against).toBe(best.name);
    const b = direct(simpleBenchmarks().find((s) => s.name === best.name)!, assumption);
    const diff = playbook.excess.map((x, i) => x - b.excess[i]);
    const mean = diff.reduce((s, x) => s + x, 0) / diff.length;
    const sd = Math.sqrt(diff.reduce((s, x) => s + (x - mean) ** 2, 0) / (diff.length - 1));
    const want = deflatedSharpe({ sharpe: mean / sd, trials: 12, n: diff.length, skew: skewness(diff), kurtosis: kurtosis(diff) });
    expect(a.deflatedDifference.probability).toBeCloseTo(want.dsr, 12);
    expect(a.deflatedDifference.trials).toBe(12);
  });

  it('episodes: the catalog episodes inside the window, with quadrant shares and compounded returns counted by hand', () => {
    const gfc = a.episodes.find((e) => e.id === 'gfc-2008')!;
    expect(gfc).toBeDefined();
    const cal = panel.calendar;
    let first = -1;
    let last = -1;
    for (let t = 0; t < cal.length; t++) {
      if (isoDay(cal[t]) >= '2007-10-09' && isoDay(cal[t]) <= '2009-03-09') {
        if (first < 0) first = t;
        last = t;
      }
    }
    // Day t counts for the label known at close t − 1; the return compounds from close first−1.
    const counts = [0, 0, 0, 0, 0];
    for (let t = first; t <= last; t++) counts[labels[t - 1]]++;
    const days = last - first + 1;
    [1, 2, 3, 4].forEach((q) => expect(gfc.shares[q]).toBeCloseTo(counts[q] / days, 12));
    const nav = playbook.nav;
    expect(gfc.rows.find((r) => r.name === 'article')!.total).toBeCloseTo(nav[last - start] / nav[first - 1 - start] - 1, 10);
  });

  it("SPA: the benchmarks' excess returns minus the playbook's, as they are and scaled to the playbook's volatility", () => {
    const bench = simpleBenchmarks().map((s) => direct(s, assumption).excess);
    const raw = spaTest(
      bench.map((e) => e.map((x, i) => x - playbook.excess[i])),
      { seed: SEED, reps: 200 },
    );
    expect(a.spa.pValue).toBe(raw.pValue);
    expect(a.spa.statistic).toBeCloseTo(raw.statistic, 10);
    const sd = standardDeviation(playbook.excess);
    const scaled = spaTest(
      bench.map((e) => e.map((x, i) => (sd / standardDeviation(e)) * x - playbook.excess[i])),
      { seed: SEED, reps: 200 },
    );
    expect(a.spaVolatilityMatched.pValue).toBe(scaled.pValue);
    expect(a.spaVolatilityMatched.statistic).toBeCloseTo(scaled.statistic, 10);
  });

  it('rejects a window shorter than 20 days and bad counts, naming the field', () => {
    expect(() => againstBenchmarks(market, labels, { start: end - 5 })).toThrow(/at least 20 return days/);
    expect(() => againstBenchmarks(market, labels, { start, trials: 0 })).toThrow(/trials/);
    expect(() => againstBenchmarks(market, labels, { start, shuffles: -1 })).toThrow(/shuffles/);
  });
});
