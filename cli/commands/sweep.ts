import type { CommandModule } from 'yargs';
import { UsageError } from '../../datasets/errors.ts';
import { countRange } from '../count-limits.ts';

import { buildRoles } from '../../datasets/roles.ts';
import { costAssumption, DEFAULT_COST_BPS } from '../../strategies/cost-assumption.ts';
import {
  DEFAULT_PERMUTATIONS,
  DEFAULT_ROBUSTNESS_SEED,
  JOB_FIELDS,
  loadGrid,
  MAX_GRID_CONFIGS,
  runRobustness,
  type ConfigResult,
  type RobustnessPhase,
  type RobustnessResult,
  type SensitivityTable,
  SWEEP_EXECUTIONS,
  type SweepExecution,
} from '../../strategies/robustness/index.ts';
import { loadData } from '../load-data.ts';
import { emit, emitText, formatTable, toCsv, writeFileAtomic, type Format } from '../output.ts';
import { mergeCommand, queryCommand, runShardCommand } from './sweep-shards.ts';
import { formatP } from '../figures.ts';

interface SweepArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
  action?: 'merge' | 'query';
  inputs?: string[];
  grid?: string;
  shard?: string;
  workers?: number;
  permutations: number;
  seed: number;
  top: number;
  format: SweepFormat;
  out?: string;
  'shard-dir'?: string;
  execution: SweepExecution;
  'cost-bps': number;
}

/** The sweep's execution in the words of the assumptions line. */
const SWEEP_FILL_WORDS: Record<SweepExecution, string> = {
  'next-close': 'decided at a close and filled at the next close',
  'next-open': 'decided at a close and filled at the next open',
  'lag-2': 'decided at a close and filled two closes later (lag-2)',
};

/** When each run of the grid fills, for the window line. */
const RUN_FILLS: Record<SweepExecution, string> = {
  'next-close': 'at the next close',
  'next-open': 'at the next open',
  'lag-2': 'two closes after the decision (lag-2)',
};

/** The output formats of `quadrant sweep`: the shared ones and parquet (to a file only). */
export type SweepFormat = Format | 'parquet';

