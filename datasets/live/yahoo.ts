import { DataError, QuadrantError } from '../errors.ts';
import { type Day, dayOf, isoDay } from '../day.ts';
import { type HttpOptions, NetworkError, fetchText, redactUrl } from './http.ts';
import { serviceOrigin } from './origins.ts';
import { type FetchedFile, type PriceRow, checkDates, describeBody, formatNumber, fredCsvText, priceCsvText } from './snapshot-format.ts';

/** Yahoo Finance's chart path (no key; wants a browser-like User-Agent). */
export const YAHOO_CHART_PATH = '/v8/finance/chart/';

/**
 * How far back a request reaches. Yahoo refuses more than 100 years of daily bars ("Only 100
 * years worth of day granularity data are allowed"); 99 keeps clear of its boundary. `period1=0`
 * would cut every history at 1970 (the S&P 500 index goes back to 1927).
 */
export const YAHOO_MAX_YEARS = 99;

/** period1 for a request ending at `period2` (Unix seconds): the same UTC instant 99 years earlier. */
export function yahooPeriod1(period2: number): number {
  const d = new Date(period2 * 1000);
  d.setUTCFullYear(d.getUTCFullYear() - YAHOO_MAX_YEARS);
  return Math.floor(d.getTime() / 1000);
}

/** Quadrant names that differ from Yahoo's symbols; every other ticker is its own symbol. */
export const YAHOO_SYMBOLS: Readonly<Record<string, string>> = {
  GSPC: '^GSPC',
  RUT: '^RUT',
  GC_F: 'GC=F',
  DXY: 'DX-Y.NYB',
};

/** Sent with every Yahoo request: the endpoint answers 429 to unknown clients. */
export const BROWSER_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

export function yahooSymbol(ticker: string): string {
  return YAHOO_SYMBOLS[ticker] ?? ticker;
}

/** The chart request for a symbol's daily bars up to `period2`, with dividends and splits. */
export function yahooChartUrl(symbol: string, period2: number, origin = serviceOrigin('yahoo')): string {
  return (
    `${origin}${YAHOO_CHART_PATH}${encodeURIComponent(symbol)}?period1=${yahooPeriod1(period2)}&period2=${period2}` +
    '&interval=1d&events=div%2Csplit&includeAdjustedClose=true'
  );
}

/** Yahoo answered 429: it is blocking this client for a while. */
export class RateLimitError extends QuadrantError {
  /** The server's Retry-After in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  constructor(symbol: string, url: string, retryAfterMs?: number) {
    super('network', `Yahoo Finance is rate-limiting this machine (HTTP 429 on ${symbol}, ${url})`, { series: symbol }, 1);
    this.retryAfterMs = retryAfterMs;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of a Unix time in an IANA time zone, daylight saving included: the date a
 * bar carries on its exchange. Throws a RangeError for a zone the runtime does not know.
 */
export function exchangeDay(unixSeconds: number, timeZone: string): Day {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayFormats.set(timeZone, format);
  }
  let year = 0;
  let month = 0;
  let date = 0;
  for (const part of format.formatToParts(unixSeconds * 1000)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') date = Number(part.value);
  }
  return dayOf(year, month, date);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at a Unix time, in seconds (local wall clock − UTC). */
function offsetAt(unixSeconds: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(unixSeconds * 1000)) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - Math.floor(unixSeconds);
}

/** Bars within this span share one offset when both ends do: zones change offset months apart. */
const SAME_OFFSET_SPAN = 28 * 86_400;

/**
 * exchangeDay for ascending Unix times, fast: the offset is looked up at both ends of each
 * 28-day run of bars and, where they agree, used for the whole run (a daylight-saving switch
 * inside makes that run look up every bar).
 */
export function exchangeDays(ascending: readonly number[], timeZone: string): Int32Array {
  const n = ascending.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && ascending[j + 1] - ascending[i] <= SAME_OFFSET_SPAN) j++;
    const a = offsetAt(ascending[i], timeZone);
    const same = j === i || offsetAt(ascending[j], timeZone) === a;
    for (let k = i; k <= j; k++) out[k] = Math.floor((ascending[k] + (same ? a : offsetAt(ascending[k], timeZone))) / 86_400);
    i = j + 1;
  }
  return out;
}

