import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { Role } from '../../datasets/catalog.ts';
import { DataError, UsageError } from '../../datasets/errors.ts';
import { createProgress, type Progress } from '../../datasets/live/progress.ts';
import { assertUsable, loadDataset, type Dataset } from '../../datasets/load-dataset.ts';
import { buildPanel, type Panel } from '../../datasets/panel.ts';
import { buildRoles, type RoleSeries } from '../../datasets/roles.ts';
import { computeRegimes, resolveRegimeConfig, type RegimeResult } from '../../engine/regimes/index.ts';
import { readRunBundle, type RunBundle } from '../../engine/run-bundle/index.ts';
import { checkRunData, runDataWarnings } from '../../reports/sections/run-data-check.ts';
import { modelCharts, presentSections, type ReportModel } from '../../reports/model.ts';
import type { RobustnessInput } from '../../reports/sections/robustness-section.ts';
import type { RenderedReport, ReportFormat } from '../../reports/render/index.ts';
import { emitText } from '../output.ts';
import { reportCreatedAt } from '../report-created-at.ts';

export { reportCreatedAt };

// The report builders and renderers (vega, vega-lite, pdfkit) load only when a report is drawn,
// so every other command starts without them.
const loadRender = () => import('../../reports/render/index.ts');
const loadBuild = async () => ({ ...(await import('../../reports/sections/from-run.ts')), ...(await import('../../reports/sections/report-from-inputs.ts')) });

/**
 * The robustness figures of the article playbook on this data (strategies/robustness: the default
 * grid of 18 configurations, the deflated Sharpe ratio, the probability of overfitting, 200 label
 * permutations, walk-forward), about 0.4 s on the snapshot.
 */
async function robustnessFigures(data: LoadedData): Promise<RobustnessInput> {
  const { runRobustness, robustnessReportInput } = await import('../../strategies/robustness/index.ts');
  return robustnessReportInput(await runRobustness(data.panel, data.roles));
}

/**
 * Parses a comma-separated format list ("html,pdf") for `--format` / `--report`.
 * @throws ConfigError naming `field` for an empty list or an unknown format.
 */
export async function parseReportFormats(text: string, field: string): Promise<ReportFormat[]> {
  return (await loadRender()).parseFormats(text, field);
}

interface ReportArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
  run: string;
  report?: string;
  'report-dir'?: string;
  force: boolean;
  episodes?: string;
  robustness: boolean;
}

/** What the report of a run is drawn from when the caller has already loaded it (`quadrant run --report`). */
export interface LoadedData {
  dataset: Dataset;
  panel: Panel;
  roles: Map<Role, RoleSeries>;
  regimes: RegimeResult;
}

export interface RunReportRequest {
  formats: readonly ReportFormat[];
  /** Where report.html / report.pdf go (default: the run directory). */
  outDir?: string;
  /** Episodes to compare (default 2022 and 2025Q2). */
  episodes?: readonly string[];
  /** Data directory to recompute from (default: the one manifest.json records, else QUADRANT_DATA). */
  dataDir?: string;
  /** Data already loaded and labelled with the run's regime definition (skips loading). */
  loaded?: LoadedData;
  /** No progress bar and no warnings on stderr. */
  quiet?: boolean;
  /** Run the robustness checks and draw their section (default true). */
  robustness?: boolean;
}

/** A progress bar on stderr (one line per step when stderr is not a terminal); nothing with --quiet. */
function progressOf(label: string, total: number, quiet?: boolean): Progress {
  return quiet ? { tick() {}, done() {} } : createProgress(label, total);
}

/**
 * Renders a model to files with a progress bar driven by renderReport's onProgress (on stderr,
 * silent with `quiet`); Vega warnings go to stderr too. For `report`, `run --report` and
 * `validate --report`.
 */
export async function writeReport(model: ReportModel, options: { formats: readonly ReportFormat[]; outDir: string; quiet?: boolean }): Promise<RenderedReport> {
  const { renderReport } = await loadRender();
  let bar: Progress | undefined;
  const out = await renderReport(model, {
    formats: options.formats,
    outDir: options.outDir,
    onProgress: (p) => {
      bar ??= progressOf('report', p.total, options.quiet);
      bar.tick(p.step);
    },
  });
  bar?.done();
  if (!options.quiet) for (const w of out.warnings) process.stderr.write(`warning: chart ${w}\n`);
  return out;
}

