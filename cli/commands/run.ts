import type { Argv, CommandModule } from 'yargs';
import { TBILL } from '../../datasets/catalog.ts';
import { isoDay, parseDateBound } from '../../datasets/day.ts';
import { UsageError } from '../../datasets/errors.ts';
import { formatIssue } from '../../datasets/issues.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import { buildRoles } from '../../datasets/roles.ts';
import {
  buildManifest,
  LOOK_AHEAD_WARNING,
  marketFromRoles,
  attachTearsheets,
  resultMetrics,
  type BacktestResult,
  type Market,
  type ResultMetrics,
} from '../../engine/backtest/index.ts';
import { gitCheckout, quadrantVersion } from '../../engine/package-versions.ts';
import { computeRegimes, DEFAULT_PRESET } from '../../engine/regimes/index.ts';
import {
  assumptionJson,
  benchmarkStrategies,
  builtinStrategy,
  DEFAULT_EXECUTION,
  describeStrategy,
  RANDOM_REGIME_SEED,
  resolveStrategy,
  runStrategy,
  STRATEGY_EXECUTIONS,
  type Strategy,
  type StrategyExecution,
  weighsByRegime,
} from '../../strategies/index.ts';
import { randomRegimeDistribution, type RandomRegimeDistribution } from '../../strategies/robustness/index.ts';
import { readRunBundle, runBundleFiles, RUN_FILES, writeRunBundle } from '../../engine/run-bundle/index.ts';
import { loadData } from '../load-data.ts';
import { formatP } from '../figures.ts';
import { alignRight } from '../format.ts';
import { hiddenTablesText } from '../hidden-tables.ts';
import { emit, emitText, formatTable } from '../output.ts';
import { parseReportFormats, refuseOverwrite, renderedLines, reportFromRun } from './report.ts';
import { regimeConfigFrom } from './regimes.ts';

interface RunArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
  strategy: string;
  preset?: string;
  config?: string;
  /** Deprecated: moved to --preset or --config by cli/renamed-options.ts. */
  regimes?: string;
  from?: string;
  to?: string;
  rebalance?: string;
  'cost-bps': number;
  'slippage-bps': number;
  'fixed-cost': number;
  capital: number;
  execution: StrategyExecution;
  leverage: number;
  'allow-shorts': boolean;
  'financing-bps': number;
  seed: number;
  'run-dir'?: string;
  'report-dir'?: string;
  report?: string;
  force: boolean;
  verbose: boolean;
}

