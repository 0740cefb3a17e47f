import type { Argv, CommandModule } from 'yargs';
import { ROLES, type Role } from '../../datasets/catalog.ts';
import { dayOf, isoDay } from '../../datasets/day.ts';
import { UsageError } from '../../datasets/errors.ts';
import { countRange } from '../count-limits.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import {
  basketReturns,
  conditionalTable,
  fullWindow,
  netLiquidityTercileCondition,
  RELATIVE_PAIRS,
  regimeTable,
  relativeTable,
  reservesCondition,
  type ConditionalRow,
  type DayWindow,
  type NamedReturns,
  type RegimeStatsRow,
  type RelativeRow,
} from '../../engine/analysis/index.ts';
import {
  buildClaimContext,
  claimWindows,
  RISK_ROLES,
  runScorecard,
  STAND_IN_MARK,
  standInFootnote,
  standInRecords,
  standInsBySeries,
  summariseVerdicts,
  THIN_DAYS,
  THIN_EPISODES,
  type BootstrapKind,
  type ScorecardRow,
  type StandIn,
} from '../../engine/claims/index.ts';
import { SCORECARD_HEADER, scorecardDetails, scorecardJson, scorecardLegend, scorecardRecords, scorecardTable, summaryText } from '../scorecard-output.ts';
import { pct, pctLevel } from '../../engine/percent.ts';
import { assumptionJson, BUILTIN_STRATEGIES, describeAssumption } from '../../strategies/index.ts';
import {
  againstBenchmarks,
  defaultValidateGrid,
  expandGrid,
  loadGrid,
  robustnessReportInput,
  runRobustness,
  SWEEP_EXECUTIONS,
  type BenchmarkAnalysis,
  type SweepExecution,
  type RobustnessResult,
} from '../../strategies/robustness/index.ts';
import { benchmarksCsv, benchmarksText } from '../benchmarks-text.ts';
import { analysisAnswer } from '../../reports/sections/analysis-answer.ts';
import { closingSummary } from '../validate-summary.ts';
import { hiddenTablesText, type HiddenTable } from '../hidden-tables.ts';
import { costOptions, loadAnalysisInputs, roleReturns, type AnalysisArgs, type AnalysisInputs } from '../analysis-inputs.ts';
import { alignRight } from '../format.ts';
import { emit, emitText, formatTable, toCsv, type Format } from '../output.ts';
import { stepProgress } from '../progress.ts';
import type { ReportFormat } from '../../reports/render/index.ts';
import { parseReportFormats, refuseOverwrite, renderedLines, reportCreatedAt, writeReport } from './report.ts';
import { configsCsv, robustnessText } from './sweep.ts';
import { verdictsAcrossDefinitions, type VerdictGrid } from '../../engine/analysis/verdicts-across-definitions.ts';
import { calibrationJson, calibrationText, definitionsAround } from '../../engine/regimes/index.ts';
import { DEFINITION_GRID_HEADER, definitionGridRecords, definitionGridText } from '../definition-grid-text.ts';
import { commodityVariants, type CommodityVariantRow } from '../../engine/analysis/commodity-variants.ts';
import { commodityVariantsText } from '../commodity-variants-text.ts';

/** "55.2%" for shares (NaN → ""): percentages carry one decimal in every table. */
function share(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '';
}

function num(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '';
}

/** Where `validate --report` writes when --report-dir is not given. */
const DEFAULT_REPORT_DIR = 'quadrant-report';

type Section = 'scorecard' | 'definitions' | 'regimes' | 'relative' | 'conditional' | 'benchmarks' | 'robustness';
const SECTIONS: readonly Section[] = ['scorecard', 'definitions', 'regimes', 'relative', 'conditional', 'benchmarks', 'robustness'];

