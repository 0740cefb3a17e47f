import { ROLES, type Role } from '../datasets/catalog.ts';
import type { Argv } from 'yargs';
import type { Progress } from '../datasets/live/progress.ts';
import type { Panel } from '../datasets/panel.ts';
import { buildRoles, type RoleSeries } from '../datasets/roles.ts';
import { formatIssue } from '../datasets/issues.ts';
import type { NamedReturns } from '../engine/analysis/index.ts';
import { marketFromRoles, type Market } from '../engine/backtest/index.ts';
import { computeRegimes, type RegimeResult } from '../engine/regimes/index.ts';
import {
  BUILTIN_STRATEGIES,
  builtinStrategy,
  costAssumption,
  DEFAULT_COST_BPS,
  DEFAULT_EXECUTION,
  runStrategy,
  STRATEGY_EXECUTIONS,
  type CostAssumption,
} from '../strategies/index.ts';
import { regimeConfigFrom } from './commands/regimes.ts';
import { loadData, summariseWarnings } from './load-data.ts';

/** Options shared by `validate` and `compare`. */
export interface AnalysisArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
  preset?: string;
  config?: string;
  strategies: boolean;
  /** Cost per trade, bps of the value traded (default 5, as every command). */
  'cost-bps'?: number;
  /** When orders fill (default next-close). */
  execution?: string;
}

/** Everything the analyses read, built once. */
export interface AnalysisInputs {
  dir: string;
  panel: Panel;
  roles: Map<Role, RoleSeries>;
  regimes: RegimeResult;
  market: Market;
  /** The cost and execution assumption every replay here used. */
  assumption: CostAssumption;
  /** Each built-in strategy but the random-regime control: its daily NAV return on the calendar (NaN before its first day), under its own name (`article`, `us-large`, …). */
  strategies: NamedReturns[];
  /** The calendar index the replays start from (their NAV's first close): the first labelled day. */
  start: number;
  /** The data's warnings, one line each (file or series first), for JSON and reports. */
  warnings: string[];
  /** The same warnings in one line (by kind, naming the series), for the report's summary. */
  warningSummary: string;
}

/**
 * Loads the data, labels the regimes and replays the built-in strategies from the first
 * labelled day under one cost assumption (`--cost-bps`, `--execution`; default 5 bps at the
 * next close, as `run` and the robustness grid).
 *
 * @throws ConfigError naming `cost-bps` or `execution` when they are not valid.
 */
export async function loadAnalysisInputs(args: AnalysisArgs, progress: Progress): Promise<AnalysisInputs> {
  const assumption = costAssumption(args['cost-bps'], args.execution);
  const { dir, dataset, panel } = await loadData(args);
  const warnings = dataset.issues.filter((i) => i.severity === 'warning').map(formatIssue);
  const roles = buildRoles(panel);
  progress.tick('data');
  const regimes = computeRegimes(panel, regimeConfigFrom(args));
  progress.tick('regimes');
  const strategies: NamedReturns[] = [];
  const market = marketFromRoles(panel, roles);
  const costs = { bps: assumption.costBps };
  if (args.strategies && regimes.firstLabelled >= 0) {
    // The random-regime control is one seeded shuffle: validate shows it as a distribution instead.
    for (const name of BUILTIN_STRATEGIES.filter((s) => s !== 'random-regime')) {
      const res = runStrategy(
        builtinStrategy(name),
        { market, labels: regimes.labels, panel },
        { start: regimes.firstLabelled, costs, execution: assumption.execution },
      );
      const r = new Float64Array(panel.calendar.length).fill(NaN);
      for (let i = 1; i < res.nav.length; i++) r[res.start + i] = res.nav[i] / res.nav[i - 1] - 1;
      strategies.push({ name, returns: r });
      progress.tick(name);
    }
  }
  const warningSummary = summariseWarnings(dataset.issues);
  return { dir, panel, roles, regimes, market, assumption, strategies, start: Math.max(0, regimes.firstLabelled), warnings, warningSummary };
}

/** Role returns as named series, in catalog order. */
export function roleReturns(roles: Map<Role, RoleSeries>): NamedReturns[] {
  return ROLES.map((r) => ({ name: r, returns: roles.get(r)!.returns }));
}

/** `--cost-bps` and `--execution`, with the same defaults and words in every command. */
export function costOptions<T>(y: Argv<T>) {
  return y
    .option('cost-bps', {
      type: 'number',
      default: DEFAULT_COST_BPS,
      describe: 'cost per trade, basis points of the value traded (every replay of the command)',
    })
    .option('execution', {
      choices: STRATEGY_EXECUTIONS,
      default: DEFAULT_EXECUTION,
      describe: 'when an order decided at a close fills: next-close, next-open, lag-2 (two closes later), same-close (look-ahead-prone)',
    });
}
