import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MACRO_SERIES, PRICE_SERIES, type MacroEntry } from './catalog.ts';
import { checkGaps, checkStale } from './checks.ts';
import { readFredCsv } from './csv/read-fred-csv.ts';
import { readPriceCsv, type PriceSeries } from './csv/read-price-csv.ts';
import { isoDay, type Day } from './day.ts';
import { DataError, QuadrantError, type ErrorCode } from './errors.ts';
import type { Issue } from './issues.ts';
import { cacheAgeIssue, checksumIssue, readManifestChecks } from './manifest-check.ts';
import { coverage, type Series } from './series.ts';
import { spliceContinuation } from './splice.ts';

/** Everything read from one data directory (a snapshot or the live cache). */
export interface Dataset {
  dir: string;
  macro: Map<string, Series>;
  prices: Map<string, PriceSeries>;
  /** Errors (a series unusable) and warnings (used, but look at it), in catalog order. */
  issues: Issue[];
  /** Paths of the files read, by series id, for checksums in run manifests. */
  files: Map<string, string>;
  /** Continuations applied, e.g. "DFF continued by EFFR from 2026-07-23". */
  notes: string[];
}

export interface LoadOptions {
  /** Macro ids to read (default: the whole catalog). */
  macro?: readonly string[];
  /** Price tickers to read (default: the whole catalog). */
  prices?: readonly string[];
  /** Today, for the age of a live cache (default: the clock's UTC date). */
  today?: Day;
}

export function macroPath(dir: string, id: string): string {
  return join(dir, 'fred', `${id}.csv`);
}

export function pricePath(dir: string, ticker: string): string {
  return join(dir, 'prices', `${ticker}.csv`);
}

/** One catalog file to read: where it is and how to parse it. */
interface DatasetFile {
  id: string;
  path: string;
  required: boolean;
  parse: (text: string, file: string, warnings: Issue[]) => Series;
  kind: 'macro' | 'price';
}

/** What reading a file gave: its text, the read error, or nothing when the file does not exist. */
type FileText = string | Error | undefined;

/**
 * Reads, checks and splices every catalog series found in `dir`. Problems never throw here:
 * they become issues, so `data verify` can show them all. `assertUsable` turns errors into one
 * DataError for commands that need the data.
 */
export function loadDataset(dir: string, options: LoadOptions = {}): Dataset {
  const files = datasetFiles(dir, options);
  return assembleDataset(
    dir,
    options,
    files,
    files.map((f) => readTextSync(f.path)),
  );
}

/**
 * loadDataset with the files read in parallel (several times faster than one by one on
 * machines with slow file reads); the checks and results are the same.
 */
export async function loadDatasetAsync(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const files = datasetFiles(dir, options);
  return assembleDataset(dir, options, files, await Promise.all(files.map((f) => readTextAsync(f.path))));
}

function datasetFiles(dir: string, options: LoadOptions): DatasetFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataError('file-missing', `data directory not found: ${dir}`, {
      hint: 'pass --data DIR (a snapshot with fred/ and prices/) or run `quadrant data fetch`',
    });
  }
  const macro = pick(MACRO_SERIES, options.macro, (e) => e.id).map(
    (entry): DatasetFile => ({
      id: entry.id,
      path: macroPath(dir, entry.id),
      required: entry.required,
      kind: 'macro',
      parse: (text, file, w) => readFredCsv(text, file, entry, w),
    }),
  );
  const prices = pick(PRICE_SERIES, options.prices, (e) => e.ticker).map(
    (entry): DatasetFile => ({
      id: entry.ticker,
      path: pricePath(dir, entry.ticker),
      required: entry.required,
      kind: 'price',
      parse: (text, file, w) => readPriceCsv(text, file, entry, w),
    }),
  );
  return [...macro, ...prices];
}

function assembleDataset(dir: string, options: LoadOptions, files: DatasetFile[], texts: FileText[]): Dataset {
  const ds: Dataset = { dir, macro: new Map(), prices: new Map(), issues: [], files: new Map(), notes: [] };
  const manifests = readManifestChecks(dir);
  files.forEach((file, i) => {
    const text = texts[i];
    const changed = typeof text === 'string' ? checksumIssue(manifests, file.path, text, file.id) : undefined;
    if (changed) {
      ds.files.set(file.id, file.path);
      ds.issues.push(changed);
      return;
    }
    const series = parseOne(ds, file, text);
    if (!series) return;
    if (file.kind === 'macro') ds.macro.set(file.id, series);
    else ds.prices.set(file.id, series as PriceSeries);
  });
  applyContinuations(
    ds,
    pick(MACRO_SERIES, options.macro, (e) => e.id),
  );
  const latest = checkCoverage(ds);
  if (manifests.live) {
    const age = cacheAgeIssue(latest, options.today ?? Math.floor(Date.now() / 86_400_000));
    if (age) ds.issues.push({ ...age, file: dir });
  }
  return ds;
}

