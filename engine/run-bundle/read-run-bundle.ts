import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseIsoDay } from '../../datasets/day.ts';
import { DataError, fileSystemError } from '../../datasets/errors.ts';
import type { RunManifest } from '../backtest/manifest.ts';
import { RUN_FILES, type BundleChecksum } from './format.ts';
import { lockRunDir, recoverRunDir } from './run-dir.ts';
import type { TearsheetRecord } from '../metrics/index.ts';

/** A metrics record as metrics.json writes it: numbers, ISO dates for drawdown days, null for NaN. */
export type MetricsRecord = Record<string, number | string | null>;

/** One run's entry in metrics.json (`quadrant run` writes one per strategy and benchmark). */
export interface RunMetricsEntry {
  overall: MetricsRecord;
  /** Calendar year → metrics over that year's days. */
  byYear: Record<string, MetricsRecord>;
  /** "Q1".."Q4" → metrics over the days whose return falls under that quadrant (label of the previous close). */
  byQuadrant: Record<string, MetricsRecord>;
  costTotals?: Record<string, number>;
  /** The tearsheet analytics (runs written before they existed have none). */
  tearsheet?: TearsheetRecord;
  rule?: string;
  warnings?: string[];
}

/** metrics.json of a run bundle. */
export interface RunMetricsFile {
  strategy: string;
  lookAheadProne: boolean;
  warning?: string;
  from: string;
  to: string;
  /** Warnings about the whole run, e.g. a period under a year. */
  warnings?: string[];
  runs: Record<string, RunMetricsEntry>;
  /** The run's one cost assumption (runs since it was written). */
  assumptions?: { costBps: number; execution: string; description: string };
  /** The random-regime control over many shuffles (median and 5–95% band), when the run computed it. */
  randomRegimeDistribution?: {
    shuffles: number;
    seed: number;
    sharpe: { median: number; p05: number; p95: number };
    cagr: { median: number; p05: number; p95: number };
    atLeast: number;
    pValue: number;
    /** Each shuffle's Sharpe, shuffle i with seed + i, 4 decimals (runs written since it was kept). */
    sharpes?: (number | null)[];
  };
}

/** The configuration `quadrant run` records in manifest.json (`config`). */
export interface RunConfig {
  strategy?: string;
  /** A strategy file's spec, kept so the report needs no file (see Strategy.spec). */
  strategySpec?: unknown;
  steps?: string;
  regimes?: string;
  from?: string;
  to?: string;
  rebalance?: string | null;
  seed?: number;
}

/** A finished run, read back from the directory `quadrant run --run-dir DIR` wrote. */
export interface RunBundle {
  dir: string;
  manifest: RunManifest;
  config: RunConfig;
  metrics: RunMetricsFile;
  /** The run's trading days (nav.csv's date column), ascending. */
  days: Int32Array;
  /** Each run's daily NAV on `days`, in manifest order: the strategy (nav.csv) first, then the benchmarks (benchmarks.csv). */
  navs: { name: string; nav: Float64Array }[];
}

/** The files a report needs from a run directory (trades.csv and weights.csv are checked, not read). */
export const BUNDLE_FILES = ['manifest.json', 'metrics.json', 'nav.csv', 'benchmarks.csv'] as const;

const HINT = 'point --run at a directory written by `quadrant run --run-dir DIR`';

/**
 * Reads a run bundle: manifest.json (configuration, data checksums, code version),
 * metrics.json (every number the run reported), nav.csv (the strategy's NAV) and benchmarks.csv
 * (every run's NAV side by side). NAVs are parsed to the exact doubles the run wrote
 * (shortest round-trip text), so a report built from them shows the run's own numbers.
 *
 * Before anything is parsed, every file is checked against the sha256 the manifest recorded for
 * it (`bundle`), so a bundle mixing two runs is refused rather than drawn. A directory left
 * missing by a writer killed mid-swap is first restored from its whole old bundle (recoverRunDir).
 *
 * @throws DataError (exit 2) naming the file: a missing directory or file, a checksum that
 *   does not match, unreadable JSON, a missing field, a bad date or number, dates out of order,
 *   or NAV files that disagree on the dates or with the runs the manifest lists.
 */
