import { join } from 'node:path';
import { MACRO_SERIES, PRICE_SERIES } from '../catalog.ts';
import { isoDay, parseIsoDay } from '../day.ts';
import { DataError, QuadrantError, UsageError, type ErrorCode } from '../errors.ts';
import { adjustedCloseWarning } from './adjusted-check.ts';
import { type CacheKind, cacheFilePath, defaultCacheDir, storeFetched } from './cache.ts';
import { type FetchState, clearFetchState, pendingIds, readFetchState, removeStaleTemporaries, writeFetchState } from './fetch-state.ts';
import { DTS_TGA, fetchDailyTga } from './fiscal-data.ts';
import { fetchFredSeries } from './fred.ts';
import { type FetchLike, type HttpOptions, InterruptedError, NetworkError, createPacer, realSleep } from './http.ts';
import type { FetchedFile } from './snapshot-format.ts';
import { RateLimitError, fetchYahooAsFred, fetchYahooPrices, yahooSymbol } from './yahoo.ts';

/** Where one catalog series comes from and where it goes. */
export interface FetchTarget {
  /** Catalog id (macro) or ticker (prices). */
  id: string;
  kind: CacheKind;
  provider: 'fred' | 'yahoo' | 'fiscaldata';
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
        : e.id === DTS_TGA
          ? { id: e.id, kind: 'fred', provider: 'fiscaldata', priceLevel: false }
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
    const target = all.find((t) => t.id === name) ?? all.find((t) => t.id.toUpperCase() === upper || t.symbol?.toUpperCase() === upper);
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
  /** Not attempted: the fetch stopped before it (rate limit, interruption). */
  skipped?: boolean;
  /** Checks that passed with remarks (adjusted closes that disagree with closes and events). */
  warnings?: string[];
}

export interface FetchSummary {
  cacheDir: string;
  items: FetchItemResult[];
  /** How many items failed (skipped ones included). */
  failed: number;
  /** Set when the fetch stopped early: one paragraph saying what was fetched, what not, and when to retry. */
  stopped?: { reason: 'rate-limit' | 'unreachable' | 'interrupted'; message: string };
  /** Set when this fetch resumed an unfinished one: when that one began and how many it had left. */
  resumed?: { startedAt: string; left: number; of: number };
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
  /** Aborting it stops the fetch at once; the files stored so far stay and the next fetch resumes. */
  signal?: AbortSignal;
  /** Least time between two FRED API requests. Default 500 ms (the API allows about 2 a second). */
  fredIntervalMs?: number;
}

/** What a user is told to wait after a 429 without Retry-After: Yahoo's blocks last minutes to hours. */
const RATE_LIMIT_ADVICE = 'try again in an hour or so';

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** The host of a (redacted) URL, for messages. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function oneLine(err: unknown): { error: string; code: ErrorCode } {
  if (err instanceof QuadrantError) return { error: err.describe(), code: err.code };
  return { error: err instanceof Error ? err.message : String(err), code: 'internal' };
}

/**
 * Downloads series into the cache, one after another (kind to the servers; FRED requests paced),
 * each file written atomically and recorded in its manifest. A failed item is reported and the
 * rest go on, except that a Yahoo 429 stops every further Yahoo request (a block lasts a while;
 * more requests only lengthen it), and a provider that cannot be reached at all (no response after
 * every retry: offline, DNS, a firewall) is not asked again, so an offline machine hears so in
 * seconds instead of retrying every series for minutes. An unfinished fetch (rate limit, interruption) leaves
 * `fetch-state.json`; the next fetch of the whole catalog does only what was left. Vintages
 * (ALFRED) go to `<cache>/vintages/<DATE>/`, apart from the current series. Only an unknown
 * name or a bad or keyless vintage fails the whole call, before any download.
 */