/** A progress bar on stderr for runs longer than a second: on a terminal, not with --quiet. */
export function robustnessProgress(
  label: string,
  quiet?: boolean,
): { onProgress: (phase: RobustnessPhase, done: number, total: number) => void; done: () => void } {
  const t0 = Date.now();
  let drawn = false;
  let last = 0;
  const active = !quiet && process.stderr.isTTY === true;
  return {
    onProgress(phase, done, total) {
      if (!active) return;
      const now = Date.now();
      if (now - t0 < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      const width = 24;
      const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width;
      process.stderr.write(`\r\x1b[2K${label} ${phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) process.stderr.write('\r\x1b[2K');
    },
  };
}

function fix(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** One-way turnover a year as a percentage of equity, as `run` prints it ("350.0"). */
function turnoverPct(x: number): string {
  return Number.isFinite(x) ? (x * 100).toFixed(1) : 'n/a';
}

function pc(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
}

/** The parameters that take more than one value. */
function varied(result: RobustnessResult): string[] {
  return result.grid.parameters.filter((p) => p.values.length > 1).map((p) => p.name);
}

function configRow(c: ConfigResult, names: string[]): string[] {
  return [...names.map((n) => String(c.params[n])), fix(c.sharpe), pc(c.cagr), pc(c.volatility), pc(-c.maxDrawdown), turnoverPct(c.turnover)];
}

function alignNumbers(rows: string[][], from: number): string[][] {
  const width = rows[0]?.length ?? 0;
  for (let c = from; c < width; c++) {
    const w = Math.max(...rows.map((r) => r[c].length));
    for (const r of rows) r[c] = r[c].padStart(w);
  }
  return rows;
}

/** "balanceSheetWeeks" for "windows.balanceSheetWeeks": the short header of a grid parameter. */
function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function shortNames(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, lastSegment(n)]));
}

/** A sensitivity table as text: rows × columns of means. */
export function sensitivityText(t: SensitivityTable): string {
  const body = t.rows.map((r, i) => [r, ...t.values[i].map((v) => (v === null ? 'n/a' : t.format.style === 'percent' ? pc(v) : fix(v, t.format.digits)))]);
  const corner = `${t.rowTitle} \\ ${t.columnTitle}`;
  return formatTable([corner, ...t.columns], alignNumbers(body, 1), { short: { [corner]: `${lastSegment(t.rowTitle)} \\ ${lastSegment(t.columnTitle)}` } });
}

/**
 * The robustness findings as terminal text: the top configurations, the sensitivity tables,
 * the overfitting figures and the walk-forward years.
 */
export function robustnessText(result: RobustnessResult, top = 10): string {
  const names = varied(result);
  const sorted = [...result.configs].sort((a, b) => (b.sharpe > a.sharpe ? 1 : b.sharpe < a.sharpe ? -1 : Number.isNaN(a.sharpe) ? 1 : a.id - b.id));
  const shown = sorted.slice(0, top);
  const header = ['rank', 'id', ...names, 'Sharpe', 'CAGR', 'vol', 'max DD', 'turnover (% / yr)'];
  const ref = result.reference;
  const rows = shown.map((c, i) => [String(i + 1), String(c.id), ...configRow(c, names)]);
  rows.push(['ref', '-', ...names.map(() => ''), fix(ref.sharpe), pc(ref.cagr), pc(ref.volatility), pc(-ref.maxDrawdown), turnoverPct(ref.turnover)]);
  const g = result.grid;
  const lines: string[] = [
    `grid: ${g.configurations} configurations (${g.parameters.map((p) => `${p.values.length} ${p.name}`).join(' × ')}) over regimes "${g.base}"; ${g.regimeCombinations} label sets`,
    `window: ${result.window.from} … ${result.window.to}, ${result.window.days} return days (${result.window.note}); every run fills ${RUN_FILLS[result.execution]}`,
    '',
    `TOP ${shown.length} OF ${g.configurations} BY SHARPE (annualised, over T-bills); ref = article default (regimes "${ref.regimes}", article playbook, ${ref.rebalance}, ${ref.costBps} bps)`,
    formatTable(header, alignNumbers(rows, 2 + names.length), {
      priority: [1, 2, ...names.map(() => 3), 1, 2, 4, 2, 4],
      short: { ...shortNames(names), 'turnover (% / yr)': 'turnover %/yr' },
    }),
  ];
  for (const t of result.sensitivity)
    lines.push('', `SENSITIVITY: mean ${t.metric} by ${t.rowTitle} (rows) and ${t.columnTitle} (columns), over every other parameter`, sensitivityText(t));
  lines.push('', 'OVERFITTING');
  const d = result.deflatedSharpe;
  lines.push(
    d
      ? `deflated Sharpe ratio: ${pc(d.probability)} that the best Sharpe (${fix(d.sharpe)}, config ${d.config}) beats the best of ${d.trials} skill-less trials (expected ${fix(d.expectedMaxSharpeAnnual)}; variance of trial Sharpes the larger of the grid's ${d.crossTrialVariance.toExponential(2)} and the skill-less 1/(T−1) = ${d.nullVariance.toExponential(2)}); PSR ${pc(d.psr)}; skew ${fix(d.skew)}, excess kurtosis ${fix(d.kurtosis, 1)}, ${d.n} days`
      : 'deflated Sharpe ratio: n/a (no configuration has a Sharpe)',
  );
  const p = result.pbo;
  lines.push(
    p
      ? `probability of backtest overfitting: ${pc(p.probability)} (CSCV over ${p.configs} configurations, ${p.partitions} blocks, ${p.splits} splits, median logit ${fix(p.medianLogit)})`
      : 'probability of backtest overfitting: n/a (needs 2 configurations or more)',
  );
  const q = result.permutation;
  lines.push(
    q
      ? `permutation test: p = ${formatP(q.pValue)}: article default Sharpe ${fix(q.actual)} against block-shuffled labels (median ${fix(q.nullMedian)}, 5–95% ${fix(q.nullP05)} … ${fix(q.nullP95)}); ${q.atLeast} of ${q.permutations} at least as high; seeds ${q.seed} + i${q.blocks ? `; blocks: the labels' ${q.blocks.count} episodes, mean ${q.blocks.meanDays.toFixed(0)} trading days` : ''}`
      : 'permutation test: not run (--permutations 0)',
  );
  const wf = result.walkForward;
  if (wf) {
    const wfRows = wf.years.map((y) => [
      String(y.year),
      String(y.days),
      String(y.chosen),
      ...names.map((n) => String(result.configs[y.chosen].params[n])),
      fix(y.inSampleSharpe),
      pc(y.return),
      pc(y.referenceReturn),
    ]);
    lines.push(
      '',
      `WALK-FORWARD: each year the configuration with the best Sharpe on every earlier day (after ${wf.minHistoryYears} years), its returns that year; ${wf.switches} switches`,
      formatTable(['year', 'days', 'chosen', ...names, 'Sharpe before', 'return', 'ref return'], alignNumbers(wfRows, 0), {
        priority: [1, 4, 1, ...names.map(() => 3), 2, 1, 1],
        short: shortNames(names),
      }),
      formatTable(
        ['out of sample', 'from', 'to', 'CAGR', 'vol', 'Sharpe', 'max DD'],
        alignNumbers(
          [
            [
              'walk-forward',
              wf.stitched.from,
              wf.stitched.to,
              pc(wf.stitched.cagr),
              pc(wf.stitched.volatility),
              fix(wf.stitched.sharpe),
              pc(-wf.stitched.maxDrawdown),
            ],
            [
              'article default',
              wf.reference.from,
              wf.reference.to,
              pc(wf.reference.cagr),
              pc(wf.reference.volatility),
              fix(wf.reference.sharpe),
              pc(-wf.reference.maxDrawdown),
            ],
          ],
          3,
        ),
      ),
    );
  } else lines.push('', 'WALK-FORWARD: n/a (the window is shorter than the history it needs)');
  return lines.join('\n');
}

/** Every configuration as CSV rows: id, each parameter, each figure. */
export function configsCsv(result: RobustnessResult): string {
  const names = result.grid.parameters.map((p) => p.name);
  return toCsv(
    ['id', ...names, ...JOB_FIELDS],
    result.configs.map((c) => [c.id, ...names.map((n) => c.params[n]), ...JOB_FIELDS.map((f) => c[f])]),
  );
}

/**
 * Every configuration as a parquet file, the same table as {@link configsCsv}: `id` and numeric
 * parameters as DOUBLE, other parameters as STRING, each figure as DOUBLE with NaN written as
 * null (blank in the CSV); ±Infinity stays a DOUBLE value. Loads hyparquet-writer on first use.
 */
export async function configsParquet(result: RobustnessResult): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const names = result.grid.parameters.map((p) => p.name);
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const params = names.map((n) => {
    const values = result.configs.map((c) => c.params[n]);
    return values.every((v) => typeof v === 'number')
      ? { name: n, data: values.map((v) => num(v as number)), type: 'DOUBLE' as const }
      : { name: n, data: values.map((v) => String(v)), type: 'STRING' as const };
  });
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: result.configs.map((c) => c.id), type: 'DOUBLE' },
      ...params,
      ...JOB_FIELDS.map((f) => ({ name: f, data: result.configs.map((c) => num(c[f])), type: 'DOUBLE' as const })),
    ],
  });
  return new Uint8Array(buffer);
}

