import { isoDay } from '../../datasets/day.ts';
import type { Panel } from '../../datasets/panel.ts';
import { tbillReturns } from '../../datasets/roles.ts';
import type { NamedReturns } from '../../engine/analysis/index.ts';
import type { ConfigEntry, NoteBlock, ReportModel } from '../model.ts';
import { flattenParameters } from './appendix-section.ts';
import { assembleReport, type PerformancePart, type ReportBuildOptions, type ReportInputs } from './report-from-inputs.ts';
import type { RunBundle } from '../../engine/run-bundle/index.ts';
import { runDataWarnings, type RunDataCheck } from './run-data-check.ts';
import { navReturns, runHeadline, runLabel, runPerformanceSection } from './run-performance.ts';
import { runTearsheetBlocks } from './run-tearsheet.ts';
import { benchmarkAnswer, randomRegimeSentence, type AnswerPortfolio } from './benchmark-answer.ts';
import { simpleBenchmarks } from '../../strategies/robustness/index.ts';
import { readRunWeights } from './run-weights.ts';
import { runWhatIfSource, whatIfBlocks } from './what-if-section.ts';

/** Where each of a run's days sits in a calendar. */
export interface RunOnCalendar {
  /** Calendar index of bundle.days[j], or −1 when the calendar lacks that day. */
  index: Int32Array;
  /** How many run days the calendar lacks (0 when the data is the run's). */
  unmatched: number;
}

/** Places a run's days on a calendar by exact day (one merge walk: both are ascending). */
export function runOnCalendar(days: Int32Array, calendar: Int32Array): RunOnCalendar {
  const index = new Int32Array(days.length);
  let unmatched = 0;
  let t = 0;
  for (let j = 0; j < days.length; j++) {
    while (t < calendar.length && calendar[t] < days[j]) t++;
    if (t < calendar.length && calendar[t] === days[j]) index[j] = t;
    else {
      index[j] = -1;
      unmatched++;
    }
  }
  return { index, unmatched };
}

/**
 * A run's daily returns on the calendar: nav[j] / nav[j − 1] − 1 on the calendar day of run day
 * j (j ≥ 1), NaN on every other day (before and after the run, and days the run lacks).
 */
export function runReturnsOnCalendar(nav: Float64Array, place: RunOnCalendar, n: number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  const r = navReturns(nav);
  for (let j = 1; j < nav.length; j++) if (place.index[j] >= 0) out[place.index[j]] = r[j];
  return out;
}

/** Options of {@link buildReportFromRun}. */
export interface RunReportOptions extends ReportBuildOptions {
  /** The data directory compared with the run's checksums (see checkRunData); its warnings go to the summary. */
  dataCheck?: RunDataCheck;
}

/**
 * The report of a finished run (`quadrant run --run-dir DIR`). Headline metrics, the performance
 * tables and the equity curves come straight from the bundle (metrics.json, nav.csv,
 * benchmarks.csv), so the report's numbers are the run's numbers; the configuration and the
 * run's parameters from manifest.json. What the bundle does not hold (regime timeline,
 * liquidity dashboard, returns by regime, the claims scorecard, the episode panels, the data
 * provenance) is recomputed from `inputs`: the data the run read, labelled by the run's regime
 * definition. Warnings (data changed since the run, a look-ahead-prone run, the run's own
 * warnings, run days missing from the data) appear as notes at the top of the summary.
 *
 * @throws ConfigError (field `episodes`) for an unknown episode or one with no trading day in the data.
 */
export function buildReportFromRun(bundle: RunBundle, inputs: ReportInputs, options: RunReportOptions = {}): ReportModel {
  const part = runPart(bundle, inputs.panel, options.dataCheck);
  const place = runOnCalendar(bundle.days, inputs.panel.calendar);
  part.performance.blocks.push(...whatIfBlocks(runWhatIfSource(bundle, place, inputs.panel, inputs.roles, inputs.regimes.labels)));
  return assembleReport(inputs, part, options);
}