interface ValidateArgs extends AnalysisArgs {
  reps: number;
  seed: number;
  level: number;
  bootstrap: BootstrapKind;
  claims?: string;
  section: Section | 'all';
  sample: 'full' | 'in' | 'out';
  format: Format;
  out?: string;
  robustness: boolean;
  grid?: string;
  permutations: number;
  'extra-trials': number;
  report?: string;
  'report-dir'?: string;
  force: boolean;
  verbose: boolean;
}

const REGIME_HEADER = [
  'series',
  'quadrant',
  'days',
  'episodes',
  'mean_annual',
  'lower',
  'upper',
  't_nw',
  'nw_lags',
  'volatility',
  'sharpe',
  'hit_rate',
  'max_drawdown',
  'cagr',
  'block_length',
  'reps',
  'seed',
];

function regimeRecords(rows: readonly RegimeStatsRow[], key = (r: RegimeStatsRow) => r.series): (string | number)[][] {
  return rows.map((r) => [
    key(r),
    r.quadrant === 0 ? 'all' : `Q${r.quadrant}`,
    r.days,
    r.episodes,
    r.meanAnnual,
    r.lower,
    r.upper,
    r.tStat,
    r.nwLags,
    r.volatility,
    r.sharpe,
    r.hitRate,
    r.maxDrawdown,
    r.cagr,
    r.blockLength,
    r.reps,
    r.seed,
  ]);
}

/** A per-regime table; series in `standIns` get the stand-in mark and the footnote under the table. */
function regimeText(rows: readonly RegimeStatsRow[], standIns: ReadonlyMap<string, readonly StandIn[]> = new Map()): string {
  const body = rows.map((r) => [
    r.quadrant === 0 ? (standIns.has(r.series) ? `${r.series} ${STAND_IN_MARK}` : r.series) : '',
    r.quadrant === 0 ? 'all' : `Q${r.quadrant}`,
    String(r.days),
    String(r.episodes),
    pct(r.meanAnnual),
    Number.isFinite(r.lower) ? `[${pct(r.lower)}, ${pct(r.upper)}]` : '',
    num(r.tStat),
    pctLevel(r.volatility),
    num(r.sharpe),
    share(r.hitRate),
    pct(-r.maxDrawdown),
  ]);
  const table = formatTable(
    ['series', 'quadrant', 'days', 'episodes', 'mean/yr', 'interval', 't (NW)', 'vol', 'Sharpe', 'hit', 'worst DD'],
    alignRight(body, [2, 3, 4, 5, 6, 7, 8, 9, 10]),
    { priority: [1, 1, 2, 4, 1, 3, 2, 4, 1, 4, 3] },
  );
  const footnote = standInFootnote(standIns);
  return footnote ? `${table}\n${footnote}` : table;
}

const CONDITIONAL_HEADER = [
  'condition',
  'series',
  'horizon_days',
  'group',
  'n',
  'windows',
  'episodes',
  'mean_return',
  'lower',
  'upper',
  't_nw',
  'hit_rate',
  'mean_drawdown',
  'drawdown_lower',
  'drawdown_upper',
  'worst_drawdown',
];

function conditionalRecords(rows: readonly ConditionalRow[]): (string | number)[][] {
  return rows.map((r) => [
    r.condition,
    r.series,
    r.horizon,
    r.group,
    r.n,
    r.windows,
    r.episodes,
    r.meanReturn,
    r.lower,
    r.upper,
    r.tStat,
    r.hitRate,
    r.meanDrawdown,
    r.drawdownLower,
    r.drawdownUpper,
    r.worstDrawdown,
  ]);
}

