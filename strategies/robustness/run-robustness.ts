import { availableParallelism } from 'node:os';
import type { Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { ConfigError, DataError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import type { RoleSeries } from '../../datasets/roles.ts';
import { marketFromRoles, type Market } from '../../engine/backtest/market.ts';
import { computeRegimes, RegimeCache } from '../../engine/regimes/index.ts';
import { ARTICLE_PLAYBOOK, ARTICLE_RULE } from '../article.ts';
import type { StrategyExecution } from '../cost-assumption.ts';
import { tableRows } from '../quadrant-table.ts';
import { deflatedBest, type DeflatedSharpeSummary } from './deflated-best.ts';
import {
  DEFAULT_COST_BPS,
  defaultValidateGrid,
  expandGrid,
  gridParameters,
  regimeCombinations,
  regimeConfigOf,
  type GridConfig,
  type GridParameter,
  type RobustnessGrid,
} from './grid.ts';
import { JOB_FIELDS, JOB_WIDTH, type JobField } from './jobs-core.ts';
import { pboBlocks, pboOf, type PboSummary } from './overfitting.ts';
import { permutationTest, shuffledLabelSets, type PermutationSummary } from './permutation.ts';
import { shuffleBlocks } from '../block-shuffle.ts';
import { summarySharpes, summaryLayout, type RowSummaryLayout } from './row-summary.ts';
import { replayRows, runJobs, type Job, type JobsInput } from './run-jobs.ts';
import { sensitivityTables, type SensitivityTable } from './sensitivity.ts';
import { walkForward, yearStarts, type WalkForwardResult } from './walk-forward.ts';

/** The seed robustness runs use unless told otherwise (the article's date). */
export const DEFAULT_ROBUSTNESS_SEED = 20260119;
/** Permutations of the regime labels unless told otherwise. */
export const DEFAULT_PERMUTATIONS = 200;
/** Below this many replays the batch runs in this thread (starting workers costs more). */
const IN_PROCESS_BELOW = 1000;

export type RobustnessPhase = 'labels' | 'replays' | 'statistics';

/** The executions a sweep replays under (same-close, look-ahead-prone, is left out). */
export type SweepExecution = Exclude<StrategyExecution, 'same-close'>;
export const SWEEP_EXECUTIONS: readonly SweepExecution[] = ['next-close', 'next-open', 'lag-2'];
const FILLS: Record<SweepExecution, string> = {
  'next-close': 'filled at the next close',
  'next-open': 'filled at the next open',
  'lag-2': 'filled two closes later (lag-2)',
};

export interface RobustnessOptions {
  /** The grid (default: {@link defaultValidateGrid}, 18 configurations). */
  grid?: RobustnessGrid;
  /** Block permutations of the reference's labels (0 = no permutation test). Default 200. */
  permutations?: number;
  /** Seed of the permutations (permutation i uses seed + i). Default 20260119. */
  seed?: number;
  /** Worker threads, or `auto` (default): in this thread under 1,000 replays, else min(2, cores). */
  workers?: number | 'auto';
  /** CSCV time blocks S (even, 2…20). Default: 16, fewer for large grids (see autoPartitions). */
  pboPartitions?: number;
  /** History before the first walk-forward year, years of 252 days. Default 3. */
  minHistoryYears?: number;
  /** Configurations tried in all, for the deflated Sharpe ratio (default the grid's size plus `extraTrials`). */
  trials?: number;
  /**
   * Configurations tried outside this grid that the deflated Sharpe ratio must count too: regime
   * definitions or variants looked at before settling on the grid (default 0).
   */
  extraTrials?: number;
  /** Cost of the reference and its permuted controls, bps of the value traded (default 5, as every command). */
  costBps?: number;
  /** When every replay's orders fill: next-close (default), next-open, or lag-2 (decided a day later). */
  execution?: SweepExecution;
  /** Called as each phase advances. */
  onProgress?: (phase: RobustnessPhase, done: number, total: number) => void;
}

/** One configuration's parameters and figures (annualised as computeMetrics defines them). */
export interface ConfigResult extends Record<JobField, number> {
  id: number;
  params: Record<string, number | string>;
}

/** The article default every sweep is compared with. */
export interface ReferenceResult extends Record<JobField, number> {
  regimes: string;
  playbook: 'article';
  rebalance: string;
  costBps: number;
}

/** Everything a robustness run found: plain data (JSON-serialisable; NaN marks a missing figure). */
export interface RobustnessResult {
  seed: number;
  /** When every replay's orders filled. */
  execution: SweepExecution;
  /** The common window of every run: returns from the close of `from` to the close of `to`. */
  window: { from: string; to: string; days: number; note: string };
  grid: { base: string; parameters: GridParameter[]; configurations: number; regimeCombinations: number };
  workers: number;
  configs: ConfigResult[];
  /** Index (= id) of the configuration with the highest Sharpe. */
  best: number;
  reference: ReferenceResult;
  /** Mean Sharpe over each pair of varied parameters. */
  sensitivity: SensitivityTable[];
  deflatedSharpe: DeflatedSharpeSummary | null;
  pbo: PboSummary | null;
  permutation: PermutationSummary | null;
  walkForward: WalkForwardResult | null;
  notes: string[];
}

function resolveWorkers(w: RobustnessOptions['workers'], jobs: number): number {
  if (w === undefined || w === 'auto') return jobs < IN_PROCESS_BELOW ? 0 : Math.min(2, availableParallelism());
  if (!Number.isInteger(w) || w < 0 || w > 64)
    throw new ConfigError('bad-config', `workers must be a whole number from 0 to 64, got ${w}`, { field: 'workers' });
  return w;
}

/**
 * The robustness checks of a playbook grid on one data set:
 *
 * 1. labels: each regime combination of the grid (and the grid's base, for the reference)
 *    labels the calendar (computeRegimes, one shared RegimeCache);
 * 2. window: every run covers the same days, from the latest first label among them (or the
 *    grid's `from`) to the last day (or `to`), so all figures are comparable;
 * 3. replays: every configuration (playbook table → plan → replay at the next close, its cost,
 *    NAV only), the reference (base regimes, the article playbook, regime+monthly, 5 bps), and
 *    the reference on `permutations` block-shuffled label sets, on worker threads when large;
 *    each configuration's daily excess returns are summarised as its replay finishes
 *    (row-summary.ts), never kept, so memory does not grow with K × T;
 * 4. statistics: Sharpe sensitivity over each pair of parameters; the deflated Sharpe ratio of
 *    the best configuration with every configuration a trial; PBO by CSCV over their daily
 *    excess returns; the permutation p-value of the reference against its shuffled controls;
 *    the walk-forward choice by expanding-window Sharpe, applied a year at a time.
 *
 * Sharpe ratios are annualised (× √252) over T-bills unless a field says per period.
 * Deterministic: the same data, grid, permutations and seed give the same result for any
 * number of workers.
 *
 * Timing: each run's returns at day t use labels and prices of days ≤ t; the block-shuffled
 * labels use the whole sample by design (a control, not a strategy); the walk-forward choice
 * for a year uses returns before it.
 *
 * @throws ConfigError for bad options; DataError when a regime combination labels no day or
 *   the common window is shorter than 4 return days.
 * @example
 * const panel = buildPanel(loadDataset('/work/shared/datasets'));
 * const r = await runRobustness(panel, buildRoles(panel), { permutations: 200, seed: 1 });
 * r.deflatedSharpe?.probability; // a probability
 */
export async function runRobustness(panel: Panel, roles: Map<Role, RoleSeries>, options: RobustnessOptions = {}): Promise<RobustnessResult> {
  const setup = setupRobustness(panel, roles, options);
  const { K, configs, permutations } = setup;
  const jobs: Job[] = configs.map((c) => configJob(c));
  jobs.push(...referenceJobs(setup));
  const workers = resolveWorkers(options.workers, jobs.length);
  const out = await runJobs(jobsInput(setup, jobs, K), { workers, onProgress: (d, t) => setup.progress('replays', d, t) });
  return finishRobustness(setup, {
    metrics: out.metrics.subarray(0, K * JOB_WIDTH),
    summaries: out.summaries,
    reference: out.metrics.subarray(K * JOB_WIDTH, (K + 1) * JOB_WIDTH),
    permuted: Float64Array.from({ length: permutations }, (_, p) => out.metrics[(K + 1 + p) * JOB_WIDTH + JOB_FIELDS.indexOf('sharpe')]),
    workers: out.workers,
  });
}

/** Everything a robustness run fixes before its replays: labels, window, market, configurations. */
export interface RobustnessSetup {
  grid: RobustnessGrid;
  options: RobustnessOptions;
  permutations: number;
  seed: number;
  /** Cost of the reference and its permuted controls, bps. */
  refCost: number;
  execution: SweepExecution;
  extraTrials: number;
  progress: NonNullable<RobustnessOptions['onProgress']>;
  panel: Panel;
  /** The grid's label sets (G of them), the base's, then the permutations'. */
  labelSets: Uint8Array[];
  G: number;
  start: number;
  end: number;
  /** Return days of the window. */
  T: number;
  startNote: string;
  market: Market;
  configs: GridConfig[];
  K: number;
  tables: Float64Array[];
  rules: string[];
  refTable: number;
  refRule: number;
  /** How each configuration's daily excess returns are summarised: PBO's blocks, the walk-forward's years. */
  layout: RowSummaryLayout;
}

/** The figures the statistics need, however the replays were run (one machine or merged shards). */
export interface RobustnessFigures {
  /** K × JOB_WIDTH figures of the configurations, by id. */
  metrics: Float64Array;
  /** K × layout.width summaries of the configurations' daily excess returns, by id (row-summary.ts). */
  summaries: Float64Array;
  /** JOB_WIDTH figures of the reference. */
  reference: Float64Array;
  /** The reference's Sharpe on each block-shuffled label set. */
  permuted: Float64Array;
  workers: number;
}

/**
 * Steps 1–2 of runRobustness and the batch's tables and rules: the same for every shard of a
 * grid and for the merge, so that they all replay on the same window.
 *
 * @throws as runRobustness.
 */
export function setupRobustness(panel: Panel, roles: Map<Role, RoleSeries>, options: RobustnessOptions = {}): RobustnessSetup {
  const grid = options.grid ?? defaultValidateGrid();
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = options.seed ?? DEFAULT_ROBUSTNESS_SEED;
  if (!Number.isInteger(permutations) || permutations < 0 || permutations > 100_000)
    throw new ConfigError('bad-config', `permutations must be a whole number from 0 to 100000, got ${permutations}`, { field: 'permutations' });
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + permutations))
    throw new ConfigError('bad-config', `seed must be a whole number, got ${seed}`, { field: 'seed' });
  const progress = options.onProgress ?? (() => {});
  const refCost = options.costBps ?? DEFAULT_COST_BPS;
  if (!(Number.isFinite(refCost) && refCost >= 0)) throw new ConfigError('bad-config', `costBps must be a number ≥ 0, got ${refCost}`, { field: 'costBps' });
  const execution = options.execution ?? 'next-close';
  if (!SWEEP_EXECUTIONS.includes(execution))
    throw new ConfigError('bad-config', `execution must be one of ${SWEEP_EXECUTIONS.join(', ')}, got ${String(execution)}`, { field: 'execution' });
  const extraTrials = options.extraTrials ?? 0;
  if (!Number.isSafeInteger(extraTrials) || extraTrials < 0)
    throw new ConfigError('bad-config', `extraTrials must be a whole number ≥ 0, got ${extraTrials}`, { field: 'extraTrials' });
  const cal = panel.calendar;
  const n = cal.length;

  // 1. Labels.
  const G = regimeCombinations(grid);
  const cache = new RegimeCache(panel);
  const labelSets: Uint8Array[] = [];
  let start = 0;
  const noLabel = (what: string) =>
    new DataError('no-data', `${what} labels no day of this data`, { field: 'regimes', hint: 'shorter windows or a later start need less history' });
  for (let g = 0; g < G; g++) {
    const r = computeRegimes(panel, regimeConfigOf(grid, g), { cache });
    if (r.firstLabelled < 0) throw noLabel(`regime combination ${g} (${describeCombination(grid, g)})`);
    start = Math.max(start, r.firstLabelled);
    labelSets.push(r.labels);
    progress('labels', g + 1, G + 1);
  }
  const ref = computeRegimes(panel, grid.base, { cache });
  if (ref.firstLabelled < 0) throw noLabel(`the base regime definition "${grid.base.name}"`);
  start = Math.max(start, ref.firstLabelled);
  labelSets.push(ref.labels);
  progress('labels', G + 1, G + 1);

  // 2. Window.
  const gridFrom = grid.from !== undefined ? calendarIndexAtOrBefore(cal, grid.from - 1) + 1 : 0;
  const startNote = gridFrom > start ? 'the grid\'s "from"' : "the latest first regime label among the grid's definitions and the base";
  start = Math.max(start, gridFrom);
  const end = grid.to !== undefined ? calendarIndexAtOrBefore(cal, grid.to) : n - 1;
  const T = end - start;
  if (!(T >= 4))
    throw new DataError('no-data', `the common window of the sweep has ${Math.max(0, T)} return days (needs at least 4)`, {
      field: grid.from !== undefined || grid.to !== undefined ? 'from' : 'regimes',
    });

  // 3. The batch's market, configurations, playbooks and rules (the reference's included).
  const market = marketFromRoles(panel, roles);
  const configs = expandGrid(grid);
  const tables = grid.playbooks.map((p) => tableRows(p.table, market.roles));
  let refTable = grid.playbooks.findIndex((p) => p.table === ARTICLE_PLAYBOOK);
  if (refTable < 0) refTable = tables.push(tableRows(ARTICLE_PLAYBOOK, market.roles)) - 1;
  const rules = [...grid.rebalance];
  let refRule = rules.indexOf(ARTICLE_RULE);
  if (refRule < 0) refRule = rules.push(ARTICLE_RULE) - 1;
  for (const l of shuffledLabelSets(ref.labels, permutations, seed)) labelSets.push(l);
  const K = configs.length;
  const layout = summaryLayout(T, pboBlocks(K, T, options.pboPartitions), yearStarts(cal.subarray(start, end + 1)));
  return {
    grid,
    options,
    permutations,
    seed,
    refCost,
    execution,
    extraTrials,
    progress,
    panel,
    labelSets,
    G,
    start,
    end,
    T,
    startNote,
    market,
    configs,
    K,
    tables,
    rules,
    refTable,
    refRule,
    layout,
  };
}