/** JSON with NaN and ±Infinity written as null. */
export function robustnessJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

const GRID_HELP = `A grid file is JSON; every field is optional:
  { "base": "article",
    "regimes": { "windows.balanceSheetWeeks": [8, 13, 26],
                 "stability.confirmDays": [5, 10, 20],
                 "components.policy_rate.weight": [0.5, 1] },
    "rebalance": ["regime+monthly", "monthly", "regime"],
    "costBps": [5],
    "playbooks": { "article": "article",
                   "defensive": { "Q1": {…}, "Q2": {…}, "Q3": {…}, "Q4": {…} } },
    "from": "2008-01-01", "to": "2025-12-31" }
base       a regime preset, or a partial regime config as in quadrant regimes --config
regimes    dotted paths into the regime config, each with its values: windows.*, zScore.*,
           reserves.*, stability.*, components.NAME.weight|method|deadBand, dollarSource
rebalance  rebalance rules (default regime+monthly)
costBps    cost per trade, bps of the value traded (default 5)
playbooks  named quadrant tables of role weights, or "article" (default: the article's)
from, to   the window of every run (default: from the latest first regime label to the end)
The configurations are the cartesian product (at most ${MAX_GRID_CONFIGS.toLocaleString('en-US')}); each is compared with the
article default (base regimes, article playbook, regime+monthly, 5 bps), whose labels are also
block-shuffled for the permutation test. Example: strategies/robustness/example-grid.json.`;