function pick<T>(all: readonly T[], wanted: readonly string[] | undefined, key: (e: T) => string): T[] {
  if (!wanted) return [...all];
  return wanted.map((id) => {
    const entry = all.find((e) => key(e) === id);
    if (!entry) {
      throw new DataError('unknown-series', `unknown series "${id}"`, { series: id, hint: `known: ${all.map(key).join(', ')}` });
    }
    return entry;
  });
}

function parseOne(ds: Dataset, file: DatasetFile, text: FileText): Series | undefined {
  const { id, path } = file;
  if (text === undefined) {
    if (file.required) {
      ds.issues.push({
        severity: 'error',
        code: 'series-missing',
        series: id,
        file: path,
        message: `required series ${id} is missing`,
        hint: `expected the file ${path}`,
      });
    }
    return undefined;
  }
  ds.files.set(id, path);
  if (text instanceof Error) {
    ds.issues.push({ severity: 'error', code: 'file-unreadable', series: id, file: path, message: `cannot read: ${text.message}` });
    return undefined;
  }
  try {
    return file.parse(text, path, ds.issues);
  } catch (err) {
    if (!(err instanceof QuadrantError)) throw err;
    ds.issues.push({
      severity: 'error',
      code: err.code,
      series: id,
      file: err.details.file ?? path,
      line: err.details.line,
      message: err.message,
      hint: err.details.hint,
    });
    return undefined;
  }
}

function readTextSync(path: string): FileText {
  if (!existsSync(path)) return undefined;
  try {
    return decode(readFileSync(path));
  } catch (err) {
    return err as Error;
  }
}

async function readTextAsync(path: string): Promise<FileText> {
  try {
    return decode(await readFile(path));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (err as Error);
  }
}

/** Plain ASCII (every snapshot file) skips the slower UTF-8 decoder. */
function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function applyContinuations(ds: Dataset, entries: MacroEntry[]): void {
  for (const entry of entries) {
    const base = ds.macro.get(entry.id);
    if (!base || !entry.continuedBy) continue;
    const cont = ds.macro.get(entry.continuedBy);
    if (!cont) continue;
    const spliced = spliceContinuation(base, cont);
    if (spliced.days.length > base.days.length) {
      ds.notes.push(`${entry.id} continued by ${cont.id} from ${isoDay(spliced.days[base.days.length])}`);
      ds.macro.set(entry.id, spliced);
    }
  }
}

/** Adds gap and staleness issues; returns the newest observation day across the dataset. */
function checkCoverage(ds: Dataset): Day {
  const all: Series[] = [...ds.macro.values(), ...ds.prices.values()];
  let latest = -Infinity;
  for (const s of all) {
    const { last } = coverage(s);
    if (last > latest) latest = last;
  }
  for (const s of all) {
    const { last, count } = coverage(s);
    if (count === 0) {
      ds.issues.push({ severity: 'error', code: 'no-data', series: s.id, file: s.meta.file, message: 'no values at all' });
      continue;
    }
    const entry = MACRO_SERIES.find((e) => e.id === s.id);
    // A continuation (EFFR, DGS3MO) is judged through the series it carries on.
    if (MACRO_SERIES.some((e) => e.continuedBy === s.id && ds.macro.has(e.id))) continue;
    if (!entry?.zeroAfterDays) {
      const gap = checkGaps(s);
      if (gap) ds.issues.push(gap);
    }
    const stale = checkStale(s, last, latest);
    if (stale) ds.issues.push(stale);
  }
  return latest;
}

/** Throws one DataError for the first error among the issues of the given series (all when omitted). */
export function assertUsable(ds: Dataset, ids?: readonly string[]): void {
  const error = ds.issues.find((i) => i.severity === 'error' && (!ids || (i.series !== undefined && ids.includes(i.series))));
  if (error) {
    // Only warnings carry the non-error codes (stale, gap, …), so an error's code is an ErrorCode.
    throw new DataError(error.code as ErrorCode, error.message, {
      file: error.file,
      line: error.line,
      series: error.series,
      hint: error.hint,
    });
  }
}