export const runCommand: CommandModule<RunArgs, RunArgs> = {
  builder: (y: Argv<RunArgs>) =>
    y
      .option('strategy', { type: 'string', default: 'article', describe: 'article | us-large | 60-40 | equal-weight | random-regime | FILE (.json/.yaml)' })
      .option('preset', { type: 'string', describe: 'regime definition preset (see quadrant regimes --help; default article)' })
      .option('config', { type: 'string', describe: 'a JSON regime definition instead of a preset' })
      .conflicts('preset', 'config')
      .option('regimes', { type: 'string', deprecated: 'use --preset NAME or --config FILE', hidden: true })
      .option('from', { type: 'string', describe: 'first date, YYYY[-MM[-DD]] (default: the first day with a regime label)' })
      .option('to', { type: 'string', describe: 'last date (default: the last day of data)' })
      .option('rebalance', {
        type: 'string',
        describe: 'rule for the strategy and the random-regime control, e.g. regime+monthly, monthly, drift:0.05, weekday:fri',
      })
      .option('cost-bps', { type: 'number', default: 5, describe: 'commission/spread per trade, basis points of the value traded' })
      .option('slippage-bps', { type: 'number', default: 0, describe: 'extra slippage, basis points of the value traded' })
      .option('fixed-cost', { type: 'number', default: 0, describe: 'fixed cost per order, in the currency of --capital' })
      .option('capital', { type: 'number', default: 1_000_000, describe: 'starting equity (gives fixed costs their scale; NAV starts at 1)' })
      .option('execution', {
        choices: STRATEGY_EXECUTIONS,
        default: DEFAULT_EXECUTION,
        describe: 'when an order decided at a close fills: next-close, next-open, lag-2 (two closes later), same-close (look-ahead-prone)',
      })
      .option('leverage', { type: 'number', default: 1, describe: 'sum of weights held; the rest is borrowed (> 1) or left in T-bills (< 1)' })
      .option('allow-shorts', { type: 'boolean', default: false, describe: 'allow negative weights' })
      .option('financing-bps', { type: 'number', default: 50, describe: 'spread over T-bills on borrowed cash and shorts, bps a year' })
      .option('seed', { type: 'number', default: RANDOM_REGIME_SEED, describe: 'seed of the random-regime control' })
      .option('run-dir', {
        type: 'string',
        describe: 'write the run bundle here: nav.csv, weights.csv, trades.csv, benchmarks.csv, metrics.json, manifest.json (replaced whole)',
      })
      .option('out', { type: 'string', deprecated: 'use --run-dir DIR', hidden: true })
      .option('report', { type: 'string', describe: 'also draw the report: html, pdf or html,pdf, into --report-dir (see quadrant report)' })
      .option('report-dir', { type: 'string', describe: 'directory of the --report files (default: the --run-dir)' })
      .option('force', { type: 'boolean', default: false, describe: 'replace an existing report.html / report.pdf in --report-dir' })
      .option('verbose', { type: 'boolean', default: false, describe: 'also list the instrument behind each role, and when it changes' })
      .example('$0 run --data ../shared/datasets --run-dir /tmp/run1', 'the article playbook since the first regime label')
      .example('$0 run --preset rates --run-dir /tmp/run2 --report html', 'another regime definition, with its HTML report')
      .example('$0 run --strategy my-playbook.yaml --rebalance regime+drift:0.05 --cost-bps 10', 'a user playbook'),
  handler: async (args) => {
    const reportFormats = args.report === undefined ? undefined : await parseReportFormats(args.report, 'report');
    const runDir = args['run-dir'];
    if (reportFormats && !runDir) throw new UsageError('--report needs --run-dir DIR: the report is drawn from the run written there', { field: 'report' });
    // The run directory is replaced whole; a report elsewhere is kept unless --force.
    if (reportFormats && args['report-dir'] && !args.force) refuseOverwrite(args['report-dir'], reportFormats);
    // A bad strategy file costs no data loading.
    const strategy = resolveStrategy(args.strategy, { seed: args.seed });
    // Warnings are reported after the run, in detail for the instruments the strategy held.
    const { dir, dataset: ds, panel } = await loadData(args, { reportWarnings: false });
    const roles = buildRoles(panel);
    const market = marketFromRoles(panel, roles);
    const regimes = computeRegimes(panel, regimeConfigFrom(args));
    const labels = regimes.labels;
    const n = panel.calendar.length;

    const first = labels.findIndex((q) => q !== 0);
    if (first < 0 && !args.from) throw new UsageError('the regime labels never start on this data', { hint: 'check the macro series, or pass --from' });
    const start = args.from ? calendarIndexAtOrBefore(panel.calendar, dayArg(args.from, false, 'from') - 1) + 1 : first;
    const end = args.to ? calendarIndexAtOrBefore(panel.calendar, dayArg(args.to, true, 'to')) : n - 1;
    if (start >= n || end < start + 1)
      throw new UsageError('the period holds fewer than two trading days', {
        hint: `data runs ${isoDay(panel.calendar[0])} to ${isoDay(panel.calendar[n - 1])}`,
      });
    if (!labels.subarray(start, end + 1).some((q) => q !== 0)) {
      throw new UsageError(
        `no day from ${isoDay(panel.calendar[start])} to ${isoDay(panel.calendar[end])} has a regime label, so the playbook would only hold cash`,
        {
          option: args.from ? 'from' : 'to',
          hint: first >= 0 ? `labels start on ${isoDay(panel.calendar[first])}` : 'the regime labels never start on this data',
        },
      );
    }
    const periodWarnings = shortPeriodWarnings(end - start + 1);

    // The article playbook is shown beside its unconditional variant (Q2 tilt on every Q2 day).
    const variants = strategy.name === 'article' ? [builtinStrategy('article-unconditional')] : [];
    const strategies: Strategy[] = [strategy, ...variants, ...benchmarkStrategies({ seed: args.seed }).filter((b) => b.name !== strategy.name)];
    const options = {
      start,
      end,
      execution: args.execution,
      leverage: args.leverage,
      allowShorts: args['allow-shorts'] || undefined,
      financingBps: args['financing-bps'],
      costs: { bps: args['cost-bps'], slippageBps: args['slippage-bps'], fixedPerTrade: args['fixed-cost'], initialCapital: args.capital },
    };
    const env = { market, labels, panel };
    const results = strategies.map((s) =>
      runStrategy(s, env, { ...options, rebalance: s === strategy || s.name === 'random-regime' ? args.rebalance : undefined }),
    );
    for (const r of results) assertValued(r, args);
    const metrics = results.map((r) => resultMetrics(r, market, labels));
    attachTearsheets(results, metrics, market);
    // The random-regime row is one shuffle: its distribution says what the control really does.
    const control = randomRegimeControl(args, strategy, { market, labels, panel }, start, end, metrics[0].overall.sharpe);

    emitText(
      report(
        dir,
        strategy,
        results,
        metrics,
        market,
        args,
        regimes.config.name ?? regimeChoice(args),
        periodWarnings,
        control && controlText(control, strategy.name),
      ),
    );
    if (runDir) {
      writeBundle(args, runDir, dir, ds.files, ds.notes, strategy, results, metrics, market, periodWarnings, control);
      emit(`\nwrote ${runDir}: ${RUN_FILES.join(' ')}`);
    }
    if (!args.quiet) {
      const held = new Set(results[0].segments.filter((s) => s.held).map((s) => s.instrument));
      const shown = ds.issues.filter((i) => i.severity === 'warning' && i.series !== undefined && held.has(i.series));
      for (const issue of shown) process.stderr.write(`${formatIssue(issue)}\n`);
      const rest = ds.issues.filter((i) => i.severity === 'warning').length - shown.length;
      if (rest > 0) process.stderr.write(`${rest} more data warning(s) on series not held (see quadrant data verify)\n`);
    }
    if (reportFormats) {
      const loaded = { dataset: ds, panel, roles, regimes };
      const { model, rendered } = await reportFromRun(readRunBundle(runDir!), {
        formats: reportFormats,
        outDir: args['report-dir'] ?? runDir,
        quiet: args.quiet,
        loaded,
      });
      emitText(renderedLines(model, rendered));
    }
  },
};

