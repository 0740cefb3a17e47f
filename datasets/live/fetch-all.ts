import { MACRO_SERIES, PRICE_SERIES } from '../catalog.ts';
import { parseIsoDay } from '../day.ts';
import { DataError, QuadrantError, UsageError, type ErrorCode } from '../errors.ts';
import { type CacheKind, cacheFilePath, defaultCacheDir, storeFetched } from './cache.ts';
import { fetchFredSeries } from './fred.ts';
import type { FetchLike, HttpOptions } from './http.ts';
import type { FetchedFile } from './snapshot-format.ts';
import { fetchYahooAsFred, fetchYahooPrices, yahooSymbol } from './yahoo.ts';

/** Where one catalog series comes from and where it goes. */
export interface FetchTarget {
  /** Catalog id (macro) or ticker (prices). */
  id: string;
  kind: CacheKind;
  provider: 'fred' | 'yahoo';
  /** Yahoo's symbol, for Yahoo targets. */
  symbol?: string;
  /** Indices and futures: adj_close = close. */
  priceLevel: boolean;
}

/** Macro series that FRED does not publish: fetched from Yahoo and stored in FRED's format. */
const MACRO_FROM_YAHOO = new Set(['DXY']);

/** Every series `quadrant data fetch` knows: the catalog's macro ids (DXY included), then its tickers. */
export function allFetchTargets(): FetchTarget[] {
  const macro = MACRO_SERIES.map(
    (e): FetchTarget =>
      MACRO_FROM_YAHOO.has(e.id)
        ? { id: e.id, kind: 'fred', provider: 'yahoo', symbol: yahooSymbol(e.id), priceLevel: true }
        : { id: e.id, kind: 'fred', provider: 'fred', priceLevel: false },
  );
  const prices = PRICE_SERIES.map(
    (e): FetchTarget => ({
      id: e.ticker,
      kind: 'prices',
      provider: 'yahoo',
      symbol: yahooSymbol(e.ticker),
      priceLevel: e.kind === 'index',
    }),
  );
  return [...macro, ...prices];
}

/**
 * The targets for `names` (catalog ids or tickers, any case, or Yahoo symbols such as ^GSPC),
 * in order, without repeats; all of them when `names` is empty or absent. An unknown name is a
 * DataError 'unknown-series' listing the valid ones.
 */
export function resolveFetchTargets(names?: readonly string[]): FetchTarget[] {
  const all = allFetchTargets();
  if (!names || names.length === 0) return all;
  const out: FetchTarget[] = [];
  for (const name of names) {
    const upper = name.trim().toUpperCase();
    const target =
      all.find((t) => t.id === name) ??
      all.find((t) => t.id.toUpperCase() === upper || t.symbol?.toUpperCase() === upper);
    if (!target) {
      throw new DataError('unknown-series', `unknown series "${name}"`, {
        series: name,
        hint: `valid ids: ${all.map((t) => t.id).join(', ')}`,
      });
    }
    if (!out.includes(target)) out.push(target);
  }
  return out;
}

/** The outcome for one series. */
export interface FetchItemResult {
  id: string;
  /** Absolute path of the cache file (written only when ok). */
  file: string;
  rows: number;
  /** First and last dates in the file ('' on failure). */
  first: string;
  last: string;
  ok: boolean;
  /** One line: what went wrong and what to do. */
  error?: string;
  code?: ErrorCode;
  /** The request URL, any API key masked. */
  url?: string;
  sha256?: string;
}

export interface FetchSummary {
  cacheDir: string;
  items: FetchItemResult[];
  /** How many items failed. */
  failed: number;
}

export interface FetchProgressEvent {
  /** 1-based count of items finished so far. */
  done: number;
  total: number;
  result: FetchItemResult;
}

export interface FetchIntoCacheOptions {
  /** Default: defaultCacheDir() (QUADRANT_CACHE, XDG_CACHE_HOME or ~/.cache/quadrant). */
  cacheDir?: string;
  /** Ids or tickers; default (or empty): every catalog macro id and price ticker, DXY included. */
  series?: readonly string[];
  fetchImpl?: FetchLike;
  /** FRED API key. Default: FRED_API_KEY from the environment; '' forces the keyless CSV. */
  apiKey?: string;
  /** ALFRED vintage (YYYY-MM-DD) for FRED series; needs an API key. Yahoo series ignore it. */
  vintageDate?: string;
  /** Called after each item, failed or not. */
  onProgress?: (event: FetchProgressEvent) => void;
  /** Timeouts, retries, back-off; `fetchImpl` above wins over `http.fetchImpl`. */
  http?: HttpOptions;
  /** Clock in ms (retrieved_at, Yahoo's period2). Default Date.now. */
  now?: () => number;
}

function oneLine(err: unknown): { error: string; code: ErrorCode } {
  if (err instanceof QuadrantError) return { error: err.describe(), code: err.code };
  return { error: err instanceof Error ? err.message : String(err), code: 'internal' };
}

/**
 * Downloads series into the cache, one after another (kind to the servers), each file written
 * atomically and recorded in its manifest. A failed item is reported and the rest go on; only
 * an unknown name or a bad or keyless vintage fails the whole call, before any download.
 */
export async function fetchIntoCache(options: FetchIntoCacheOptions = {}): Promise<FetchSummary> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const targets = resolveFetchTargets(options.series);
  const apiKey = options.apiKey ?? process.env.FRED_API_KEY ?? '';
  const now = options.now ?? Date.now;
  if (options.vintageDate !== undefined) {
    if (Number.isNaN(parseIsoDay(options.vintageDate))) {
      throw new UsageError(`vintage date "${options.vintageDate}" is not YYYY-MM-DD`);
    }
    if (!apiKey && targets.some((t) => t.provider === 'fred')) {
      throw new UsageError('FRED vintages (ALFRED) need a FRED API key', { hint: 'set FRED_API_KEY' });
    }
  }
  const http: HttpOptions = { ...options.http };
  if (options.fetchImpl) http.fetchImpl = options.fetchImpl;

  const items: FetchItemResult[] = [];
  for (const target of targets) {
    const file = cacheFilePath(cacheDir, target.kind, target.id);
    let result: FetchItemResult;
    try {
      let fetched: FetchedFile;
      if (target.provider === 'fred') {
        fetched = await fetchFredSeries(target.id, { apiKey, vintageDate: options.vintageDate, http });
      } else if (target.kind === 'fred') {
        fetched = await fetchYahooAsFred(target.id, { http, now });
      } else {
        fetched = await fetchYahooPrices(target.id, { priceLevel: target.priceLevel, http, now });
      }
      const { entry } = await storeFetched(cacheDir, target.kind, fetched, new Date(now()));
      result = {
        id: target.id,
        file,
        rows: entry.rows,
        first: entry.first_date,
        last: entry.last_date,
        ok: true,
        url: entry.url,
        sha256: entry.sha256,
      };
    } catch (err) {
      result = { id: target.id, file, rows: 0, first: '', last: '', ok: false, ...oneLine(err) };
    }
    items.push(result);
    options.onProgress?.({ done: items.length, total: targets.length, result });
  }
  return { cacheDir, items, failed: items.filter((i) => !i.ok).length };
}