/** The replay of one configuration. */
export function configJob(c: GridConfig): Job {
  return { labels: c.regime, table: c.playbook, rule: c.rebalance, costBps: c.costBps };
}

/** The reference (article default on the base labels), then the reference on each shuffled label set. */
export function referenceJobs(setup: RobustnessSetup): Job[] {
  const out: Job[] = [];
  for (let p = 0; p <= setup.permutations; p++) out.push({ labels: setup.G + p, table: setup.refTable, rule: setup.refRule, costBps: setup.refCost });
  return out;
}

/** A batch over the setup's market, labels, tables and window; jobs [0, summarise) summarise their excess returns. */
export function jobsInput(setup: RobustnessSetup, jobs: Job[], summarise: number): JobsInput {
  const { market, labelSets, tables, rules, start, end, layout, execution } = setup;
  return { market, labelSets, tables, rules, jobs, start, end, execution, summarise: summarise > 0 ? { jobs: summarise, layout } : undefined };
}

/** Resolves a worker setting for a batch of `jobs` replays (see RobustnessOptions.workers). */
export function robustnessWorkers(w: RobustnessOptions['workers'], jobs: number): number {
  return resolveWorkers(w, jobs);
}

/**
 * Step 4 of runRobustness: everything that needs the whole set of configurations (sensitivity,
 * deflated Sharpe, PBO, the permutation test, walk-forward), from their figures and the
 * summaries of their returns; the few full rows needed (the reference's, the best's, the
 * walk-forward's chosen) are replayed here, in this thread.
 */