/** A dividend (per share, in the close's units) or a split, dated on the exchange's calendar. */
export interface ChartEvents {
  dividends: { date: string; amount: number }[];
  splits: { date: string; numerator: number; denominator: number }[];
}

export interface ChartParseOptions {
  /** The symbol asked for; the response must be about it. */
  symbol: string;
  url: string;
  /** Indices and futures: write adj_close = close (Yahoo's adjclose is then not needed). */
  priceLevel: boolean;
  /**
   * The time of the download (ms). A last bar inside a regular session that has not closed
   * yet is a live quote, not a close, and is dropped. Omit to keep every bar.
   */
  nowMs?: number;
}

interface ChartError {
  code?: unknown;
  description?: unknown;
}

interface ChartResult {
  events?: {
    dividends?: Record<string, { amount?: unknown; date?: unknown }>;
    splits?: Record<string, { date?: unknown; numerator?: unknown; denominator?: unknown }>;
  };
  meta?: {
    symbol?: unknown;
    gmtoffset?: unknown;
    exchangeTimezoneName?: unknown;
    currentTradingPeriod?: { regular?: { start?: unknown; end?: unknown } };
  };
  timestamp?: unknown;
  indicators?: {
    quote?: Array<Record<string, unknown>>;
    adjclose?: Array<{ adjclose?: unknown }>;
  };
}

function chartError(err: ChartError, symbol: string, where: string, status?: number): DataError {
  const code = String(err.code ?? '');
  const description = String(err.description ?? '');
  const http = status ? `, HTTP ${status}` : '';
  if (/not found/i.test(code) || /no data found|delisted/i.test(description)) {
    return new DataError('unknown-ticker', `Yahoo Finance knows no symbol ${symbol} (${where}: ${description || code}${http})`, {
      series: symbol,
      hint: 'check the symbol on finance.yahoo.com',
    });
  }
  return new DataError('no-data', `Yahoo Finance refused ${symbol}: ${code}${code && description ? ': ' : ''}${description} (${where}${http})`, {
    series: symbol,
  });
}

/** Yahoo's own reason in a failed response's body (`chart.error`), if the body carries one. */
function chartErrorIn(body: string | undefined): ChartError | undefined {
  try {
    const error = (JSON.parse(body ?? '') as { chart?: { error?: ChartError | null } })?.chart?.error;
    return error && typeof error === 'object' ? error : undefined;
  } catch {
    return undefined;
  }
}

/** A column as numbers, NaN where null or absent; prices that are not positive count as absent. */
function numbers(value: unknown, length: number, positive = true): number[] {
  const out = new Array<number>(length).fill(NaN);
  if (Array.isArray(value)) {
    for (let i = 0; i < length; i++) {
      const v = value[i];
      if (typeof v === 'number' && Number.isFinite(v) && (!positive || v > 0)) out[i] = v;
    }
  }
  return out;
}

/**
 * Converts a chart response into daily rows dated on the exchange's own calendar: each bar's
 * timestamp read in `meta.exchangeTimezoneName`, with the daylight-saving rule of its own date
 * (not today's `gmtoffset`: futures bars stamped at midnight exchange time would move a day).
 * Bars without a close are dropped, and so is an unfinished bar of today (the exchange's today,
 * while its regular session has not closed): a live quote is not a close. Of two bars on one
 * date the later is kept. A price of zero or less (Yahoo's placeholder in some old bars) is
 * left blank, as the snapshot loader accepts only positive prices.
 */
export function parseYahooChart(text: string, opts: ChartParseOptions): PriceRow[] {
  return parseYahooChartWithEvents(text, opts).rows;
}