function dayArg(text: string, end: boolean, flag: string): number {
  const d = parseDateBound(text, end);
  if (Number.isNaN(d)) throw new UsageError(`bad date for --${flag}: "${text}"`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  return d;
}

// One rounding convention per kind of figure in the terminal: percentages 1 dp, ratios 2 dp.
const pct = (x: number, digits = 1) => (Number.isFinite(x) ? (x * 100).toFixed(digits) : '');
const fix = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '');

/** Trading days in a year, the annualisation convention. */
const YEAR_DAYS = 252;

/** A warning for a period under a year, whose annualised figures extrapolate from weeks. */
function shortPeriodWarnings(days: number): string[] {
  if (days >= YEAR_DAYS) return [];
  return [
    `the period holds ${days} trading days, under a year (${YEAR_DAYS}): annualised figures (CAGR, volatility, Sharpe, Calmar) extrapolate from it and mislead`,
  ];
}

/**
 * Metrics need a positive NAV on two days at least: a run wiped out on its first day (costs
 * larger than the equity, e.g. --fixed-cost 1000000 on --capital 1) is an error naming the day.
 */
function assertValued(result: BacktestResult, args: RunArgs): void {
  let m = 0;
  while (m < result.nav.length && result.nav[m] > 0) m++;
  if (m >= 2) return;
  const day = isoDay(result.days[Math.min(m, result.days.length - 1)]);
  const fixed = args['fixed-cost'] ? `, --fixed-cost ${args['fixed-cost']} per order against --capital ${args.capital}` : '';
  throw new UsageError(
    `${result.name}: the costs wiped out the equity on ${day}, before a second day could be valued (costs ${args['cost-bps']} bps${fixed}); no metric can be computed`,
    {
      option: args['fixed-cost'] ? 'fixed-cost' : 'cost-bps',
      hint: 'lower the costs or raise --capital',
    },
  );
}