function conditionalText(rows: readonly ConditionalRow[]): string {
  const body = rows.map((r, k) => [
    k === 0 || rows[k - 1].series !== r.series || rows[k - 1].condition !== r.condition ? r.series : '',
    `${r.horizon}d`,
    r.group,
    String(r.n),
    num(r.windows, 0),
    pct(r.meanReturn),
    Number.isFinite(r.lower) ? `[${pct(r.lower)}, ${pct(r.upper)}]` : '',
    num(r.tStat),
    share(r.hitRate),
    pct(-r.meanDrawdown),
    Number.isFinite(r.drawdownLower) ? `[${pct(-r.drawdownUpper)}, ${pct(-r.drawdownLower)}]` : pct(-r.worstDrawdown),
  ]);
  return formatTable(
    ['series', 'horizon', 'group', 'days', '~windows', 'mean fwd', 'interval', 't (NW)', 'hit', 'mean DD', 'worst DD / interval'],
    alignRight(body, [3, 4, 5, 6, 7, 8, 9, 10]),
    { priority: [1, 1, 1, 3, 4, 1, 2, 2, 4, 3, 4] },
  );
}

function sampleWindow(sample: ValidateArgs['sample'], n: number, split: ReturnType<typeof claimWindows>): DayWindow {
  if (sample === 'full') return fullWindow(n);
  const w = sample === 'in' ? split.inSample : split.outOfSample;
  if (!w) throw new UsageError(`the ${sample === 'in' ? 'in' : 'out-of'}-sample window is empty in this data`, { field: 'sample' });
  return w;
}