/** parseYahooChart, with the dividends and splits the response lists. */
export function parseYahooChartWithEvents(text: string, opts: ChartParseOptions): { rows: PriceRow[]; events: ChartEvents } {
  const { symbol, priceLevel, nowMs } = opts;
  const where = redactUrl(opts.url);
  let json: { chart?: { result?: ChartResult[] | null; error?: ChartError | null } };
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError('bad-header', `${where} did not return Yahoo chart JSON (got ${describeBody(text)})`, {
      series: symbol,
    });
  }
  const chart = json?.chart;
  if (!chart || typeof chart !== 'object') {
    throw new DataError('bad-header', `${where} returned JSON without a "chart" object`, { series: symbol });
  }
  if (chart.error) throw chartError(chart.error, symbol, where);
  const result = chart.result?.[0];
  if (!result?.meta) throw new DataError('bad-header', `${where} returned a chart without a result`, { series: symbol });
  const { meta } = result;
  if (typeof meta.symbol !== 'string' || meta.symbol.toUpperCase() !== symbol.toUpperCase()) {
    throw new DataError('bad-header', `${where} returned data for ${String(meta.symbol)}, not ${symbol}`, {
      series: symbol,
    });
  }
  const zone = meta.exchangeTimezoneName;
  const dayIn = (ts: number): Day => exchangeDay(ts, zone as string);
  try {
    if (typeof zone !== 'string') throw new RangeError('absent');
    dayIn(0);
  } catch {
    throw new DataError('bad-header', `${where} gives no usable exchangeTimezoneName for ${symbol} (got ${JSON.stringify(zone ?? null)})`, {
      series: symbol,
      hint: 'bars cannot be dated on the exchange calendar without it',
    });
  }
  const stamps = result.timestamp;
  if (!Array.isArray(stamps) || stamps.length === 0) {
    throw new DataError('no-data', `${where} holds no daily bars for ${symbol}`, { series: symbol });
  }
  const n = stamps.length;
  const quote = result.indicators?.quote?.[0] ?? {};
  const open = numbers(quote.open, n);
  const high = numbers(quote.high, n);
  const low = numbers(quote.low, n);
  const close = numbers(quote.close, n);
  const volume = numbers(quote.volume, n, false);
  const adjRaw = result.indicators?.adjclose?.[0]?.adjclose;
  if (!priceLevel && !Array.isArray(adjRaw)) {
    throw new DataError('no-data', `${where} has no dividend-adjusted closes for ${symbol}`, {
      series: symbol,
      hint: 'the URL must ask for includeAdjustedClose=true',
    });
  }
  const adj = priceLevel ? close : numbers(adjRaw, n);

  // The unfinished bar: dated the exchange's today (or later), or inside a session still open.
  let today = Infinity;
  let liveFrom = Infinity;
  if (nowMs !== undefined) {
    const nowSec = nowMs / 1000;
    today = dayIn(nowSec);
    const regular = meta.currentTradingPeriod?.regular;
    const closed = typeof regular?.start === 'number' && typeof regular.end === 'number' && nowSec >= regular.end && dayIn(regular.end) === today;
    if (!closed) today -= 1; // today's bar is not final yet
    if (typeof regular?.start === 'number' && typeof regular.end === 'number' && nowSec < regular.end) liveFrom = regular.start;
  }

  for (const ts of stamps) {
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      throw new DataError('bad-date', `${where} holds a timestamp "${String(ts)}"`, { series: symbol });
    }
  }
  const order = stamps.map((_, i) => i).sort((a, b) => Number(stamps[a]) - Number(stamps[b]));
  const days = exchangeDays(
    order.map((i) => stamps[i] as number),
    zone as string,
  );
  const rows: PriceRow[] = [];
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    const ts = stamps[i] as number;
    if (Number.isNaN(close[i]) || ts >= liveFrom) continue;
    const day = days[o];
    if (day > today) continue;
    const row: PriceRow = {
      date: isoDay(day),
      open: open[i],
      high: high[i],
      low: low[i],
      close: close[i],
      adjClose: adj[i],
      volume: volume[i],
    };
    if (rows.length && rows[rows.length - 1].date === row.date) rows[rows.length - 1] = row;
    else rows.push(row);
  }
  if (rows.length === 0) throw new DataError('no-data', `${where} holds no closes for ${symbol}`, { series: symbol });
  checkDates(
    rows.map((r) => r.date),
    symbol,
    where,
  );
  return { rows, events: chartEvents(result, dayIn) };
}

