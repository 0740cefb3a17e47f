import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../../../datasets/errors.ts';
import { calendarIndexAtOrBefore } from '../../../datasets/panel.ts';
import { parseIsoDay } from '../../../datasets/day.ts';
import { marketFromArrays, marketFromRoles } from '../../../engine/backtest/market.ts';
import { computeMetrics } from '../../../engine/metrics/compute-metrics.ts';
import { computeRegimes } from '../../../engine/regimes/index.ts';
import { makeRng } from '../../../engine/random.ts';
import { ARTICLE_PLAYBOOK, articleStrategy } from '../../../strategies/article.ts';
import { blockShuffleLabels } from '../../../strategies/block-shuffle.ts';
import { tableRows } from '../../../strategies/quadrant-table.ts';
import { runStrategy } from '../../../strategies/run-strategy.ts';
import {
  expandGrid,
  JOB_FIELDS,
  parseGrid,
  regimeConfigOf,
  replayRows,
  runJobs,
  runRobustness,
  SWEEP_EXECUTIONS,
  type Job,
  type SweepExecution,
} from '../../../strategies/robustness/index.ts';
import { SHORT_WINDOWS, syntheticWorld } from './synthetic-inputs.ts';

const { panel, roles } = syntheticWorld();
const market = marketFromRoles(panel, roles);
const grid = parseGrid({
  base: SHORT_WINDOWS,
  regimes: { 'stability.confirmDays': [1, 3], 'windows.balanceSheetWeeks': [2, 4] },
  rebalance: ['regime+monthly', 'regime'],
  costBps: [5],
});
const PERMS = 20;
const SEED = 42;
const result = await runRobustness(panel, roles, { grid, permutations: PERMS, seed: SEED, workers: 0, minHistoryYears: 1 });
const start = calendarIndexAtOrBefore(panel.calendar, parseIsoDay(result.window.from));
const end = panel.calendar.length - 1;

/** A run the slow way: the strategy compiled day by day by runStrategy, then computeMetrics. */
function direct(labels: Uint8Array, rule: string, bps: number, execution: SweepExecution = 'next-close') {
  const r = runStrategy(articleStrategy(ARTICLE_PLAYBOOK, rule), { market, labels }, { start, end, costs: { bps }, execution });
  return { nav: r.nav, metrics: computeMetrics({ nav: r.nav, days: r.days, riskFree: market.cashReturns.slice(start, end + 1) }) };
}