const SHARD_HELP = `Beyond one machine: --shard I/N runs the contiguous block of configuration ids
[floor(I*K/N), floor((I+1)*K/N)) and writes DIR/shard-I-of-N.parquet (--shard-dir DIR): the
configurations, their figures, the sums of their daily excess returns the merge needs (per
PBO block and per year: 2 + 2S + 2Y numbers each) and a manifest (grid, data sha256,
version, shard). --shard auto reads SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (Slurm job
arrays) or JOB_COMPLETION_INDEX/QUADRANT_SHARD_COUNT (Kubernetes Indexed Jobs).
"sweep merge DIR..." checks the shards (same grid, data and version; none missing or twice)
and prints what one machine would: deflated Sharpe, PBO, permutation test, walk-forward and
sensitivity on the merged table. "sweep query DIR... SQL" runs DuckDB over the shards (the
view "configs"; needs the optional package @duckdb/node-api). deploy/ holds a Slurm script
and a Kubernetes manifest.`;

export const sweepCommand: CommandModule<Omit<SweepArgs, 'permutations' | 'seed' | 'top' | 'format'>, SweepArgs> = {
  builder: (y) =>
    y
      .positional('action', { choices: ['merge', 'query'] as const, describe: 'merge: shards into the whole result; query: SQL over the shards (DuckDB)' })
      .positional('inputs', { type: 'string', array: true, describe: 'merge: shard directories; query: shard directories, then the SQL' })
      .option('grid', { type: 'string', describe: 'the parameter grid (JSON; format below); needed unless merging or querying' })
      .option('shard', { type: 'string', describe: 'run only shard I/N of the grid (or auto: from Slurm or Kubernetes) into --shard-dir DIR' })
      .option('shard-dir', { type: 'string', describe: 'the directory --shard writes DIR/shard-I-of-N.parquet into' })
      .option('workers', { type: 'number', describe: `worker threads (default: in process under 1,000 replays, else 2)${countRange('workers')}` })
      .option('permutations', {
        type: 'number',
        default: DEFAULT_PERMUTATIONS,
        describe: `block permutations of the regime labels (0 = none)${countRange('permutations')}`,
      })
      .option('seed', { type: 'number', default: DEFAULT_ROBUSTNESS_SEED, describe: 'seed of the permutations (reported)' })
      .option('cost-bps', {
        type: 'number',
        default: DEFAULT_COST_BPS,
        describe: "cost of the article default and its permutations, bps of the value traded (configurations use the grid's costBps, default the same 5)",
      })
      .option('execution', {
        choices: SWEEP_EXECUTIONS,
        default: 'next-close' as SweepExecution,
        describe: 'when every order decided at a close fills: next-close, next-open, lag-2 (two closes later); merge reads it from the shards',
      })
      .option('top', { type: 'number', default: 10, describe: `configurations listed on the terminal${countRange('top')}` })
      .option('format', {
        choices: ['table', 'csv', 'json', 'parquet'] as const,
        default: 'table' as SweepFormat,
        describe: 'csv: one row per configuration; parquet: the same table as a parquet file (needs --out; NaN as null); json: everything',
      })
      .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
      .example('$0 sweep --grid strategies/robustness/example-grid.json', 'the example grid on the terminal')
      .example('$0 sweep --grid strategies/robustness/example-grid.json --execution lag-2', 'the same grid, every order filled a day later')
      .example('$0 sweep --grid my-grid.json --workers 2 --format csv --out sweep.csv', 'every configuration for a spreadsheet')
      .example('$0 sweep --grid my-grid.json --format parquet --out sweep.parquet', 'every configuration for pandas, polars or DuckDB')
      .example('$0 sweep --grid my-grid.json --shard 0/4 --shard-dir shards/', 'shard 0 of 4 (run 1/4 … 3/4 elsewhere), then:')
      .example('$0 sweep merge shards/ --format json --out sweep.json', 'the whole result from the shards')
      .example('$0 sweep query shards/ "SELECT id, rebalance, sharpe FROM configs ORDER BY sharpe DESC LIMIT 20"', 'DuckDB over the shards')
      .epilogue(`${GRID_HELP}\n\n${SHARD_HELP}`),
  handler: async (args) => {
    if (args.format === 'parquet' && !args.out) throw new UsageError('--format parquet needs --out FILE (parquet is binary, not for stdout)', { field: 'out' });
    if (!Number.isSafeInteger(args.seed)) throw new UsageError(`--seed must be a whole number, got ${args.seed}`, { field: 'seed' });
    if (args.action === 'query') return emit(await queryCommand(args.inputs ?? []));
    const cost = costAssumption(args['cost-bps']);
    const t0 = performance.now();
    const bar = robustnessProgress('sweep', args.quiet);
    let result: RobustnessResult;
    let dir: string;
    let gridFile: string;
    try {
      if (args.action === 'merge') {
        if (!args.inputs?.length) throw new UsageError('sweep merge needs the directories (or files) of the shards', { field: 'inputs' });
        ({ result, dir, gridFile } = await mergeCommand({ ...args, inputs: args.inputs }, bar.onProgress));
      } else {
        if (!args.grid) throw new UsageError('sweep needs --grid FILE (or: sweep merge DIR..., sweep query DIR... SQL)', { field: 'grid' });
        gridFile = args.grid;
        if (args.shard !== undefined) {
          const file = await runShardCommand({ ...args, grid: args.grid, shard: args.shard, costBps: cost.costBps, execution: args.execution }, bar.onProgress);
          bar.done();
          process.stderr.write(`wrote ${file}\n`);
          return;
        }
        const grid = loadGrid(args.grid);
        const loaded = await loadData(args);
        dir = loaded.dir;
        result = await runRobustness(loaded.panel, buildRoles(loaded.panel), {
          grid,
          costBps: cost.costBps,
          execution: args.execution,
          permutations: args.permutations,
          seed: args.seed,
          workers: args.workers ?? 'auto',
          onProgress: bar.onProgress,
        });
      }
    } finally {
      bar.done();
    }
    const seconds = (performance.now() - t0) / 1000;
    // Merged shards carry the cost of the run that made them: the reference says it.
    const refCost = result.reference.costBps;
    const gridCostBps = result.grid.parameters.find((p) => p.name === 'costBps')?.values ?? [];
    // Merged shards carry their execution too.
    const execution = result.execution;
    const assumptions = `the article default and its permutations at ${refCost} bps, each configuration at its grid costBps (${gridCostBps.join(', ')} bps); every order ${SWEEP_FILL_WORDS[execution]}`;
    if (args.format === 'json')
      return emit(
        robustnessJson({ assumptions: { costBps: refCost, gridCostBps, execution, description: assumptions }, data: dir, gridFile, ...result }),
        args.out,
      );
    if (args.format === 'csv') return emit(configsCsv(result), args.out);
    if (args.format === 'parquet' && args.out) {
      writeFileAtomic(args.out, await configsParquet(result));
      process.stderr.write(`wrote ${args.out}\n`);
      return;
    }
    emitText(
      `assumptions: ${assumptions}\ndata ${dir}; grid ${gridFile}; seed ${result.seed}; ${result.workers ? `${result.workers} workers` : 'in process'}; ${seconds.toFixed(1)} s\n${robustnessText(result, args.top)}`,
      args.out,
    );
  },
};