export function finishRobustness(setup: RobustnessSetup, figs: RobustnessFigures): RobustnessResult {
  const { grid, options, permutations, seed, progress, configs, K, T, start, end, startNote, market, G } = setup;
  const cal = setup.panel.calendar;
  const figure = (row: Float64Array, j: number, f: JobField) => row[j * JOB_WIDTH + JOB_FIELDS.indexOf(f)];
  const figures = (row: Float64Array, j: number) => Object.fromEntries(JOB_FIELDS.map((f, i) => [f, row[j * JOB_WIDTH + i]])) as Record<JobField, number>;

  // 4. Statistics.
  const steps = 4;
  const configResults: ConfigResult[] = configs.map((c) => ({ id: c.id, params: c.params, ...figures(figs.metrics, c.id) }));
  const sharpe = Float64Array.from(configs, (c) => figure(figs.metrics, c.id, 'sharpe'));
  let best = 0;
  for (let j = 1; j < K; j++) if (sharpe[j] > sharpe[best] || (Number.isNaN(sharpe[best]) && !Number.isNaN(sharpe[j]))) best = j;
  const parameters = gridParameters(grid);
  const sensitivity = sensitivityTables(parameters, configs, sharpe);
  progress('statistics', 1, steps);
  // Job j < K replays configuration j, job K the reference.
  const rowOf = replayRows(jobsInput(setup, [...configs.map(configJob), referenceJobs(setup)[0]], 0));
  const deflated = deflatedBest(summarySharpes(figs.summaries, K, setup.layout), T, rowOf, options.trials ?? K + setup.extraTrials);
  progress('statistics', 2, steps);
  const pboSummary = pboOf(figs.summaries, K, setup.layout);
  progress('statistics', 3, steps);
  const tested = permutationTest(
    figure(figs.reference, 0, 'sharpe'),
    figs.permuted,
    seed,
    `Sharpe of the article playbook (regime+monthly, ${setup.refCost} bps) on the base regime labels against the same on block-shuffled labels`,
  );
  // The base labels (labelSets[G]) are what every permutation shuffles.
  const permutation = tested && { ...tested, blocks: shuffleBlocks(setup.labelSets[G]) };
  const riskFree = market.cashReturns.slice(start + 1, end + 1);
  const wf = walkForward({
    summaries: figs.summaries,
    layout: setup.layout,
    rows: K,
    rowOf,
    days: cal.slice(start, end + 1),
    riskFree,
    reference: rowOf(K),
    minHistoryYears: options.minHistoryYears,
  });
  progress('statistics', 4, steps);

  const notes = [
    `Every run: ${isoDay(cal[start])} … ${isoDay(cal[end])} (${T} return days), decisions at each close ${FILLS[setup.execution]}, NAV from 1 in T-bills until the first fill.`,
    deflated
      ? `Deflated Sharpe ratio: ${deflated.trials} trials (the ${K} configurations of the grid${deflated.trials > K ? ` and ${deflated.trials - K} tried before it` : ''}); variance of trial Sharpes ${deflated.sharpeVariance.toExponential(2)} per day², the larger of the grid's own (${deflated.crossTrialVariance.toExponential(2)}) and the skill-less 1/(T − 1) (${deflated.nullVariance.toExponential(2)}), so alike configurations cannot make the search look cheap.`
      : 'Deflated Sharpe ratio: not computed (no configuration has a finite Sharpe).',
  ];
  if (permutations > 0)
    notes.push(`Permutation test: ${permutations} block shuffles of the base labels (same episodes, random order), permutation i with seed ${seed} + i.`);
  return {
    seed,
    execution: setup.execution,
    window: { from: isoDay(cal[start]), to: isoDay(cal[end]), days: T, note: `starts at ${startNote}` },
    grid: { base: grid.base.name, parameters, configurations: K, regimeCombinations: G },
    workers: figs.workers,
    configs: configResults,
    best,
    reference: { regimes: grid.base.name, playbook: 'article', rebalance: ARTICLE_RULE, costBps: setup.refCost, ...figures(figs.reference, 0) },
    sensitivity,
    deflatedSharpe: deflated,
    pbo: pboSummary,
    permutation,
    walkForward: wf,
    notes,
  };
}

function describeCombination(grid: RobustnessGrid, g: number): string {
  const c = expandGrid({ ...grid, playbooks: grid.playbooks.slice(0, 1), rebalance: grid.rebalance.slice(0, 1), costBps: grid.costBps.slice(0, 1) })[g];
  return grid.regimes.map((d) => `${d.path} = ${JSON.stringify(c.params[d.path])}`).join(', ') || 'the base';
}