describe('runRobustness on a synthetic world', () => {
  it('runs every configuration on one window from the latest first label', () => {
    const firsts = [0, 1, 2, 3].map((g) => computeRegimes(panel, regimeConfigOf(grid, g)).firstLabelled);
    firsts.push(computeRegimes(panel, grid.base).firstLabelled);
    expect(start).toBe(Math.max(...firsts));
    expect(result.window.days).toBe(end - start);
    expect(result.configs.length).toBe(8);
    expect(result.grid).toMatchObject({ configurations: 8, regimeCombinations: 4, base: grid.base.name });
    expect(result.seed).toBe(SEED);
  });

  it("each configuration's figures are those of the strategy replayed directly", () => {
    for (const c of expandGrid(grid)) {
      const labels = computeRegimes(panel, regimeConfigOf(grid, c.regime)).labels;
      const { nav, metrics } = direct(labels, grid.rebalance[c.rebalance], c.costBps);
      const got = result.configs[c.id];
      expect(got.params).toEqual(c.params);
      expect(got.sharpe).toBeCloseTo(metrics.sharpe, 12);
      expect(got.cagr).toBeCloseTo(metrics.cagr, 12);
      expect(got.maxDrawdown).toBeCloseTo(metrics.maxDrawdown, 12);
      expect(got.finalNav).toBeCloseTo(nav[nav.length - 1], 12);
    }
  });

  // --execution: the grid's replays (plans cached per label set, delayed for lag-2) against
  // runStrategy's own handling of each execution, configuration by configuration.
  for (const execution of ['next-open', 'lag-2'] as const) {
    it(`under ${execution}, each configuration's figures and the reference are those of runStrategy under ${execution}`, async () => {
      const r = await runRobustness(panel, roles, { grid, permutations: 0, seed: SEED, workers: 0, minHistoryYears: 1, execution });
      expect(r.execution).toBe(execution);
      expect(r.window.from).toBe(result.window.from);
      for (const c of expandGrid(grid)) {
        const labels = computeRegimes(panel, regimeConfigOf(grid, c.regime)).labels;
        const { nav, metrics } = direct(labels, grid.rebalance[c.rebalance], c.costBps, execution);
        expect(r.configs[c.id].sharpe).toBeCloseTo(metrics.sharpe, 12);
        expect(r.configs[c.id].finalNav).toBeCloseTo(nav[nav.length - 1], 12);
        // lag-2 is a different run: not the next-close figures again. (The synthetic world has no
        // opens, so next-open fills at the close here; the test below gives it opens.)
        if (execution === 'lag-2') expect(r.configs[c.id].finalNav).not.toBe(result.configs[c.id].finalNav);
      }
      expect(r.reference.sharpe).toBeCloseTo(direct(computeRegimes(panel, grid.base).labels, 'regime+monthly', 5, execution).metrics.sharpe, 12);
      expect(r.notes[0]).toContain(execution === 'lag-2' ? 'filled two closes later' : 'filled at the next open');
    });
  }

  it('the reference is the article default on the base labels, the same run as the grid point at the base values', () => {
    const { metrics } = direct(computeRegimes(panel, grid.base).labels, 'regime+monthly', 5);
    expect(result.reference.sharpe).toBeCloseTo(metrics.sharpe, 12);
    // Base: confirmDays 3, balanceSheetWeeks 4 → combination (1, 1) = 3; rule 0 → id 6.
    expect(result.configs[6].params).toMatchObject({ 'stability.confirmDays': 3, 'windows.balanceSheetWeeks': 4, rebalance: 'regime+monthly' });
    expect(result.configs[6].sharpe).toBe(result.reference.sharpe);
  });

  it('the permutation test counts the shuffled runs at least as good, replayed directly', () => {
    const labels = computeRegimes(panel, grid.base).labels;
    const sharpes = Array.from({ length: PERMS }, (_, i) => direct(blockShuffleLabels(labels, SEED + i), 'regime+monthly', 5).metrics.sharpe);
    const atLeast = sharpes.filter((s) => s >= result.reference.sharpe).length;
    expect(result.permutation!.atLeast).toBe(atLeast);
    expect(result.permutation!.pValue).toBe((1 + atLeast) / (PERMS + 1));
    expect(result.permutation!.nullMean).toBeCloseTo(sharpes.reduce((a, b) => a + b, 0) / PERMS, 12);
    // The kept distribution is each direct replay's Sharpe, in seed order, to 4 decimals.
    expect(result.permutation!.distribution.length).toBe(PERMS);
    result.permutation!.distribution.forEach((x, i) => expect(Math.abs(x - sharpes[i])).toBeLessThanOrEqual(5e-5 + 1e-12));
    // The blocks: the runs of the base labels from the first label on, counted by hand here.
    const first = labels.findIndex((q) => q !== 0);
    let runs = 0;
    for (let t = first; t < labels.length; t++) if (t === first || labels[t] !== labels[t - 1]) runs++;
    expect(result.permutation!.blocks).toEqual({ count: runs, meanDays: (labels.length - first) / runs });
  });

  it('the best, the DSR and the sensitivity tables read the same Sharpes', () => {
    const sharpes = result.configs.map((c) => c.sharpe);
    expect(result.best).toBe(sharpes.indexOf(Math.max(...sharpes)));
    expect(result.deflatedSharpe!.config).toBe(result.best);
    expect(result.deflatedSharpe!.sharpe).toBeCloseTo(result.configs[result.best].sharpe, 9);
    expect(result.deflatedSharpe!.trials).toBe(8);
    // confirmDays × balanceSheetWeeks, cell (1, 2) = mean of ids 0, 1 (the two rules).
    expect(result.sensitivity[0].values[0][0]).toBeCloseTo((sharpes[0] + sharpes[1]) / 2, 12);
    expect(result.pbo!.configs).toBe(8);
    expect(result.walkForward!.years.length).toBeGreaterThan(0);
  });

  it('the same result on two worker threads as in this thread', async () => {
    const threaded = await runRobustness(panel, roles, { grid, permutations: PERMS, seed: SEED, workers: 2, minHistoryYears: 1 });
    expect(threaded.workers).toBe(2);
    expect({ ...threaded, workers: 0 }).toEqual(result);
  });

  it('another seed shuffles differently; the same seed gives the same result', async () => {
    const again = await runRobustness(panel, roles, { grid, permutations: PERMS, seed: SEED, workers: 0, minHistoryYears: 1 });
    expect(again).toEqual(result);
    const other = await runRobustness(panel, roles, { grid, permutations: PERMS, seed: SEED + 1000, workers: 0, minHistoryYears: 1 });
    expect(other.permutation!.nullMean).not.toBe(result.permutation!.nullMean);
    expect(other.configs).toEqual(result.configs);
  });

  it('errors name what is wrong', async () => {
    await expect(runRobustness(panel, roles, { grid, permutations: -1 })).rejects.toMatchObject({ details: { field: 'permutations' } });
    await expect(runRobustness(panel, roles, { grid, workers: 1.5 })).rejects.toBeInstanceOf(ConfigError);
    // A warm-up longer than the data: no label at all.
    const never = parseGrid({ base: { ...SHORT_WINDOWS, zScore: { window: 2000, minHistory: 1500 } } });
    await expect(runRobustness(panel, roles, { grid: never })).rejects.toBeInstanceOf(DataError);
    const late = parseGrid({ base: SHORT_WINDOWS, from: '2030-01-01' });
    await expect(runRobustness(panel, roles, { grid: late })).rejects.toBeInstanceOf(DataError);
  });
});