/** The dividends and splits of a chart result, by date; malformed entries are skipped. */
function chartEvents(result: ChartResult, dayIn: (ts: number) => Day): ChartEvents {
  const dividends: ChartEvents['dividends'] = [];
  const splits: ChartEvents['splits'] = [];
  for (const d of Object.values(result.events?.dividends ?? {})) {
    if (typeof d?.date === 'number' && typeof d.amount === 'number' && d.amount > 0) dividends.push({ date: isoDay(dayIn(d.date)), amount: d.amount });
  }
  for (const sp of Object.values(result.events?.splits ?? {})) {
    const { date, numerator, denominator } = sp ?? {};
    if (typeof date === 'number' && typeof numerator === 'number' && typeof denominator === 'number' && numerator > 0 && denominator > 0) {
      splits.push({ date: isoDay(dayIn(date)), numerator, denominator });
    }
  }
  dividends.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  splits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { dividends, splits };
}

export interface YahooFetchOptions {
  /** Indices and futures are price levels: adj_close = close. */
  priceLevel?: boolean;
  http?: HttpOptions;
  /** Clock (ms) for period2 and the open-session check. Default Date.now. */
  now?: () => number;
}

async function fetchChart(symbol: string, options: YahooFetchOptions): Promise<{ rows: PriceRow[]; events: ChartEvents; url: string }> {
  const { priceLevel = false, http = {}, now = Date.now } = options;
  const nowMs = now();
  const url = yahooChartUrl(symbol, Math.floor(nowMs / 1000));
  const headers = { 'User-Agent': BROWSER_USER_AGENT, Accept: 'application/json', ...http.headers };
  let text: string;
  try {
    text = await fetchText(url, { ...http, headers, retryRateLimited: false });
  } catch (err) {
    if (!(err instanceof NetworkError) || err.status === undefined) throw err;
    if (err.status === 429) throw new RateLimitError(symbol, err.url, err.retryAfterMs);
    // Yahoo explains a refusal (unknown symbol, a range too long, …) in chart.error: show it.
    const reason = chartErrorIn(err.body);
    if (reason) throw chartError(reason, symbol, err.url, err.status);
    if (err.status === 404) {
      throw new DataError('unknown-ticker', `Yahoo Finance knows no symbol ${symbol} (${err.url}: HTTP 404)`, { series: symbol });
    }
    throw err;
  }
  return { ...parseYahooChartWithEvents(text, { symbol, url, priceLevel, nowMs }), url };
}

/** Downloads a ticker's daily history and converts it to the snapshot's `prices/<TICKER>.csv` text. */
export async function fetchYahooPrices(ticker: string, options: YahooFetchOptions = {}): Promise<FetchedFile & { rows: PriceRow[]; events: ChartEvents }> {
  const symbol = yahooSymbol(ticker);
  const { rows, events, url } = await fetchChart(symbol, options);
  return { id: ticker, text: priceCsvText(rows), url, source: `Yahoo Finance chart ${symbol}`, rows, events };
}

/** Downloads a Yahoo series (DXY = DX-Y.NYB) and stores its close in FRED's format as `fred/<id>.csv`. */
export async function fetchYahooAsFred(id: string, options: YahooFetchOptions = {}): Promise<FetchedFile> {
  const symbol = yahooSymbol(id);
  const { rows, url } = await fetchChart(symbol, { ...options, priceLevel: true });
  const fred = rows.map((r) => ({ date: r.date, value: formatNumber(r.close) }));
  return { id, text: fredCsvText(id, fred), url, source: `Yahoo Finance chart ${symbol} (close)` };
}