function report(
  dir: string,
  strategy: Strategy,
  results: BacktestResult[],
  metrics: ResultMetrics[],
  market: Market,
  args: RunArgs,
  regimeName: string,
  periodWarnings: string[],
  control?: string,
): string {
  const main = results[0];
  const lines: string[] = [];
  const lookAhead = main.lookAheadProne ? '  ** LOOK-AHEAD-PRONE (same-close) **' : '';
  const override = args.rebalance ? ` — rule replaced by --rebalance ${main.rule}` : '';
  lines.push(`quadrant run: ${strategy.name} (${describeStrategy(strategy)}${override})${lookAhead}`);
  lines.push(`data ${dir}; regimes ${regimeName}; ${isoDay(main.days[0])} to ${isoDay(main.days[main.days.length - 1])} (${main.days.length} trading days)`);
  lines.push(
    `execution ${args.execution}; costs ${args['cost-bps']} bps${args['slippage-bps'] ? ` + ${args['slippage-bps']} bps slippage` : ''}${args['fixed-cost'] ? ` + ${args['fixed-cost']} per order` : ''}; leverage ${main.options.leverage}; rebalance ${main.rule}`,
  );
  lines.push('');
  // Units in the headers; equity in the currency of --capital (NAV starts at 1).
  const header = [
    'strategy',
    'CAGR (%)',
    'vol (%)',
    'Sharpe',
    'Sortino',
    'max DD (%)',
    'DD peak',
    'DD trough',
    'DD days',
    'Calmar',
    'turnover (% / yr)',
    'cost drag (bp / yr)',
    'final equity ($)',
  ];
  const rows = results.map((r, i) => {
    const m = metrics[i].overall;
    return [
      r.name + (r.lookAheadProne ? ' (look-ahead-prone)' : ''),
      pct(m.cagr),
      pct(m.volatility),
      fix(m.sharpe),
      fix(m.sortino),
      pct(-m.maxDrawdown),
      Number.isFinite(m.maxDrawdownStart) ? isoDay(m.maxDrawdownStart) : '',
      Number.isFinite(m.maxDrawdownTrough) ? isoDay(m.maxDrawdownTrough) : '',
      Number.isFinite(m.maxDrawdownLengthDays) ? String(m.maxDrawdownLengthDays) : '',
      fix(m.calmar),
      pct(m.turnover),
      fix(m.costDrag * 1e4, 1),
      Number.isFinite(r.nav[r.nav.length - 1]) ? Math.round(r.nav[r.nav.length - 1] * args.capital).toLocaleString('en-US') : '',
    ];
  });
  lines.push(
    formatTable(header, alignRight(rows, [1, 2, 3, 4, 5, 8, 9, 10, 11, 12]), {
      priority: [1, 1, 2, 1, 3, 1, 4, 4, 3, 3, 2, 3, 2],
      short: { 'turnover (% / yr)': 'turnover %/yr', 'cost drag (bp / yr)': 'cost bp/yr', 'final equity ($)': 'equity ($)' },
    }),
  );
  if (control) lines.push(control);
  lines.push('');
  lines.push(`${strategy.name} by quadrant in force (return of day t under the label of t−1):`);
  const qRows = [1, 2, 3, 4].map((q) => {
    const m = metrics[0].byQuadrant.get(q);
    return [`Q${q}`, String(m ? m.days : 0), m ? pct(m.cagr) : '', m ? pct(m.volatility) : '', m ? fix(m.sharpe) : '', m ? pct(-m.maxDrawdown) : ''];
  });
  lines.push(formatTable(['quadrant', 'days', 'CAGR (%)', 'vol (%)', 'Sharpe', 'max DD (%)'], alignRight(qRows, [1, 2, 3, 4, 5])));
  lines.push('');
  if (args.verbose) {
    lines.push(`instruments used (role: instrument from → to; * = held by ${strategy.name}):`);
    for (const role of market.roles) {
      const segs = main.segments.filter((s) => s.role === role);
      lines.push(`  ${role.padEnd(17)} ${segs.map((s) => `${s.held ? '*' : ''}${s.instrument} ${s.from} → ${s.to}`).join('; ')}`);
    }
  } else {
    const switched = market.roles.filter((role) => main.segments.filter((s) => s.role === role).length > 1).length;
    lines.push(
      hiddenTablesText([{ what: `the instrument behind each of the ${market.roles.length} roles, and when (${switched} switch instrument on the way)` }]),
    );
  }
  const warnings = new Set<string>(periodWarnings);
  for (const r of results) for (const w of r.warnings) warnings.add(w === LOOK_AHEAD_WARNING ? w : `${r.name}: ${w}`);
  for (const s of main.segments) {
    if (s.held && s.instrument === TBILL && s.role !== 'cash')
      warnings.add(`${s.role} had no price from ${s.from} to ${s.to}: held as T-bills (the role's last fall-back)`);
  }
  if (warnings.size) lines.push('', ...[...warnings].map((w) => `warning: ${w}`));
  return lines.join('\n');
}