/** "wrote DIR/report.html (2.9 MB, 20 charts)" lines for stdout. */
export function renderedLines(model: ReportModel, out: RenderedReport): string {
  const charts = modelCharts(model).length;
  return out.files
    .map((f) => `wrote ${f.path} (${(f.bytes / 1e6).toFixed(1)} MB, ${f.format === 'pdf' ? `${out.pdfPages} pages` : `${charts} charts`})`)
    .join('\n');
}

/**
 * Where the data of a run is read from: --data, else the directory manifest.json records (as
 * given at run time, so relative to where the run was started), else QUADRANT_DATA.
 * @throws DataError naming the recorded directory when none exists.
 */
export function runDataDir(bundle: RunBundle, explicit?: string): string {
  if (explicit) return explicit;
  const recorded = bundle.manifest.data.dir;
  if (existsSync(recorded)) return recorded;
  if (!isAbsolute(recorded) && existsSync(resolve(bundle.dir, recorded))) return resolve(bundle.dir, recorded);
  if (process.env.QUADRANT_DATA) return process.env.QUADRANT_DATA;
  throw new DataError('file-missing', `the run's data directory ${recorded} is gone`, {
    file: recorded,
    hint: 'pass --data DIR with the same snapshot (its checksums are verified against manifest.json)',
  });
}

/**
 * The report of a finished run, written to `outDir`: reads nothing but the bundle and the data
 * it names, verifies the data's sha256 against manifest.json (a mismatch → a warning naming
 * the files, on stderr and in the report's summary), recomputes the regime labels with the
 * run's definition, builds the model (buildReportFromRun) and renders it (writeReport).
 */
export async function reportFromRun(
  bundle: RunBundle,
  request: RunReportRequest,
): Promise<{ model: ReportModel; rendered: RenderedReport; warnings: string[] }> {
  const dataDir = request.loaded?.dataset.dir ?? runDataDir(bundle, request.dataDir);
  const { buildReportFromRun, REPORT_BUILD_STEPS } = await loadBuild();
  const steps = progressOf('report model', 3 + REPORT_BUILD_STEPS.length, request.quiet);
  const check = checkRunData(bundle.manifest, dataDir);
  const warnings = runDataWarnings(check);
  if (!request.quiet) for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  steps.tick('checksums');
  let loaded = request.loaded;
  if (!loaded) {
    const dataset = loadDataset(dataDir);
    assertUsable(dataset);
    const panel = buildPanel(dataset);
    loaded = { dataset, panel, roles: buildRoles(panel), regimes: computeRegimes(panel, resolveRegimeConfig(bundle.config.regimes ?? 'article')) };
  }
  steps.tick('data and regimes');
  const robustness = request.robustness === false ? undefined : await robustnessFigures(loaded);
  if (robustness && bundle.navs[0].name !== 'article') {
    robustness.notes = [`These checks sweep the article playbook, not the run's strategy (${bundle.navs[0].name}).`, ...(robustness.notes ?? [])];
  }
  steps.tick('robustness');
  const episodes = request.episodes;
  const formats = request.formats;
  const model = buildReportFromRun(
    bundle,
    { ...loaded, robustness },
    {
      createdAt: reportCreatedAt(),
      episodes,
      dataCheck: check,
      command: `quadrant report --run ${bundle.dir} --data ${dataDir} --report ${formats.join(',')}${episodes ? ` --episodes ${episodes.join(',')}` : ''}${request.robustness === false ? ' --no-robustness' : ''}`,
      onStep: (s) => steps.tick(s),
    },
  );
  steps.done();
  const rendered = await writeReport(model, { formats, outDir: request.outDir ?? bundle.dir, quiet: request.quiet });
  return { model, rendered, warnings };
}

