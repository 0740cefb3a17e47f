import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MACRO_SERIES, PRICE_SERIES, type MacroEntry, type PriceEntry } from './catalog.ts';
import { checkGaps, checkStale } from './checks.ts';
import { readFredCsv } from './csv/read-fred-csv.ts';
import { readPriceCsv, type PriceSeries } from './csv/read-price-csv.ts';
import { isoDay } from './day.ts';
import { DataError, QuadrantError, type ErrorCode } from './errors.ts';
import type { Issue } from './issues.ts';
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
}

export function macroPath(dir: string, id: string): string {
  return join(dir, 'fred', `${id}.csv`);
}

export function pricePath(dir: string, ticker: string): string {
  return join(dir, 'prices', `${ticker}.csv`);
}

/**
 * Reads, checks and splices every catalog series found in `dir`. Problems never throw here:
 * they become issues, so `data verify` can show them all. `assertUsable` turns errors into one
 * DataError for commands that need the data.
 */
export function loadDataset(dir: string, options: LoadOptions = {}): Dataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataError('file-missing', `data directory not found: ${dir}`, {
      hint: 'pass --data DIR (a snapshot with fred/ and prices/) or run `quadrant data fetch`',
    });
  }
  const ds: Dataset = { dir, macro: new Map(), prices: new Map(), issues: [], files: new Map(), notes: [] };
  const macroEntries = pick(MACRO_SERIES, options.macro, (e) => e.id);
  const priceEntries = pick(PRICE_SERIES, options.prices, (e) => e.ticker);
  for (const entry of macroEntries) {
    const series = readOne(ds, entry, macroPath(dir, entry.id), entry.required, (text, file, w) => readFredCsv(text, file, entry, w));
    if (series) ds.macro.set(entry.id, series);
  }
  for (const entry of priceEntries) {
    const series = readOne(ds, entry, pricePath(dir, entry.ticker), entry.required, (text, file, w) => readPriceCsv(text, file, entry, w));
    if (series) ds.prices.set(entry.ticker, series);
  }
  applyContinuations(ds, macroEntries);
  checkCoverage(ds);
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

function readOne<S extends Series>(
  ds: Dataset,
  entry: MacroEntry | PriceEntry,
  path: string,
  required: boolean,
  read: (text: string, file: string, warnings: Issue[]) => S,
): S | undefined {
  const id = 'id' in entry ? entry.id : entry.ticker;
  if (!existsSync(path)) {
    if (required) {
      ds.issues.push({ severity: 'error', code: 'series-missing', series: id, file: path, message: `required series ${id} is missing`, hint: `expected the file ${path}` });
    }
    return undefined;
  }
  ds.files.set(id, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    ds.issues.push({ severity: 'error', code: 'file-unreadable', series: id, file: path, message: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
  try {
    return read(text, path, ds.issues);
  } catch (err) {
    if (!(err instanceof QuadrantError)) throw err;
    ds.issues.push({ severity: 'error', code: err.code, series: id, file: err.details.file ?? path, line: err.details.line, message: err.message, hint: err.details.hint });
    return undefined;
  }
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

function checkCoverage(ds: Dataset): void {
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
