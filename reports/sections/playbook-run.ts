import type { Panel } from '../../datasets/panel.ts';
import type { Role } from '../../datasets/catalog.ts';
import type { RoleSeries } from '../../datasets/roles.ts';
import { isoDay } from '../../datasets/day.ts';
import { attachTearsheets, marketFromRoles, resultMetrics, type BacktestResult, type Market } from '../../engine/backtest/index.ts';
import { tearsheetJson } from '../../engine/metrics/index.ts';
import { benchmarkStrategies, DEFAULT_ASSUMPTION, describeStrategy, resolveStrategy, runStrategy, type StrategyExecution } from '../../strategies/index.ts';
import type { PortfolioReturns } from './performance-section.ts';
import type { TearsheetRuns } from './run-tearsheet.ts';
import type { WhatIfSource } from '../what-if/what-if-data.ts';

export interface PlaybookRun {
  /** The strategy first, then each benchmark, as daily returns on the panel's calendar (NaN outside the run). */
  portfolios: PortfolioReturns[];
  /** First and last calendar index of the run (the NAV's first close and last close). */
  start: number;
  end: number;
  /** The strategy's steps in words. */
  description: string;
  /** The strategy's run as the what-if panel replays it. */
  whatIf: WhatIfSource;
  /** Parameters of the run, for the appendix. */
  parameters: { key: string; value: string }[];
  /** The tearsheet of each run (as `quadrant run` writes it into metrics.json) with their NAVs and the strategy's weights. */
  tearsheet: TearsheetRuns;
}

/** Options of {@link runPlaybook}: a subset of `quadrant run`'s, with its defaults. */
export interface PlaybookOptions {
  strategy?: string;
  costBps?: number;
  execution?: StrategyExecution;
  /** Leave out the random-regime control (one seed) when the caller shows its distribution. */
  withoutControl?: boolean;
}

/**
 * Runs a strategy (default: the article playbook) and the standard benchmarks (US large caps
 * buy-and-hold, 60/40, equal weight, the random-regime control) from the first regime label to
 * the last day, next-close execution, as `quadrant run` does with its defaults, and returns
 * their daily returns on the calendar.
 */
export function runPlaybook(panel: Panel, roles: Map<Role, RoleSeries>, labels: Uint8Array, options: PlaybookOptions = {}): PlaybookRun {
  const market = marketFromRoles(panel, roles);
  const n = panel.calendar.length;
  const start = Math.max(
    0,
    labels.findIndex((q) => q !== 0),
  );
  const end = n - 1;
  const strategy = resolveStrategy(options.strategy ?? 'article');
  const strategies = [strategy, ...benchmarkStrategies().filter((b) => b.name !== strategy.name && !(options.withoutControl && b.name === 'random-regime'))];
  const costBps = options.costBps ?? DEFAULT_ASSUMPTION.costBps;
  const execution = options.execution ?? DEFAULT_ASSUMPTION.execution;
  const env = { market, labels, panel };
  const results = strategies.map((s) => runStrategy(s, env, { start, end, costs: { bps: costBps }, execution }));
  return {
    tearsheet: tearsheetRuns(results, market, labels),
    portfolios: results.map((r, k) => ({ key: r.name, label: k === 0 ? `${r.name} (strategy)` : r.name, returns: calendarReturns(r, n), emphasis: k === 0 })),
    start,
    end,
    description: describeStrategy(strategy),
    whatIf: { strategy, market, labels, panel, execution, result: results[0] },
    parameters: [
      { key: 'run.strategy', value: strategy.name },
      { key: 'run.steps', value: describeStrategy(strategy) },
      {
        key: 'run.benchmarks',
        value: strategies
          .slice(1)
          .map((s) => s.name)
          .join(', '),
      },
      { key: 'run.execution', value: execution },
      { key: 'run.costBps', value: String(costBps) },
      { key: 'run.rebalance', value: results[0].rule },
    ],
  };
}

/** The runs' tearsheets as `quadrant run` computes them (resultMetrics, attachTearsheets), with the NAVs and the strategy's weights. */
function tearsheetRuns(results: readonly BacktestResult[], market: Market, labels: Uint8Array): TearsheetRuns {
  const metrics = results.map((r) => resultMetrics(r, market, labels));
  attachTearsheets(results, metrics, market);
  const main = results[0];
  const R = main.roles.length;
  const weights = main.roles.map((_, k) => Float64Array.from({ length: main.nav.length }, (_, i) => main.weights[i * R + k]));
  return {
    days: main.days,
    runs: results.map((r, k) => {
      const sheet = metrics[k].tearsheet;
      return { name: r.name, label: k === 0 ? `${r.name} (strategy)` : r.name, nav: r.nav, ...(sheet ? { tearsheet: tearsheetJson(sheet) } : {}) };
    }),
    to: isoDay(main.days[main.days.length - 1]),
    weights: { days: main.days, roles: [...main.roles], weights },
  };
}

/** Daily returns of a result on the whole calendar: nav[j] / nav[j−1] − 1 at index start + j, NaN elsewhere. */
function calendarReturns(r: BacktestResult, n: number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  out[r.start] = 0;
  for (let j = 1; j < r.nav.length; j++) out[r.start + j] = r.nav[j] / r.nav[j - 1] - 1;
  return out;
}