/** The headline and verdict lines printed before the files. */
function summaryLines(bundle: RunBundle, model: ReportModel): string {
  const lines = [`quadrant report: ${model.subtitle ?? model.title} (run ${bundle.dir})`];
  const hl = model.headline;
  if (hl) {
    const p = hl.portfolios[0];
    const v = (key: string) => p.values[hl.metrics.findIndex((m) => m.key === key)];
    const pct = (x: number | null | undefined) => (typeof x === 'number' ? `${(x * 100).toFixed(2)}%` : 'n/a');
    const sharpe = v('sharpe');
    lines.push(
      `${p.key}: CAGR ${pct(v('cagr'))}, Sharpe ${typeof sharpe === 'number' ? sharpe.toFixed(2) : 'n/a'}, max drawdown ${pct(typeof v('maxDrawdown') === 'number' ? -(v('maxDrawdown') as number) : null)} (metrics.json)`,
    );
  }
  const summary = presentSections(model).find(([id]) => id === 'summary')?.[1];
  const counts = summary?.blocks.find((b) => b.kind === 'metrics');
  if (counts?.kind === 'metrics') {
    // verdictCounts ids: claims-<verdict>-<in|out>.
    const side = (s: 'in' | 'out') =>
      counts.items
        .filter((i) => i.id.endsWith(`-${s}`))
        .map((i) => `${i.value ?? 0} ${i.id.split('-')[1]}`)
        .join(', ');
    lines.push(`claims in sample: ${side('in')}; out of sample: ${side('out')}`);
  }
  return lines.join('\n');
}

/**
 * A report already in `dir` is not replaced without --force: it may be the one handed on, and
 * drawing it again from a changed snapshot would change it without a word.
 * @throws UsageError (exit 2) naming the first existing file.
 */
export function refuseOverwrite(dir: string, formats: readonly ReportFormat[]): void {
  for (const f of formats) {
    const file = join(dir, `report.${f}`);
    if (existsSync(file)) throw new UsageError('exists; pass --force to replace it, or --report-dir DIR to write elsewhere', { file });
  }
}

/** "2022,2025Q2" → ["2022", "2025Q2"] (checked when the model is built). */
function episodeList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const reportCommand: CommandModule<ReportArgs, ReportArgs> = {
  builder: (y: Argv<ReportArgs>) =>
    y
      .option('run', { type: 'string', demandOption: true, describe: 'run directory written by quadrant run --run-dir DIR' })
      .option('report', { type: 'string', describe: 'the formats to draw: html, pdf or html,pdf (default both), as run and validate take them' })
      .option('format', { type: 'string', deprecated: 'use --report html,pdf', hidden: true })
      .option('report-dir', { type: 'string', describe: 'directory for report.html / report.pdf (default: the run directory)' })
      .option('out', { type: 'string', deprecated: 'use --report-dir DIR', hidden: true })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'replace an existing report.html / report.pdf (without it, an existing one stops the command, exit 2)',
      })
      .option('robustness', {
        type: 'boolean',
        default: true,
        describe:
          'run the robustness checks of the article playbook (parameter sweep, deflated Sharpe, PBO, permutations; about 0.4 s); --no-robustness leaves the section out',
      })
      .option('episodes', {
        type: 'string',
        describe: 'episodes to compare, comma-separated: catalog ids, years, quarters (2025Q2), months or FROM..TO (default 2022,2025Q2)',
      })
      .example('$0 run --data ../shared/datasets --run-dir /tmp/run1 && $0 report --run /tmp/run1', 'report.html and report.pdf beside the run')
      .example('$0 report --run /tmp/run1 --report html --force', 'draw the HTML again over the one there')
      .example('$0 report --run /tmp/run1 --report html --episodes 2008,2020Q1', 'another pair of episodes')
      .epilogue(
        'Numbers and equity curves come from the run (metrics.json, nav.csv, benchmarks.csv); regimes, liquidity, the scorecard and episodes are recomputed from the data manifest.json names (or --data), after checking its sha256 checksums. SOURCE_DATE_EPOCH fixes the timestamp for byte-identical files.',
      ),
  handler: async (args) => {
    const formats = await parseReportFormats(args.report ?? 'html,pdf', 'report');
    const episodes = episodeList(args.episodes);
    const bundle = readRunBundle(args.run);
    const outDir = args['report-dir'] ?? bundle.dir;
    if (!args.force) refuseOverwrite(outDir, formats);
    const { model, rendered } = await reportFromRun(bundle, {
      formats,
      outDir,
      episodes,
      dataDir: args.data,
      quiet: args.quiet,
      robustness: args.robustness,
    });
    emitText(`${summaryLines(bundle, model)}\n${renderedLines(model, rendered)}`);
  },
};