function runPart(bundle: RunBundle, panel: Panel, check: RunDataCheck | undefined): PerformancePart {
  const n = panel.calendar.length;
  const place = runOnCalendar(bundle.days, panel.calendar);
  const tbill = tbillReturns(panel);
  // T-bill accrual on the run's days, for the rolling Sharpe ratio (0 on a day the data lacks).
  const riskFree = new Float64Array(bundle.days.length);
  for (let j = 1; j < riskFree.length; j++) riskFree[j] = place.index[j] >= 0 ? tbill[place.index[j]] : 0;
  const series: NamedReturns[] = bundle.navs.map(({ nav }, k) => ({ name: runLabel(bundle, k), returns: runReturnsOnCalendar(nav, place, n) }));

  const first = bundle.manifest.runs[0];
  const options = (first.options ?? {}) as Partial<typeof first.options>;
  const costs = (options.costs ?? {}) as Partial<NonNullable<typeof options.costs>>;
  const c = bundle.config;
  const strategyName = bundle.navs[0].name;
  const benchmarks = bundle.navs.slice(1).map((r) => r.name);
  const days = bundle.days;
  const period = `${isoDay(days[0])} to ${isoDay(days[days.length - 1])} (${days.length} trading days)`;
  const costText = [
    `${costs.bps ?? 0} bps per trade`,
    ...(costs.slippageBps ? [`${costs.slippageBps} bps slippage`] : []),
    ...(costs.fixedPerTrade ? [`${costs.fixedPerTrade} per order`] : []),
  ].join(' + ');
  const version = bundle.manifest.quadrant ?? { version: 'unknown' };
  const runCode = `quadrant ${version.version}${version.commit ? `, commit ${version.commit.slice(0, 12)}` : ''}`;
  const config: ConfigEntry[] = [
    { key: 'Strategy', value: `${strategyName}: ${c.steps ?? strategyName}` },
    { key: 'Benchmarks', value: benchmarks.join(', ') || 'none' },
    { key: 'Period', value: period },
    {
      key: 'Execution and costs',
      value: `${bundle.metrics.assumptions?.execution ?? options.execution ?? '?'}; ${costText}; leverage ${options.leverage ?? 1}; rebalance ${first.rule}`,
    },
    { key: 'Run', value: `${bundle.dir} (${runCode})` },
  ];
  const parameters: ConfigEntry[] = [
    { key: 'run.dir', value: bundle.dir },
    ...(bundle.manifest.command ? [{ key: 'run.command', value: bundle.manifest.command.join(' ') }] : []),
    { key: 'run.code', value: `${runCode}, Node ${bundle.manifest.node ?? '?'}` },
    ...flattenParameters(c, 'run.config'),
    ...flattenParameters(omit(options, ['name', 'start', 'end']), 'run.options'),
    ...bundle.manifest.runs.map((r) => ({ key: `run.rule.${r.name}`, value: r.rule })),
    ...(check ? [{ key: 'run.dataChecksums', value: checkText(check, Object.keys(bundle.manifest.data.files).length) }] : []),
  ];

  const notes: NoteBlock[] = [];
  if (check)
    for (const w of runDataWarnings(check))
      notes.push({
        kind: 'note',
        tone: 'warning',
        text: `${capital(w)}. The sections recomputed from the data (regimes, liquidity, returns by regime, scorecard, episodes) may differ from what the run saw; the performance figures are the run's own.`,
      });
  if (place.unmatched > 0)
    notes.push({
      kind: 'note',
      tone: 'warning',
      text: `${place.unmatched} of the run's ${days.length} days are not trading days of the data now read: the strategy's returns by regime and in the episodes leave them out.`,
    });
  if (bundle.manifest.lookAheadProne)
    notes.push({ kind: 'note', tone: 'warning', text: bundle.metrics.warning ?? 'The run is look-ahead-prone (same-close execution).' });
  for (const w of bundle.metrics.warnings ?? []) notes.push({ kind: 'note', tone: 'warning', text: capital(w) + '.' });
  for (const r of bundle.manifest.runs) for (const w of r.warnings ?? []) notes.push({ kind: 'note', tone: 'warning', text: `${r.name}: ${w}` });
  const control = bundle.metrics.randomRegimeDistribution;
  if (control) {
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
    const pc = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
    notes.push({
      kind: 'note',
      tone: 'info',
      text: `random-regime is one shuffle of the labels (seed ${control.seed}). Over ${control.shuffles} shuffles its Sharpe has median ${f(control.sharpe.median)} (5–95%: ${f(control.sharpe.p05)} to ${f(control.sharpe.p95)}) and its CAGR ${pc(control.cagr.median)} (${pc(control.cagr.p05)} to ${pc(control.cagr.p95)}); ${control.atLeast} of ${control.shuffles} reach ${strategyName}'s Sharpe (p = ${control.pValue.toFixed(3)}).`,
    });
  }

  const performance = runPerformanceSection(bundle, riskFree);
  performance.blocks.push(...runTearsheetBlocks(bundle, readRunWeights(bundle.dir)));
  const answer = runAnswer(bundle, riskFree, `${isoDay(days[0])} to ${isoDay(days[days.length - 1])}`);
  return {
    subtitle: `${strategyName} against ${benchmarks.length} benchmark${benchmarks.length === 1 ? '' : 's'}, ${isoDay(days[0])} to ${isoDay(days[days.length - 1])}`,
    config,
    headline: runHeadline(bundle),
    performance,
    parameters,
    series,
    notes,
    strategy: series[0].name,
    ...(answer ? { answer } : {}),
  };
}

/** The simple benchmarks the first-page answer tests the strategy against, when the run has them (validate's too). */
const SIMPLE_BENCHMARKS = simpleBenchmarks().map((s) => s.name);

/** The first-page answer of a run: the strategy's Sharpe ratio against each simple benchmark's, tested. */
function runAnswer(bundle: RunBundle, riskFree: Float64Array, period: string): string | undefined {
  const portfolio = (k: number): AnswerPortfolio => {
    const { name, nav } = bundle.navs[k];
    const excess = new Float64Array(nav.length).fill(NaN);
    for (let j = 1; j < nav.length; j++) if (nav[j - 1] > 0 && nav[j] > 0) excess[j] = nav[j] / nav[j - 1] - 1 - riskFree[j];
    const overall = bundle.metrics.runs[name].overall;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return { label: name, excess, sharpe: num(overall.sharpe), cagr: num(overall.cagr) };
  };
  const benchmarks = bundle.navs.map((r, k) => (k > 0 && SIMPLE_BENCHMARKS.includes(r.name) ? portfolio(k) : undefined)).filter((b) => b !== undefined);
  const answer = benchmarkAnswer(portfolio(0), benchmarks, period)?.text;
  const control = bundle.metrics.randomRegimeDistribution;
  return answer && control && Number.isFinite(control.pValue) ? `${answer} ${randomRegimeSentence(control)}` : answer;
}

function checkText(check: RunDataCheck, total: number): string {
  if (!check.changed.length && !check.missing.length) return `all ${total} files in ${check.dataDir} match manifest.json`;
  return `${check.matched.length} of ${total} match; changed: ${check.changed.join(', ') || 'none'}; missing: ${check.missing.join(', ') || 'none'}`;
}

function omit(value: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