export function readRunBundle(dir: string): RunBundle {
  if (!existsSync(dir)) restoreInterrupted(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DataError('file-missing', 'no such run directory', { file: dir, hint: HINT });
  for (const name of BUNDLE_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) throw new DataError('file-missing', `the run directory has no ${name}`, { file: path, hint: HINT });
  }
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readJson(manifestPath) as RunManifest;
  const dataDir = (manifest.data as { dir?: unknown } | undefined)?.dir;
  if (typeof dataDir !== 'string') throw fieldMissing(manifestPath, 'data.dir');
  if (!isObject(manifest.data.files)) throw fieldMissing(manifestPath, 'data.files');
  if (!Array.isArray(manifest.runs) || manifest.runs.length === 0 || manifest.runs.some((r) => typeof r?.name !== 'string'))
    throw fieldMissing(manifestPath, 'runs');
  const config = (isObject(manifest.config) ? manifest.config : {}) as RunConfig;
  verifyChecksums(dir, manifestPath, manifest.bundle);

  const metricsPath = join(dir, 'metrics.json');
  const metrics = readJson(metricsPath) as RunMetricsFile;
  if (!isObject(metrics.runs)) throw fieldMissing(metricsPath, 'runs');
  for (const r of manifest.runs) {
    const entry = metrics.runs[r.name];
    if (!isObject(entry) || !isObject(entry.overall)) throw fieldMissing(metricsPath, `runs.${r.name}.overall`);
  }

  const names = manifest.runs.map((r) => r.name);
  const nav = readNavCsv(join(dir, 'nav.csv'), ['nav']);
  const others = readNavCsv(join(dir, 'benchmarks.csv'), names);
  if (others.days.length !== nav.days.length || others.days.some((d, i) => d !== nav.days[i])) {
    throw new DataError('file-unreadable', 'benchmarks.csv and nav.csv cover different dates', {
      file: join(dir, 'benchmarks.csv'),
      hint: 'the bundle mixes two runs; run `quadrant run --run-dir DIR` again',
    });
  }
  return {
    dir,
    manifest,
    config,
    metrics,
    days: nav.days,
    navs: names.map((name, k) => ({ name, nav: k === 0 ? nav.columns[0] : others.columns[k] })),
  };
}

/** A date column and NAV columns named `expected` (in that order after `date`). */
function readNavCsv(path: string, expected: readonly string[]): { days: Int32Array; columns: Float64Array[] } {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const want = ['date', ...expected];
  if (!header || header.length !== want.length || header.some((h, i) => h.trim() !== want[i])) {
    throw new DataError('bad-header', `expected the columns ${want.join(',')}, found ${header ? header.join(',') : 'nothing'}`, {
      file: path,
      line: 1,
      hint: HINT,
    });
  }
  if (rows.length < 2) throw new DataError('file-empty', 'a run needs at least two days of NAV', { file: path });
  const days = new Int32Array(rows.length);
  const columns = expected.map(() => new Float64Array(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const line = i + 2;
    const day = parseIsoDay(row[0] ?? '');
    if (Number.isNaN(day)) throw new DataError('bad-date', `bad date "${row[0]}"`, { file: path, line });
    if (i > 0 && day <= days[i - 1]) throw new DataError('unsorted-dates', `dates out of order at ${row[0]}`, { file: path, line });
    days[i] = day;
    for (let k = 0; k < expected.length; k++) {
      const text = (row[k + 1] ?? '').trim();
      // A blank NAV is the run's NaN (written after a wipe-out); anything else must be a number.
      const x = text === '' ? NaN : Number(text);
      if (text !== '' && !Number.isFinite(x)) throw new DataError('bad-number', `bad NAV "${text}" for ${expected[k]}`, { file: path, line });
      columns[k][i] = x;
    }
  }
  return { days, columns };
}

/** Every bundle file against the sha256 manifest.json records for it. */
function verifyChecksums(dir: string, manifestPath: string, bundle: unknown): void {
  if (!isObject(bundle)) {
    throw new DataError('file-unreadable', 'no bundle checksums in the manifest', {
      file: manifestPath,
      field: 'bundle',
      hint: 'the run was written by an older Quadrant, or by hand: run `quadrant run --run-dir DIR` again',
    });
  }
  for (const name of RUN_FILES) {
    if (name === 'manifest.json') continue;
    const entry = bundle[name] as BundleChecksum | undefined;
    const path = join(dir, name);
    if (!isObject(entry) || typeof entry.sha256 !== 'string') throw fieldMissing(manifestPath, `bundle.${name}`);
    if (!existsSync(path)) throw new DataError('file-missing', `the run directory has no ${name}`, { file: path, hint: HINT });
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw fileSystemError(err, path, 'read', 'run');
    }
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
      throw new DataError(
        'file-unreadable',
        `does not match the checksum manifest.json records for it: the directory mixes files of two runs, or the file was edited`,
        { file: path, hint: 'run `quadrant run --run-dir DIR` again' },
      );
    }
  }
}

/** Restores a run directory a killed writer left missing (its old bundle waits beside it), if no writer holds it now. */
function restoreInterrupted(dir: string): void {
  let release: (() => void) | undefined;
  try {
    release = lockRunDir(dir, 'run');
    recoverRunDir(dir);
  } catch {
    // A live writer holds it, or the parent cannot be written: report the directory as missing.
  } finally {
    release?.();
  }
}

function readJson(path: string): Record<string, unknown> & Partial<RunManifest> & Partial<RunMetricsFile> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DataError('file-unreadable', `not valid JSON: ${(err as Error).message}`, { file: path, hint: HINT });
  }
  if (!isObject(value)) throw new DataError('file-unreadable', 'expected a JSON object', { file: path, hint: HINT });
  return value as Record<string, unknown>;
}

function fieldMissing(path: string, field: string): DataError {
  return new DataError('file-unreadable', `no ${field} in the file`, { file: path, field, hint: HINT });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