describe('the batch replay (replayRows): no look-ahead', () => {
  // Three roles over 120 days; two label sets; every rule kind the plan cache combines.
  const roleList = ['us_large', 'treasuries', 'cash'] as const;
  const n = 120;
  const calendar = Int32Array.from({ length: n }, (_, i) => 18_000 + i + 2 * Math.floor(i / 5));
  const table = new Float64Array(15);
  [
    [0, 0, 1],
    [0.8, 0.2, 0],
    [0.5, 0.5, 0],
    [0.2, 0.8, 0],
    [0, 0.3, 0.7],
  ].forEach((row, q) => table.set(row, q * 3));
  const rules = ['regime+monthly', 'regime', 'weekly+drift:5%', 'daily'];
  const jobs: Job[] = [];
  for (let l = 0; l < 2; l++) for (let r = 0; r < rules.length; r++) jobs.push({ labels: l, table: 0, rule: r, costBps: 10 });

  function world(seed: number) {
    const rng = makeRng(seed);
    const returns = Float64Array.from({ length: n * 3 }, (_, i) => (i < 3 ? 0 : i % 3 === 2 ? 0.0001 : (rng() - 0.5) * 0.04));
    const labels = [0, 1].map(() => Uint8Array.from({ length: n }, (_, t) => (t < 5 ? 0 : 1 + Math.floor(rng() * 4))));
    return { returns, labels };
  }

  // Labels known at t's close decide the trade that fills at t+1's close, so poisoning labels
  // after t and returns after t+1 may change nothing earned up to day t+1 (a decision that
  // peeked one day ahead would change the fill, and the cost, of day t+1).
  it('poisoning labels after day t and returns after t+1 leaves every excess return up to t+1 unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 12, max: n - 3 }),
        fc.constantFrom(...SWEEP_EXECUTIONS),
        async (seed, t, execution) => {
          const a = world(seed);
          const b = world(seed + 1);
          const returns = Float64Array.from(a.returns, (v, i) => (Math.floor(i / 3) <= t + 1 ? v : b.returns[i]));
          const labels = a.labels.map((l, k) => Uint8Array.from(l, (v, i) => (i <= t ? v : b.labels[k][i])));
          // The rows a batch summarises, replayed one by one (replayRows: the batch's own replay).
          const run = (r: Float64Array, ls: Uint8Array[]) => {
            const rowOf = replayRows({
              market: marketFromArrays({ calendar, roles: [...roleList], returns: r }),
              labelSets: ls,
              tables: [table],
              rules,
              jobs,
              start: 5,
              end: n - 1,
              execution,
            });
            return jobs.map((_, j) => rowOf(j));
          };
          const x = run(a.returns, a.labels);
          const y = run(returns, labels);
          // Column i − 1 is the return earned on day 5 + i: days ≤ t + 1 are columns < t − 4.
          for (let j = 0; j < jobs.length; j++) {
            for (let c = 0; c < t - 4; c++) expect(y[j][c]).toBe(x[j][c]);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('next-open fills at the open: the figures of runStrategy under next-open, not those of the next close', async () => {
    const { returns, labels } = world(11);
    const rng = makeRng(12);
    // Overnight moves for the risky roles (a part of the day's move), none for cash.
    const overnight = Float64Array.from(returns, (v, i) => (i % 3 === 2 ? 0 : v * 0.5 + (rng() - 0.5) * 0.004));
    const m = marketFromArrays({ calendar, roles: [...roleList], returns, overnight });
    const quadrantTable = {
      Q1: { us_large: 0.8, treasuries: 0.2 },
      Q2: { us_large: 0.5, treasuries: 0.5 },
      Q3: { us_large: 0.2, treasuries: 0.8 },
      Q4: { treasuries: 0.3, cash: 0.7 },
    };
    const rows = tableRows(quadrantTable, roleList);
    const run = (execution: SweepExecution) =>
      runJobs(
        {
          market: m,
          labelSets: [labels[0]],
          tables: [rows],
          rules: ['regime'],
          jobs: [{ labels: 0, table: 0, rule: 0, costBps: 10 }],
          start: 5,
          end: n - 1,
          execution,
        },
        { workers: 0 },
      );
    const open = await run('next-open');
    const close = await run('next-close');
    const finalNav = JOB_FIELDS.indexOf('finalNav');
    const slow = runStrategy(
      articleStrategy(quadrantTable, 'regime'),
      { market: m, labels: labels[0] },
      { start: 5, end: n - 1, costs: { bps: 10 }, execution: 'next-open' },
    );
    expect(open.metrics[finalNav]).toBeCloseTo(slow.nav[slow.nav.length - 1], 12);
    expect(open.metrics[finalNav]).not.toBeCloseTo(close.metrics[finalNav], 6);
  });

  it('JOB_FIELDS lists the figures in the order the metrics array holds them', () => {
    expect(JOB_FIELDS).toEqual(['sharpe', 'cagr', 'volatility', 'maxDrawdown', 'calmar', 'sortino', 'turnover', 'costDrag', 'finalNav']);
    expect(tableRows(ARTICLE_PLAYBOOK, market.roles).length).toBe(5 * market.roles.length);
  });
});