export const validateCommand: CommandModule<AnalysisArgs, ValidateArgs> = {
  builder: (y: Argv<AnalysisArgs>) =>
    costOptions(y)
      .option('preset', { type: 'string', describe: 'regime definition preset (see quadrant regimes --help; default article)' })
      .option('config', { type: 'string', describe: 'a JSON regime definition instead of a preset' })
      .option('reps', { type: 'number', default: 1000, describe: `stationary-bootstrap resamples per interval${countRange('reps')}` })
      .option('seed', { type: 'number', default: 20260119, describe: 'bootstrap seed (reported with the results)' })
      .option('level', { type: 'number', default: 0.95, describe: 'confidence level of the intervals' })
      .option('bootstrap', {
        choices: ['stationary', 'episode'] as const,
        default: 'stationary' as BootstrapKind,
        describe: "claims' intervals and p-values: stationary bootstrap of days, or episode bootstrap (whole runs of each condition resampled)",
      })
      .option('claims', { type: 'string', describe: 'score only these claims, e.g. C1,C6 (the Holm/BH family is then these claims only)' })
      .option('section', {
        choices: ['all', ...SECTIONS] as const,
        default: 'all' as const,
        describe: 'what to print: one section in full (csv prints one section: scorecard unless named)',
      })
      .option('verbose', {
        type: 'boolean',
        default: false,
        describe: 'print every section in full; by default the terminal gets the scorecard, the answer and one line per section left out',
      })
      .option('sample', {
        choices: ['full', 'in', 'out'] as const,
        default: 'full' as const,
        describe: 'window of the per-regime, relative and conditional tables (the scorecard always shows both sides)',
      })
      .option('strategies', { type: 'boolean', default: true, describe: 'add the built-in strategies to the per-regime table (--no-strategies to skip)' })
      .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as Format })
      .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
      .option('robustness', {
        type: 'boolean',
        default: true,
        describe:
          'sweep a small grid around the regime definition: sensitivity, deflated Sharpe, PBO, permutation test, walk-forward (--no-robustness to skip)',
      })
      .option('grid', {
        type: 'string',
        describe: 'the robustness grid (JSON, see quadrant sweep --help; default 3 balance-sheet windows × 3 confirmation lengths × 2 rules)',
      })
      .option('permutations', {
        type: 'number',
        default: 200,
        describe: `block permutations of the regime labels in the robustness section (seeded by --seed)${countRange('permutations')}`,
      })
      .option('extra-trials', {
        type: 'number',
        default: 0,
        describe: `configurations or regime definitions tried before this grid: the deflated Sharpe ratio counts them as trials too${countRange('extra-trials')}`,
      })
      .option('report', { type: 'string', describe: 'also draw the validation report: html, pdf or html,pdf, into --report-dir' })
      .option('report-dir', { type: 'string', describe: `directory of the --report files (default ${DEFAULT_REPORT_DIR})` })
      .option('force', { type: 'boolean', default: false, describe: 'replace an existing report.html / report.pdf in --report-dir' })
      .example('$0 validate', 'the scorecard, the answer and what else there is to see')
      .example('$0 validate --verbose', 'every section in full: claim details, per-regime tables, benchmarks, robustness')
      .example('$0 validate --section scorecard --format csv --out scorecard.csv', 'the scorecard for a spreadsheet')
      .example('$0 validate --section benchmarks --cost-bps 10 --execution lag-2', 'the playbook against the benchmarks at 10 bps, acting a day late')
      .example('$0 validate --report html,pdf --report-dir out/validate', 'the scorecard, regimes, playbook and robustness as a report to hand on'),
  handler: async (args) => {
    if (!Number.isSafeInteger(args.seed)) throw new UsageError(`--seed must be a whole number, got ${args.seed}`, { field: 'seed' });
    if (!(args.level > 0 && args.level < 1)) throw new UsageError(`--level must lie in (0, 1), got ${args.level}`, { field: 'level' });
    const reportFormats = args.report === undefined ? undefined : await parseReportFormats(args.report, 'report');
    const reportDir = args['report-dir'] ?? DEFAULT_REPORT_DIR;
    if (reportFormats && !args.force) refuseOverwrite(reportDir, reportFormats);
    const section: Section | 'all' = args.format === 'csv' && args.section === 'all' ? 'scorecard' : args.section;
    const want = (s: Section) => (section === 'all' && (s !== 'robustness' || args.robustness)) || section === s;
    // The terminal's short form (validate with no --section or --verbose) prints the scorecard and
    // the answer; the other sections are computed only for a report, CSV or JSON.
    const brief = args.format === 'table' && section === 'all' && !args.verbose;
    const need = (s: Section) => want(s) && (!brief || reportFormats !== undefined || s === 'scorecard' || s === 'benchmarks');
    const grid = need('robustness') && args.grid ? loadGrid(args.grid) : undefined;
    const only = args.claims
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const nStrategies = args.strategies && need('regimes') ? BUILTIN_STRATEGIES.length - 1 : 0;
    const claimCount = need('scorecard') ? (only?.length ?? 10) : 0;
    const progress = stepProgress(
      'validate',
      2 +
        nStrategies +
        claimCount +
        (need('definitions') ? 1 : 0) +
        (need('regimes') ? 1 : 0) +
        (need('relative') ? 1 : 0) +
        (need('conditional') ? 1 : 0) +
        (need('benchmarks') ? 1 : 0) +
        (need('robustness') ? 1 : 0),
      args.quiet,
    );
    const inputs = await loadAnalysisInputs({ ...args, strategies: nStrategies > 0 }, progress);
    const { panel, roles, regimes } = inputs;
    const n = panel.calendar.length;
    const ctx = buildClaimContext(panel, roles, regimes.labels, { reps: args.reps, seed: args.seed, level: args.level, bootstrap: args.bootstrap });
    const split = claimWindows(ctx);
    const opts = { reps: args.reps, seed: args.seed, level: args.level, window: sampleWindow(args.sample, n, split) };

    const scorecard = need('scorecard') ? runScorecard(ctx, { only, onClaim: (id) => progress.tick(id) }) : [];
    const commodities: CommodityVariantRow[] =
      need('scorecard') && (!brief || reportFormats !== undefined)
        ? commodityVariants(panel, regimes.labels, { reps: args.reps, seed: args.seed, level: args.level, bootstrap: args.bootstrap }, roles)
        : [];
    let definitionGrid: VerdictGrid | undefined;
    if (need('definitions')) {
      const known = new Map([[JSON.stringify(regimes.config), regimes.labels]]);
      definitionGrid = verdictsAcrossDefinitions(panel, roles, definitionsAround(regimes.config), {
        reps: args.reps,
        seed: args.seed,
        level: args.level,
        bootstrap: args.bootstrap,
        only,
        known,
      });
      progress.tick('definitions');
    }
    // Each table's series that rest on stand-ins (roles held as T-bills) on its days.
    let regimeRows: RegimeStatsRow[] = [];
    let regimeStandIns = new Map<string, StandIn[]>();
    if (need('regimes')) {
      regimeRows = regimeTable([...roleReturns(roles), ...inputs.strategies], regimes.labels, panel.calendar, { ...opts, riskFree: ctx.cash });
      regimeStandIns = standInsBySeries(
        ctx,
        regimes.labels,
        ROLES.map((r) => ({ name: r, roles: [r] })),
        opts.window,
      );
      progress.tick('per-regime');
    }
    let relativeRows: RelativeRow[] = [];
    let relativeStandIns = new Map<string, StandIn[]>();
    if (need('relative')) {
      const byRole = Object.fromEntries(ROLES.map((r) => [r, roles.get(r)!.returns])) as Record<Role, Float64Array>;
      relativeRows = relativeTable(byRole, regimes.labels, panel.calendar, opts);
      relativeStandIns = standInsBySeries(
        ctx,
        regimes.labels,
        RELATIVE_PAIRS.map((p) => ({ name: p.id, roles: [...p.long, ...p.short] })),
        opts.window,
      );
      progress.tick('relative');
    }
    let conditionalRows: ConditionalRow[] = [];
    const since2020 = calendarIndexAtOrBefore(panel.calendar, dayOf(2019, 12, 31)) + 1;
    if (need('conditional')) {
      const series: NamedReturns[] = [
        ...RISK_ROLES.map((r) => ({ name: r, returns: roles.get(r)!.returns })),
        { name: 'risk basket', returns: basketReturns(RISK_ROLES.map((r) => roles.get(r)!.returns)) },
      ];
      const cw = { horizons: [21, 63], window: opts.window, level: args.level };
      conditionalRows = [
        ...conditionalTable(series, reservesCondition(panel.columns.WRESBAL, since2020), cw),
        ...conditionalTable(series, netLiquidityTercileCondition(ctx.netLiquidity), cw),
      ];
      progress.tick('conditional');
    }
    let robustness: RobustnessResult | undefined;
    if (need('robustness')) {
      const costBps = inputs.assumption.costBps;
      robustness = await runRobustness(panel, roles, {
        grid: grid ?? { ...defaultValidateGrid(regimes.config), costBps: [costBps] },
        costBps,
        // The grid fills as the assumption says, unless it is same-close (look-ahead-prone: not swept).
        execution: gridExecution(inputs.assumption.execution),
        // Every other regime definition of the grid was tried too: each counts as a trial for the DSR.
        extraTrials: args['extra-trials'] + definitionsAround(regimes.config).length - 1,
        permutations: args.permutations,
        seed: args.seed,
      });
      progress.tick('robustness');
    }
    let benchmarks: BenchmarkAnalysis | undefined;
    if (need('benchmarks') && regimes.firstLabelled >= 0) {
      // Every configuration tried counts: the robustness grid's and those named by --extra-trials.
      const gridTrials =
        robustness?.deflatedSharpe?.trials ??
        expandGrid(grid ?? defaultValidateGrid(regimes.config)).length + args['extra-trials'] + definitionsAround(regimes.config).length - 1;
      benchmarks = againstBenchmarks(inputs.market, regimes.labels, {
        start: inputs.start,
        assumption: inputs.assumption,
        seed: args.seed,
        shuffles: args.permutations,
        trials: gridTrials,
        panel: inputs.panel,
      });
      progress.tick('benchmarks');
    }
    progress.done();

    const cal = panel.calendar;
    const meta = {
      data: inputs.dir,
      calendar: { from: isoDay(cal[0]), to: isoDay(cal[n - 1]), days: n },
      regimes: { name: regimes.config.name, firstLabelled: regimes.firstLabelled >= 0 ? isoDay(cal[regimes.firstLabelled]) : null },
      article: isoDay(ctx.articleDay),
      inSample: split.inSample ? { from: isoDay(cal[split.inSample.from]), to: isoDay(cal[split.inSample.to]) } : null,
      outOfSample: split.outOfSample ? { from: isoDay(cal[split.outOfSample.from]), to: isoDay(cal[split.outOfSample.to]) } : null,
      bootstrap: {
        kind: args.bootstrap,
        reps: args.reps,
        seed: args.seed,
        level: args.level,
        blockLength: 'Politis–White (2004) automatic rule per series, floored at n^(1/3) days',
      },
      tablesSample: args.sample,
      warnings: inputs.warnings,
      thin: `fewer than ${THIN_DAYS} days or ${THIN_EPISODES} episodes of at least 21 trading days`,
      strategies: inputs.strategies.length ? 'built-in strategies replayed from the first labelled day under the assumptions above' : 'none',
      calibration: calibrationJson(regimes.labels, cal),
    };

    if (args.format === 'json') {
      const json: Record<string, unknown> = {
        assumptions: { ...assumptionJson(inputs.assumption), scope: gridExecutionNote(inputs.assumption.execution) },
        meta,
      };
      if (want('scorecard')) {
        const sc = scorecardJson(scorecard);
        json.scorecard = sc.rows;
        json.verdicts = { ...sc.summary, adjustment: sc.adjustment, forecasts: sc.forecasts };
      }
      if (definitionGrid) json.definitions = definitionGrid;
      if (commodities.length) json.commodityProxies = commodities;
      if (want('regimes')) json.regimes = regimeRecords(regimeRows).map((r) => Object.fromEntries(REGIME_HEADER.map((h, i) => [h, r[i]])));
      if (want('relative'))
        json.relative = regimeRecords(relativeRows, (r) => (r as RelativeRow).pair).map((r) =>
          Object.fromEntries(REGIME_HEADER.map((h, i) => [h === 'series' ? 'pair' : h, r[i]])),
        );
      // Series resting on stand-ins (roles held as T-bills, no instrument priced) on the tables' days.
      if (want('regimes') || want('relative'))
        json.standIns = {
          ...(want('regimes') ? { regimes: standInRecords(regimeStandIns) } : {}),
          ...(want('relative') ? { relative: standInRecords(relativeStandIns) } : {}),
        };
      if (want('conditional'))
        json.conditional = conditionalRecords(conditionalRows).map((r) => Object.fromEntries(CONDITIONAL_HEADER.map((h, i) => [h, r[i]])));
      if (benchmarks) {
        // The assumption is stated once, at the top.
        const { assumptions: _stated, ...rest } = benchmarks;
        json.benchmarks = rest;
      }
      if (robustness) json.robustness = robustness;
      emit(
        JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2),
        args.out,
      );
      return;
    }
    if (args.format === 'csv') {
      if (section === 'scorecard') emit(toCsv(SCORECARD_HEADER, scorecardRecords(scorecard)), args.out);
      else if (section === 'regimes') emit(toCsv(REGIME_HEADER, regimeRecords(regimeRows)), args.out);
      else if (section === 'definitions') emit(toCsv(DEFINITION_GRID_HEADER, definitionGrid ? definitionGridRecords(definitionGrid) : []), args.out);
      else if (section === 'relative')
        emit(
          toCsv(
            ['pair', ...REGIME_HEADER.slice(1)],
            regimeRecords(relativeRows, (r) => (r as RelativeRow).pair),
          ),
          args.out,
        );
      else if (section === 'robustness') emit(robustness ? configsCsv(robustness) : '', args.out);
      else if (section === 'benchmarks') emit(benchmarks ? benchmarksCsv(benchmarks) : '', args.out);
      else emit(toCsv(CONDITIONAL_HEADER, conditionalRecords(conditionalRows)), args.out);
      return;
    }
    const parts: string[] = [];
    parts.push(
      `assumptions: ${describeAssumption(inputs.assumption)} (${gridExecutionNote(inputs.assumption.execution)})`,
      `data ${meta.data}: ${meta.calendar.from} … ${meta.calendar.to}; regimes "${meta.regimes.name}" labelled from ${meta.regimes.firstLabelled}`,
      `article ${meta.article}: in sample ${meta.inSample?.from ?? '-'} … ${meta.inSample?.to ?? '-'}, out of sample ${meta.outOfSample?.from ?? '-'} … ${meta.outOfSample?.to ?? '-'}`,
      `intervals: ${args.level * 100}% stationary bootstrap, ${args.reps} resamples, seed ${args.seed}, expected block length Politis–White floored at n^(1/3) days; t-statistics Newey–West`,
    );
    if (want('scorecard')) {
      parts.push('', `CLAIMS SCORECARD (${args.bootstrap} bootstrap)`, scorecardTable(scorecard), scorecardLegend(args.level));
      // The short form ends with the verdict counts in its summary.
      if (!brief) parts.push('', 'VERDICTS', summaryText(summariseVerdicts(scorecard)), '', scorecardDetails(scorecard));
    }
    if (brief) {
      parts.push(
        '',
        "calibration, not validation: the regime definitions were tuned until the note's episodes read as it says (--section regimes lists them)",
        '',
        hiddenTablesText(validateHiddenTables(args.robustness)),
      );
    } else {
      if (commodities.length)
        parts.push('', 'COMMODITY CLAIMS BY PROXY (what stands for commodities: DBC, the default, against GSG and gold)', commodityVariantsText(commodities));
      if (definitionGrid) parts.push('', 'VERDICTS ACROSS REGIME DEFINITIONS', definitionGridText(definitionGrid));
      parts.push('', calibrationText(regimes.labels, cal));
      const sampleNote = args.sample === 'full' ? 'full history' : args.sample === 'in' ? 'in sample' : 'out of sample';
      if (want('regimes')) {
        parts.push(
          '',
          `PER-REGIME RETURNS (${sampleNote}; day i counts for the quadrant known at close i−1; Sharpe over T-bills)`,
          regimeText(regimeRows, regimeStandIns),
        );
      }
      if (want('relative')) {
        parts.push(
          '',
          `RELATIVE RETURNS BY QUADRANT (${sampleNote}; long basket minus short basket, daily rebalanced)`,
          regimeText(
            relativeRows.map((r) => ({ ...r, series: r.pair })),
            relativeStandIns,
          ),
        );
      }
      if (want('conditional')) {
        parts.push(
          '',
          `LIQUIDITY WATCH-LIST: forward 21- and 63-day returns after closes with reserves below/above $3T (since 2020; ${sampleNote})`,
          conditionalText(conditionalRows.filter((r) => r.condition === 'reserves')),
          '',
          `LIQUIDITY WATCH-LIST: forward 21- and 63-day returns by tercile of the 20-day net-liquidity change (cut points of the trailing 3 years; ${sampleNote})`,
          conditionalText(conditionalRows.filter((r) => r.condition === 'net-liquidity')),
        );
      }
      if (benchmarks) parts.push('', benchmarksText(benchmarks));
      if (robustness) {
        parts.push(
          '',
          `ROBUSTNESS (${args.grid ? `grid ${args.grid}` : 'default grid around the regime definition'}; permutation seeds ${args.seed} + i)`,
          robustnessText(robustness, 5),
        );
      }
    }
    emitText(parts.join('\n'), args.out);
    if (reportFormats) await writeValidationReport(args, reportFormats, reportDir, inputs, scorecard, robustness, benchmarks, definitionGrid, commodities);
    // The end of a long listing: the answer, the verdict counts and where the files went.
    if (!args.out)
      emitText(
        closingSummary(
          scorecard.length ? summaryText(summariseVerdicts(scorecard)) : undefined,
          benchmarks ? analysisAnswer(benchmarks) : undefined,
          reportFormats ? reportFormats.map((f) => `${reportDir}/report.${f}`) : [],
        ),
      );
  },
};

