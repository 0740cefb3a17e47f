import { DataError } from '../errors.ts';
import { isoDay } from '../day.ts';
import { type HttpOptions, NetworkError, fetchText, redactUrl } from './http.ts';
import {
  type FetchedFile,
  type PriceRow,
  checkDates,
  describeBody,
  formatNumber,
  fredCsvText,
  priceCsvText,
} from './snapshot-format.ts';

/** Yahoo Finance's chart endpoint (no key; wants a browser-like User-Agent). */
export const YAHOO_CHART_URL = 'https://query1.finance.yahoo.com/v8/finance/chart/';

/**
 * 1900-01-01 as a Unix time, the start yfinance asks for. `period1=0` would cut every history at
 * 1970 (the S&P 500 index goes back to 1927).
 */
export const YAHOO_EARLIEST = -2208994789;

/** Quadrant names that differ from Yahoo's symbols; every other ticker is its own symbol. */
export const YAHOO_SYMBOLS: Readonly<Record<string, string>> = {
  GSPC: '^GSPC',
  RUT: '^RUT',
  GC_F: 'GC=F',
  DXY: 'DX-Y.NYB',
};

/** Sent with every Yahoo request: the endpoint answers 429 to unknown clients. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

export function yahooSymbol(ticker: string): string {
  return YAHOO_SYMBOLS[ticker] ?? ticker;
}

export function yahooChartUrl(symbol: string, period2: number, period1 = YAHOO_EARLIEST): string {
  return (
    `${YAHOO_CHART_URL}${encodeURIComponent(symbol)}?period1=${period1}&period2=${period2}` +
    '&interval=1d&events=div%2Csplit&includeAdjustedClose=true'
  );
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

function chartError(err: ChartError, symbol: string, where: string): DataError {
  const code = String(err.code ?? '');
  const description = String(err.description ?? '');
  if (/not found/i.test(code) || /no data found|delisted/i.test(description)) {
    return new DataError('unknown-ticker', `Yahoo Finance knows no symbol ${symbol} (${where}: ${description || code})`, {
      series: symbol,
      hint: 'check the symbol on finance.yahoo.com',
    });
  }
  return new DataError('no-data', `${where}: Yahoo Finance error ${code}: ${description}`, { series: symbol });
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
 * Converts a chart response into daily rows dated on the exchange's calendar (timestamp +
 * meta.gmtoffset), dropping bars without a close and keeping the later of two bars on one date.
 * A price of zero or less (Yahoo's placeholder in some old bars) is left blank, as the snapshot
 * loader accepts only positive prices.
 */
export function parseYahooChart(text: string, opts: ChartParseOptions): PriceRow[] {
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
  if (typeof meta.gmtoffset !== 'number') {
    throw new DataError('bad-header', `${where} gives no gmtoffset for ${symbol}`, { series: symbol });
  }
  const offset = meta.gmtoffset;
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

  const regular = meta.currentTradingPeriod?.regular;
  const sessionOpen =
    nowMs !== undefined && typeof regular?.start === 'number' && typeof regular.end === 'number' && nowMs / 1000 < regular.end
      ? regular.start
      : Infinity;

  const order = stamps.map((_, i) => i).sort((a, b) => Number(stamps[a]) - Number(stamps[b]));
  const rows: PriceRow[] = [];
  for (const i of order) {
    const ts = stamps[i];
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      throw new DataError('bad-date', `${where} holds a timestamp "${String(ts)}"`, { series: symbol });
    }
    if (Number.isNaN(close[i]) || ts >= sessionOpen) continue;
    const row: PriceRow = {
      date: isoDay(Math.floor((ts + offset) / 86_400)),
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
  return rows;
}

export interface YahooFetchOptions {
  /** Indices and futures are price levels: adj_close = close. */
  priceLevel?: boolean;
  http?: HttpOptions;
  /** Clock (ms) for period2 and the open-session check. Default Date.now. */
  now?: () => number;
}

async function fetchChart(symbol: string, options: YahooFetchOptions): Promise<{ rows: PriceRow[]; url: string }> {
  const { priceLevel = false, http = {}, now = Date.now } = options;
  const nowMs = now();
  const url = yahooChartUrl(symbol, Math.floor(nowMs / 1000));
  const headers = { 'User-Agent': BROWSER_USER_AGENT, Accept: 'application/json', ...http.headers };
  let text: string;
  try {
    text = await fetchText(url, { ...http, headers });
  } catch (err) {
    // Yahoo answers an unknown symbol with 404 and its chart error JSON.
    if (err instanceof NetworkError && err.status === 404) {
      let body: { chart?: { error?: ChartError | null } } | undefined;
      try {
        body = JSON.parse(err.body ?? '');
      } catch {
        body = undefined;
      }
      throw body?.chart?.error
        ? chartError(body.chart.error, symbol, err.url)
        : new DataError('unknown-ticker', `Yahoo Finance knows no symbol ${symbol} (${err.url}: HTTP 404)`, {
            series: symbol,
          });
    }
    throw err;
  }
  return { rows: parseYahooChart(text, { symbol, url, priceLevel, nowMs }), url };
}

/** Downloads a ticker's daily history and converts it to the snapshot's `prices/<TICKER>.csv` text. */
export async function fetchYahooPrices(ticker: string, options: YahooFetchOptions = {}): Promise<FetchedFile> {
  const symbol = yahooSymbol(ticker);
  const { rows, url } = await fetchChart(symbol, options);
  return { id: ticker, text: priceCsvText(rows), url, source: `Yahoo Finance chart ${symbol}` };
}

/** Downloads a Yahoo series (DXY = DX-Y.NYB) and stores its close in FRED's format as `fred/<id>.csv`. */
export async function fetchYahooAsFred(id: string, options: YahooFetchOptions = {}): Promise<FetchedFile> {
  const symbol = yahooSymbol(id);
  const { rows, url } = await fetchChart(symbol, { ...options, priceLevel: true });
  const fred = rows.map((r) => ({ date: r.date, value: formatNumber(r.close) }));
  return { id, text: fredCsvText(id, fred), url, source: `Yahoo Finance chart ${symbol} (close)` };
}