/**
 * The random-regime control over 200 shuffles of the labels, under the run's cost and execution
 * (none for a strategy whose weights do not follow the labels, and none when fixed costs or
 * leverage ≠ 1 make the one-line assumption incomplete).
 */
function randomRegimeControl(
  args: RunArgs,
  strategy: Strategy,
  { market, labels, panel }: { market: Market; labels: Uint8Array; panel: Panel },
  start: number,
  end: number,
  reference: number,
): RandomRegimeDistribution | undefined {
  // Shuffled labels change nothing for weights that ignore them: there is no timing to test.
  if (!weighsByRegime(strategy) || args['fixed-cost'] !== 0 || args.leverage !== 1 || end - start < 2) return undefined;
  return randomRegimeDistribution(market, labels, {
    start,
    end,
    assumption: { costBps: args['cost-bps'] + args['slippage-bps'], execution: args.execution },
    strategy,
    rule: args.rebalance,
    panel,
    seed: args.seed,
    reference,
  });
}

function controlText(c: RandomRegimeDistribution, name: string): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
  const p = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
  return (
    `random-regime above is one shuffle (seed ${c.seed}); over ${c.shuffles} shuffles (seeds ${c.seed} + i), median [5–95%]: ` +
    `Sharpe ${f(c.sharpe.median)} [${f(c.sharpe.p05)}, ${f(c.sharpe.p95)}], CAGR ${p(c.cagr.median)} [${p(c.cagr.p05)}, ${p(c.cagr.p95)}], ` +
    `max DD ${p(-c.maxDrawdown.median)} [${p(-c.maxDrawdown.p05)}, ${p(-c.maxDrawdown.p95)}]; ${c.atLeast} of ${c.shuffles} reach ${name}'s Sharpe (p = ${formatP(c.pValue)})`
  );
}

/** The regime definition as the manifest records it: the preset's name or the config file. */
function regimeChoice(args: RunArgs): string {
  return args.config ?? args.preset ?? DEFAULT_PRESET;
}

/** Writes the run's bundle into --run-dir, replacing any previous one whole (engine/run-bundle). */
function writeBundle(
  args: RunArgs,
  runDir: string,
  dir: string,
  files: Map<string, string>,
  notes: string[],
  strategy: Strategy,
  results: BacktestResult[],
  metrics: ResultMetrics[],
  market: Market,
  warnings: string[],
  control?: RandomRegimeDistribution,
): void {
  const main = results[0];
  const manifest = buildManifest({
    version: quadrantVersion(),
    commit: gitCheckout()?.commit,
    command: ['quadrant', ...process.argv.slice(2)],
    dataDir: dir,
    files,
    notes,
    config: {
      strategy: args.strategy,
      ...(strategy.spec !== undefined ? { strategySpec: strategy.spec } : {}),
      steps: describeStrategy(strategy),
      regimes: regimeChoice(args),
      from: isoDay(main.days[0]),
      to: isoDay(main.days[main.days.length - 1]),
      rebalance: args.rebalance ?? null,
      seed: args.seed,
    },
    results,
  });
  const extra = {
    assumptions: assumptionJson({ costBps: args['cost-bps'], execution: args.execution }),
    ...(control ? { randomRegimeDistribution: control } : {}),
  };
  writeRunBundle(runDir, runBundleFiles({ results, metrics, market, manifest, warnings, extra }), { option: 'run-dir' });
}