/** What the short form of validate leaves out, and the --section that prints each. */
function validateHiddenTables(robustness: boolean): HiddenTable[] {
  // Each line fits 80 columns: the option, then at most 55 characters.
  const tables: HiddenTable[] = [
    { what: "each claim's test, sample, power; commodity proxies", section: 'scorecard' },
    { what: 'verdicts across regime definitions', section: 'definitions' },
    { what: 'calibration episodes; per-regime returns', section: 'regimes' },
    { what: 'relative returns by quadrant (long − short baskets)', section: 'relative' },
    { what: 'forward returns by reserves and net-liquidity tercile', section: 'conditional' },
    { what: 'benchmark tests, cost × execution grid, episodes', section: 'benchmarks' },
  ];
  if (robustness) tables.push({ what: 'top configurations, sensitivity, PBO, walk-forward', section: 'robustness' });
  return tables;
}

/** The robustness grid's execution: the assumption's, except same-close (look-ahead-prone), which the grid replays at the next close. */
function gridExecution(execution: string): SweepExecution {
  return (SWEEP_EXECUTIONS as readonly string[]).includes(execution) ? (execution as SweepExecution) : 'next-close';
}

/** Which replays follow the assumption: all of them (the robustness grid at the next close under same-close). */
function gridExecutionNote(execution: string): string {
  return gridExecution(execution) === execution
    ? 'every replay: strategies, benchmarks, robustness grid'
    : 'every replay; the robustness grid charges the same cost but fills at the next close';
}

