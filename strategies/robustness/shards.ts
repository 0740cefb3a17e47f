import { createHash } from 'node:crypto';
import type { Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import type { Panel } from '../../datasets/panel.ts';
import type { RoleSeries } from '../../datasets/roles.ts';
import { gridParameters, parseGrid, type GridConfig } from './grid.ts';
import { JOB_FIELDS, JOB_WIDTH } from './jobs-core.ts';
import type { RowSummaryLayout } from './row-summary.ts';
import { runJobs } from './run-jobs.ts';
import {
  configJob,
  finishRobustness,
  jobsInput,
  referenceJobs,
  robustnessWorkers,
  setupRobustness,
  type RobustnessOptions,
  type RobustnessResult,
  type RobustnessSetup,
} from './run-robustness.ts';

/** Shard `index` of `count` (0 ≤ index < count). */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * What a shard file says about itself. Two shards belong to one sweep when everything but
 * `shard` and `ids` agrees; no timestamps, so a rerun writes the same bytes.
 */
export interface ShardManifest {
  format: typeof SHARD_FORMAT;
  quadrant: string;
  /** The grid as given: its file name, sha256 of its text, and the text (the merge re-reads it). */
  grid: { file: string; sha256: string; text: string };
  /** sha256 over the sorted sha256 of every data file read. */
  data: { sha256: string };
  permutations: number;
  seed: number;
  /** Cost of the reference and its permutations, bps (the merge replays them). */
  costBps: number;
  configurations: number;
  window: { from: string; to: string; days: number };
  shard: ShardSpec;
  /** Configuration ids in this shard: [from, to). */
  ids: { from: number; to: number };
  /**
   * How each configuration's daily excess returns are summarised (row-summary.ts): doubles per
   * configuration, CSCV blocks S, calendar years Y. The merge derives the same from the grid and
   * the data, and refuses shards that differ.
   */
  summary: SummaryShape;
}

/** The shape of a shard's row summaries. */
export interface SummaryShape {
  width: number;
  pboBlocks: number;
  years: number;
}

/**
 * The shard file format. Version 2 holds each configuration's row summary; version 1 (its
 * full daily excess returns) is refused with a hint to rerun the shards.
 */
export const SHARD_FORMAT = 'quadrant-sweep-shard/2';

/** The summary shape of a layout. */
export function summaryShape(layout: RowSummaryLayout): SummaryShape {
  return { width: layout.width, pboBlocks: layout.blockStart.length - 1, years: layout.yearStart.length - 1 };
}

/** One shard's replays: its configurations' figures and the summaries of their daily excess returns, by id. */
export interface ShardResult {
  manifest: ShardManifest;
  /** The grid's parameter names, and the shard's configurations (ids from … to − 1). */
  parameters: string[];
  configs: Pick<GridConfig, 'id' | 'params'>[];
  /** (to − from) × JOB_WIDTH figures (JOB_FIELDS). */
  metrics: Float64Array;
  /** (to − from) × summary.width summaries of their daily excess returns over T-bills (row-summary.ts). */
  summaries: Float64Array;
}

/** The environment variables `--shard auto` reads. */
export type ShardEnv = Record<string, string | undefined>;

/**
 * Reads `I/N` (0 ≤ I < N), or `auto`: Slurm job arrays (SLURM_ARRAY_TASK_ID of
 * SLURM_ARRAY_TASK_COUNT, with `--array=0-(N-1)`), else Kubernetes Indexed Jobs
 * (JOB_COMPLETION_INDEX of QUADRANT_SHARD_COUNT, the Job's `completions`).
 *
 * @throws ConfigError naming `shard` and what is missing or out of range.
 */
export function parseShard(text: string, env: ShardEnv = process.env): ShardSpec {
  let index: string | undefined;
  let count: string | undefined;
  let source = `"${text}"`;
  if (text === 'auto') {
    if (env.SLURM_ARRAY_TASK_ID !== undefined) {
      index = env.SLURM_ARRAY_TASK_ID;
      count = env.SLURM_ARRAY_TASK_COUNT;
      source = 'SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT';
    } else if (env.JOB_COMPLETION_INDEX !== undefined) {
      index = env.JOB_COMPLETION_INDEX;
      count = env.QUADRANT_SHARD_COUNT;
      source = 'JOB_COMPLETION_INDEX / QUADRANT_SHARD_COUNT';
    } else {
      throw new ConfigError('bad-config', '--shard auto found neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX', {
        field: 'shard',
        hint: 'run it in a Slurm job array or a Kubernetes Indexed Job, or give --shard I/N',
      });
    }
  } else {
    const parts = text.split('/');
    if (parts.length === 2) [index, count] = parts;
  }
  const i = Number(index);
  const n = Number(count);
  if (!/^\d+$/.test(index ?? '') || !/^\d+$/.test(count ?? '') || !(n >= 1) || !(i < n)) {
    throw new ConfigError('bad-config', `shard ${source} is not I/N with 0 ≤ I < N (got ${index ?? 'nothing'} of ${count ?? 'nothing'})`, {
      field: 'shard',
      hint: 'e.g. --shard 0/4 … --shard 3/4',
    });
  }
  return { index: i, count: n };
}

/** Configuration ids of a shard: the contiguous block [⌊I·K/N⌋, ⌊(I+1)·K/N⌋), the same on any machine. */
export function shardIds(K: number, shard: ShardSpec): { from: number; to: number } {
  return { from: Math.floor((shard.index * K) / shard.count), to: Math.floor(((shard.index + 1) * K) / shard.count) };
}

/** sha256 (hex) of text. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One fingerprint of a data set: sha256 over `id sha256` lines of its files, sorted by id. */
export function dataFingerprint(checksums: Record<string, { sha256: string }>): string {
  return sha256(
    Object.keys(checksums)
      .sort()
      .map((id) => `${id} ${checksums[id].sha256}\n`)
      .join(''),
  );
}

export interface ShardOptions extends Pick<RobustnessOptions, 'permutations' | 'seed' | 'workers' | 'onProgress' | 'costBps'> {
  shard: ShardSpec;
  /** The grid file's name and text (parsed here, recorded in the manifest). */
  gridFile: string;
  gridText: string;
  dataSha256: string;
  version: string;
}

/**
 * Replays one shard of a grid: the same setup as a whole run (every label set, so the window is
 * the whole grid's), then only the shard's configurations. The statistics that need every
 * configuration are left to {@link mergeShards}.
 *
 * @throws ConfigError for a bad grid or shard; as runRobustness otherwise.
 */
export async function runShard(panel: Panel, roles: Map<Role, RoleSeries>, options: ShardOptions): Promise<ShardResult> {
  const grid = parseGrid(JSON.parse(options.gridText), options.gridFile);
  const setup = setupRobustness(panel, roles, {
    grid,
    permutations: options.permutations,
    seed: options.seed,
    costBps: options.costBps,
    onProgress: options.onProgress,
  });
  const ids = shardIds(setup.K, options.shard);
  const jobs = setup.configs.slice(ids.from, ids.to).map(configJob);
  const workers = robustnessWorkers(options.workers, jobs.length);
  const out = await runJobs(jobsInput(setup, jobs, jobs.length), { workers, onProgress: (d, t) => setup.progress('replays', d, t) });
  const manifest: ShardManifest = {
    format: SHARD_FORMAT,
    quadrant: options.version,
    grid: { file: options.gridFile, sha256: sha256(options.gridText), text: options.gridText },
    data: { sha256: options.dataSha256 },
    permutations: setup.permutations,
    seed: setup.seed,
    costBps: setup.refCost,
    configurations: setup.K,
    window: windowOf(setup),
    shard: options.shard,
    ids,
    summary: summaryShape(setup.layout),
  };
  const parameters = gridParameters(grid).map((p) => p.name);
  return { manifest, parameters, configs: setup.configs.slice(ids.from, ids.to), metrics: out.metrics, summaries: out.summaries };
}

function windowOf(setup: RobustnessSetup): ShardManifest['window'] {
  const cal = setup.panel.calendar;
  return { from: isoDay(cal[setup.start]), to: isoDay(cal[setup.end]), days: setup.T };
}

/**
 * Checks that shards make one whole sweep: the same format, Quadrant version, grid, data,
 * permutations and seed; one shard count; every index once; each shard's ids its block.
 *
 * @throws ConfigError naming the shard (`where(i)`) that disagrees, is missing or comes twice.
 */
export function checkShards(manifests: readonly ShardManifest[], where: (i: number) => string): void {
  if (manifests.length === 0)
    throw new ConfigError('bad-config', 'no shard files found', { field: 'shards', hint: 'give the directories holding shard-I-of-N.parquet files' });
  const first = manifests[0];
  const same: [string, (m: ShardManifest) => unknown][] = [
    ['format', (m) => m.format],
    ['Quadrant version', (m) => m.quadrant],
    ['grid', (m) => m.grid.sha256],
    ['data', (m) => m.data.sha256],
    ['permutations', (m) => m.permutations],
    ['seed', (m) => m.seed],
    ['reference cost', (m) => m.costBps],
    ['shard count', (m) => m.shard.count],
    ['summary shape', (m) => JSON.stringify(m.summary)],
    ['configurations', (m) => m.configurations],
  ];
  manifests.forEach((m, i) => {
    for (const [what, get] of same) {
      if (get(m) !== get(first))
        throw new ConfigError(
          'bad-config',
          `${where(i)}: its ${what} (${String(get(m)).slice(0, 16)}) differs from ${where(0)}'s (${String(get(first)).slice(0, 16)})`,
          { field: 'shards' },
        );
    }
  });
  const count = first.shard.count;
  const seen = new Array<number>(count).fill(-1);
  manifests.forEach((m, i) => {
    const k = m.shard.index;
    if (seen[k] >= 0) throw new ConfigError('bad-config', `shard ${k} of ${count} comes twice: ${where(seen[k])} and ${where(i)}`, { field: 'shards' });
    seen[k] = i;
    const ids = shardIds(m.configurations, m.shard);
    if (ids.from !== m.ids.from || ids.to !== m.ids.to)
      throw new ConfigError(
        'bad-config',
        `${where(i)}: holds ids ${m.ids.from}…${m.ids.to - 1}, shard ${k} of ${count} should hold ${ids.from}…${ids.to - 1}`,
        { field: 'shards' },
      );
  });
  const missing = seen.flatMap((s, k) => (s < 0 ? [k] : []));
  if (missing.length > 0)
    throw new ConfigError('bad-config', `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`, {
      field: 'shards',
      hint: 'rerun the missing shards (quadrant sweep --shard I/N), then merge again',
    });
}

export interface MergeOptions extends Pick<RobustnessOptions, 'workers' | 'onProgress'> {
  /** The data's fingerprint (see dataFingerprint): must be the shards'. */
  dataSha256: string;
  version: string;
}

/**
 * Merges the shards of one sweep into the whole run's result: checks them (checkShards), re-reads
 * the grid from their manifest, sets the run up on the data again (the same window), replays
 * the reference and its permutations, and computes the statistics that need every
 * configuration (sensitivity, deflated Sharpe, PBO, permutation test, walk-forward) on the
 * merged figures and summaries (replaying the few configurations whose full returns they
 * need). Equal to runRobustness on one machine, figure for figure.
 *
 * @throws ConfigError when the shards disagree, one is missing or twice, the data differs, or
 *   the grid now summarises rows in another shape than the shards.
 */
export async function mergeShards(
  panel: Panel,
  roles: Map<Role, RoleSeries>,
  shards: readonly ShardResult[],
  where: (i: number) => string,
  options: MergeOptions,
): Promise<{ result: RobustnessResult; manifest: ShardManifest }> {
  const manifests = shards.map((s) => s.manifest);
  checkShards(manifests, where);
  const first = manifests[0];
  if (first.data.sha256 !== options.dataSha256)
    throw new ConfigError(
      'bad-config',
      `the data differs from the shards' (sha256 ${options.dataSha256.slice(0, 12)}… against ${first.data.sha256.slice(0, 12)}…)`,
      { field: 'data', hint: 'merge with the --data the shards were run on' },
    );
  if (first.quadrant !== options.version)
    throw new ConfigError('bad-config', `the shards were made by Quadrant ${first.quadrant}, this is ${options.version}`, { field: 'shards' });
  const grid = parseGrid(JSON.parse(first.grid.text), first.grid.file);
  const setup = setupRobustness(panel, roles, {
    grid,
    permutations: first.permutations,
    seed: first.seed,
    costBps: first.costBps,
    onProgress: options.onProgress,
  });
  const { K, T } = setup;
  if (K !== first.configurations || T !== first.window.days)
    throw new ConfigError('bad-config', `the grid now makes ${K} configurations over ${T} days, the shards ${first.configurations} over ${first.window.days}`, {
      field: 'shards',
    });
  const shape = summaryShape(setup.layout);
  if (JSON.stringify(shape) !== JSON.stringify(first.summary))
    throw new ConfigError(
      'bad-config',
      `the grid now summarises each configuration as ${JSON.stringify(shape)}, the shards as ${JSON.stringify(first.summary)}`,
      { field: 'shards', hint: 'rerun the shards with this Quadrant' },
    );
  const width = setup.layout.width;
  const metrics = new Float64Array(K * JOB_WIDTH);
  const summaries = new Float64Array(K * width);
  for (const s of shards) {
    metrics.set(s.metrics, s.manifest.ids.from * JOB_WIDTH);
    summaries.set(s.summaries, s.manifest.ids.from * width);
  }
  const jobs = referenceJobs(setup);
  const workers = robustnessWorkers(options.workers, jobs.length);
  const out = await runJobs(jobsInput(setup, jobs, 0), { workers, onProgress: (d, t) => setup.progress('replays', d, t) });
  const sharpe = JOB_FIELDS.indexOf('sharpe');
  const result = finishRobustness(setup, {
    metrics,
    summaries,
    reference: out.metrics.subarray(0, JOB_WIDTH),
    permuted: Float64Array.from({ length: setup.permutations }, (_, p) => out.metrics[(1 + p) * JOB_WIDTH + sharpe]),
    workers: out.workers,
  });
  return { result, manifest: first };
}
