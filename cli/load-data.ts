import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, QuadrantError } from '../datasets/errors.ts';
import type { Issue } from '../datasets/issues.ts';
import { fetchIntoCache, resolveFetchTargets, type FetchIntoCacheOptions, type FetchSummary } from '../datasets/live/index.ts';
import { createProgress } from '../datasets/live/progress.ts';
import type { LoadOptions } from '../datasets/load-dataset.ts';
import { openDataset, type OpenDataset } from '../datasets/open-dataset.ts';
import { defaultCacheDir } from '../datasets/live/cache.ts';

/** The options every data-reading command shares (declared globally in cli/main.ts). */
export interface DataArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
}

export type LoadedData = OpenDataset;

/** The live cache directory: --cache, else QUADRANT_CACHE, else $XDG_CACHE_HOME/quadrant or ~/.cache/quadrant. */
export function cacheDir(explicit?: string): string {
  return explicit || defaultCacheDir();
}

/**
 * The data directory of the `data` commands, which inspect rather than compute: `--data DIR`,
 * else QUADRANT_DATA, else the cache; an empty cache gets a message saying how to fill it or
 * where to point instead (no download: that is `quadrant data fetch`).
 */
export function resolveDataDir(data?: string, cache?: string): string {
  const dir = data || process.env.QUADRANT_DATA || cacheDir(cache);
  if (!data && !process.env.QUADRANT_DATA && !existsSync(join(dir, 'prices'))) {
    throw new DataError('file-missing', `no data in the cache (${dir})`, {
      hint: 'run `quadrant data fetch` to download it, or pass --data DIR / set QUADRANT_DATA to a snapshot such as ../shared/datasets',
    });
  }
  return dir;
}

type Fetcher = (options: FetchIntoCacheOptions) => Promise<FetchSummary>;

/**
 * The data directory of a command that does real work: `--data DIR`, else QUADRANT_DATA, else
 * the live cache, filled from FRED and Yahoo Finance on first use. One series is tried first so
 * a machine without network gets one clear message, not a retry storm over the whole catalog.
 */
export async function dataDirOnFirstUse(args: DataArgs, fetcher: Fetcher = fetchIntoCache): Promise<string> {
  const explicit = args.data || process.env.QUADRANT_DATA;
  if (explicit) return explicit;
  const dir = cacheDir(args.cache);
  if (existsSync(join(dir, 'prices'))) return dir;
  if (!args.quiet) process.stderr.write(`no data in the cache (${dir}): downloading it now (once; \`quadrant data fetch\` refreshes it)\n`);
  const probe = await fetcher({ cacheDir: dir, series: ['SPY'] });
  if (probe.failed) {
    // A runtime failure (exit 1), as `quadrant data fetch` reports the same failure.
    throw new QuadrantError(
      'network',
      `could not download data: ${probe.items[0]?.error ?? 'unknown error'}`,
      {
        hint: 'check the network, or pass --data DIR (or set QUADRANT_DATA) for an offline snapshot such as ../shared/datasets',
      },
      1,
    );
  }
  const progress = args.quiet ? undefined : createProgress('fetch', resolveFetchTargets().length);
  const summary = await fetcher({ cacheDir: dir, onProgress: (e) => progress?.tick(`${e.result.id}${e.result.ok ? '' : ' FAILED'}`) });
  progress?.done();
  if (summary.stopped && !args.quiet) process.stderr.write(`${summary.stopped.message}\n`);
  else if (summary.failed && !args.quiet) process.stderr.write(`${summary.failed} downloads failed; \`quadrant data verify\` shows what is missing\n`);
  return dir;
}

/**
 * Loads, checks and aligns the data for a command: input errors throw one DataError naming
 * file and line; warnings are summed up in one line (`quadrant data verify` lists them) unless
 * `reportWarnings` is false (the caller reports them its own way) or --quiet is given.
 */
export async function loadData(args: DataArgs, options: LoadOptions & { reportWarnings?: boolean } = {}): Promise<LoadedData> {
  const loaded = await openDataset(await dataDirOnFirstUse(args), options);
  if (!args.quiet && options.reportWarnings !== false) {
    const line = summariseWarnings(loaded.dataset.issues);
    if (line) process.stderr.write(`${line}\n`);
  }
  return loaded;
}

/** "data: 3 warnings (stale: DFF, DGS2; gap: UNRATE); quadrant data verify lists them", or ''. */
export function summariseWarnings(issues: readonly Issue[]): string {
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (warnings.length === 0) return '';
  const byCode = new Map<string, string[]>();
  for (const w of warnings) {
    const names = byCode.get(w.code) ?? [];
    const name = w.series ?? w.file ?? '?';
    if (!names.includes(name)) names.push(name);
    byCode.set(w.code, names);
  }
  const parts = [...byCode].map(([code, names]) => `${code}: ${names.join(', ')}`);
  return `data: ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (${parts.join('; ')}); \`quadrant data verify\` lists them`;
}