/** The validation report: the data-only report model, with this run's scorecard, strategies and robustness. */
async function writeValidationReport(
  args: ValidateArgs,
  formats: ReportFormat[],
  reportDir: string,
  inputs: AnalysisInputs,
  scorecard: ScorecardRow[],
  robustness?: RobustnessResult,
  benchmarks?: BenchmarkAnalysis,
  definitionGrid?: VerdictGrid,
  commodities?: CommodityVariantRow[],
): Promise<void> {
  // Loaded only here: the report stack (vega, pdfkit) costs a second to import.
  const { buildReportFromInputs } = await import('../../reports/sections/report-from-inputs.ts');
  const { benchmarkBlocks } = await import('../../reports/sections/benchmarks-section.ts');
  const { analysisAnswer } = await import('../../reports/sections/analysis-answer.ts');
  const model = buildReportFromInputs(
    {
      dataDir: inputs.dir,
      panel: inputs.panel,
      roles: inputs.roles,
      regimes: inputs.regimes,
      scorecard: scorecard.length ? scorecard : undefined,
      claims: { reps: args.reps, seed: args.seed, level: args.level },
      // The playbook is the report's own run (under the same assumption); the benchmarks join it once each.
      series: inputs.strategies.filter((s) => s.name !== 'article'),
      robustness: robustness ? robustnessReportInput(robustness) : undefined,
      benchmarks: benchmarks ? benchmarkBlocks(benchmarks) : undefined,
      answer: benchmarks ? analysisAnswer(benchmarks) : undefined,
      definitionGrid,
      commodityVariants: commodities,
    },
    {
      createdAt: reportCreatedAt(),
      command: `quadrant ${process.argv.slice(2).join(' ')}`,
      playbook: { costBps: inputs.assumption.costBps, execution: inputs.assumption.execution, withoutControl: true },
      notes: inputs.warnings.length
        ? [{ kind: 'note', tone: 'warning', text: `D${inputs.warningSummary.slice(1).replace(/ lists them$/, ' and the appendix list each with its dates')}.` }]
        : undefined,
    },
  );
  emitText(renderedLines(model, await writeReport(model, { formats, outDir: reportDir, quiet: args.quiet })));
}