export async function fetchIntoCache(options: FetchIntoCacheOptions = {}): Promise<FetchSummary> {
  const rootDir = options.cacheDir ?? defaultCacheDir();
  const apiKey = options.apiKey ?? process.env.FRED_API_KEY ?? '';
  const now = options.now ?? Date.now;
  const vintage = options.vintageDate;
  let targets = resolveFetchTargets(options.series);
  if (vintage !== undefined) {
    const day = parseIsoDay(vintage);
    if (Number.isNaN(day)) throw new UsageError(`vintage date "${vintage}" is not YYYY-MM-DD`);
    const today = isoDay(Math.floor(now() / 86_400_000));
    if (vintage > today) {
      throw new UsageError(`vintage date ${vintage} is in the future (today is ${today})`, {
        hint: 'a vintage is the data as known on a past day; leave out --vintage for the current data',
      });
    }
    const other = targets.filter((t) => t.provider !== 'fred');
    if (options.series?.length && other.length) {
      throw new UsageError(`${other.map((t) => t.id).join(', ')} ${other.length === 1 ? 'has' : 'have'} no vintages: ALFRED keeps FRED series only`, {
        hint: 'fetch them without --vintage',
      });
    }
    targets = targets.filter((t) => t.provider === 'fred');
    if (!apiKey) throw new UsageError('FRED vintages (ALFRED) need a FRED API key', { hint: 'set FRED_API_KEY' });
  }
  const cacheDir = vintage ? join(rootDir, 'vintages', vintage) : rootDir;
  const sleep = options.http?.sleep ?? realSleep;
  const http: HttpOptions = { ...options.http, signal: options.signal };
  if (options.fetchImpl) http.fetchImpl = options.fetchImpl;
  // The FRED API allows about 2 requests a second per key; fredgraph.csv documents no limit.
  const fredHttp: HttpOptions = apiKey ? { ...http, pace: createPacer(options.fredIntervalMs ?? 500, now, sleep) } : http;

  await removeStaleTemporaries(cacheDir);
  // Resume an unfinished fetch of the same series (the whole catalog, or the same --series).
  let resumed: FetchSummary['resumed'];
  const wanted = targets.map((t) => t.id);
  const saved = await readFetchState(cacheDir);
  const previous = saved && sameIds(saved.targets, wanted) ? saved : undefined;
  if (previous) {
    const left = pendingIds(previous);
    if (left.length > 0) {
      resumed = { startedAt: previous.started_at, left: left.length, of: previous.targets.length };
      targets = left.map((id) => targets.find((t) => t.id === id) as FetchTarget);
    }
  }
  const state: FetchState =
    previous && resumed ? { ...previous, stopped: undefined } : { started_at: new Date(now()).toISOString(), targets: targets.map((t) => t.id), done: [] };
  await writeFetchState(cacheDir, state);

  const items: FetchItemResult[] = [];
  let blocked: RateLimitError | undefined;
  /** Providers that gave no response at all, with the first such failure. */
  const unreachable = new Map<FetchTarget['provider'], NetworkError>();
  let interrupted = false;
  for (const target of targets) {
    const file = cacheFilePath(cacheDir, target.kind, target.id);
    let result: FetchItemResult;
    if (interrupted || options.signal?.aborted || (blocked && target.provider === 'yahoo') || unreachable.has(target.provider)) {
      interrupted ||= options.signal?.aborted ?? false;
      result = { id: target.id, file, rows: 0, first: '', last: '', ok: false, skipped: true, error: 'not fetched', code: 'network' };
    } else {
      try {
        let fetched: FetchedFile;
        const warnings: string[] = [];
        if (target.provider === 'fred') {
          fetched = await fetchFredSeries(target.id, { apiKey, vintageDate: vintage, http: fredHttp });
        } else if (target.provider === 'fiscaldata') {
          fetched = await fetchDailyTga({ http });
        } else if (target.kind === 'fred') {
          fetched = await fetchYahooAsFred(target.id, { http, now });
        } else {
          const prices = await fetchYahooPrices(target.id, { priceLevel: target.priceLevel, http, now });
          const warning = target.priceLevel ? undefined : adjustedCloseWarning(target.id, prices.rows, prices.events);
          if (warning) warnings.push(warning);
          fetched = prices;
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
          ...(warnings.length ? { warnings } : {}),
        };
      } catch (err) {
        if (err instanceof RateLimitError) blocked = err;
        if (err instanceof InterruptedError) interrupted = true;
        else if (err instanceof NetworkError && err.status === undefined) unreachable.set(target.provider, err);
        result = { id: target.id, file, rows: 0, first: '', last: '', ok: false, ...oneLine(err) };
      }
      if (result.ok || !(blocked || interrupted || unreachable.has(target.provider))) {
        state.done.push(target.id);
        await writeFetchState(cacheDir, state);
      }
    }
    items.push(result);
    options.onProgress?.({ done: items.length, total: targets.length, result });
  }

  let stopped: FetchSummary['stopped'];
  if (blocked || interrupted || unreachable.size > 0) {
    const fetched = items.filter((i) => i.ok).map((i) => i.id);
    const missing = pendingIds(state);
    const wait =
      blocked?.retryAfterMs !== undefined ? `try again after ${Math.ceil(blocked.retryAfterMs / 60_000)} minute(s) (Yahoo's Retry-After)` : RATE_LIMIT_ADVICE;
    const head = blocked
      ? `Yahoo Finance is rate-limiting this machine (HTTP 429 on ${blocked.details.series}); Quadrant stopped asking it.`
      : unreachable.size > 0
        ? `${[...unreachable.values()].map((e) => `${hostOf(e.url)} did not answer in ${e.attempts} attempt${e.attempts === 1 ? '' : 's'} (${e.message.replace(/^.*?: /, '')})`).join('; ')}; Quadrant stopped asking ${unreachable.size === 1 ? 'it' : 'them'}.`
        : 'The fetch was interrupted.';
    const resume = `the next \`quadrant data fetch\`${options.series?.length ? ' with the same --series' : ''} fetches only those`;
    const message =
      `${head} Fetched ${fetched.length}: ${fetched.join(', ') || 'none'}. Not fetched ${missing.length}: ${missing.join(', ') || 'none'}. ` +
      `${blocked ? `${wait[0].toUpperCase()}${wait.slice(1)}; ` : unreachable.size > 0 && !interrupted ? 'Check the network connection; ' : ''}${resume}. The cache keeps every file fetched so far.`;
    stopped = { reason: blocked ? 'rate-limit' : interrupted ? 'interrupted' : 'unreachable', message };
    await writeFetchState(cacheDir, { ...state, stopped: stopped.reason });
  } else {
    await clearFetchState(cacheDir);
  }
  return { cacheDir, items, failed: items.filter((i) => !i.ok).length, ...(stopped ? { stopped } : {}), ...(resumed ? { resumed } : {}) };
}
