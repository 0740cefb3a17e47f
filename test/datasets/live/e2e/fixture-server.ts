import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A local stand-in for FRED (fredgraph.csv and the API), Yahoo Finance's chart data and the
 * Treasury's Fiscal Data API, on 127.0.0.1. It replays the recorded responses of
 * test/fixtures/live (see its README), and can serve the offline snapshot's series converted to
 * each service's own response format at test time (nothing of the snapshot is committed).
 * It behaves like the real services where Quadrant depends on it: Yahoo refuses more than 100
 * years of daily bars and filters bars to period1..period2; Fiscal Data pages its rows.
 */

const FIXTURES = fileURLToPath(new URL('../../../fixtures/live/', import.meta.url));
export const SNAPSHOT = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export interface FixtureServerOptions {
  /** Yahoo symbol → recorded chart file. */
  yahoo?: Record<string, string>;
  /** FRED id → recorded fredgraph.csv file. */
  fredgraph?: Record<string, string>;
  /** Serve every other Yahoo symbol and FRED id from the snapshot, converted. */
  snapshot?: boolean;
  /** Symbols answered with a 429 (text body) the first `times` times they are asked for. */
  rateLimit?: { symbols: string[]; times: number; retryAfter?: string };
  /** A symbol whose request is held open, never answered (to interrupt a fetch during it). */
  hang?: string;
  /** Rows per Fiscal Data page, smaller than the real 10,000 so that paging is exercised. */
  fiscalPageSize?: number;
  /** Append an unfinished bar of today, inside an open session, to this symbol's chart. */
  liveBarFor?: string;
}

export interface FixtureServer {
  origin: string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** Resolves when a request whose path contains `needle` has arrived. */
  seen(needle: string): Promise<void>;
  close(): Promise<void>;
}

const SNAPSHOT_TICKER: Record<string, string> = { '^GSPC': 'GSPC', '^RUT': 'RUT', 'GC=F': 'GC_F' };
/** Futures and ICE indices are stamped at 00:00 exchange time; equities and indices at the 09:30 open. */
const MIDNIGHT_STAMPED = new Set(['GC=F', 'DX-Y.NYB']);
const YEAR_SECONDS = 365.25 * 86_400;

export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  const requests: string[] = [];
  const waiters: { needle: string; resolve: () => void }[] = [];
  const limited = new Map<string, number>();
  const held: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    for (const w of waiters.filter((x) => (req.url ?? '').includes(x.needle))) w.resolve();
    try {
      route(req, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });

  // Returns the response it ended, so each route can end with `return send(…)`.
  function route(req: IncomingMessage, res: ServerResponse): ServerResponse | undefined {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: string, type: string, headers: Record<string, string> = {}): ServerResponse =>
      res.writeHead(status, { 'content-type': type, ...headers }).end(body);
    if (url.pathname.startsWith('/v8/finance/chart/')) {
      const symbol = decodeURIComponent(url.pathname.slice('/v8/finance/chart/'.length));
      if (symbol === options.hang) {
        held.push(res);
        return;
      }
      const limit = options.rateLimit;
      if (limit?.symbols.includes(symbol) && (limited.get(symbol) ?? 0) < limit.times) {
        limited.set(symbol, (limited.get(symbol) ?? 0) + 1);
        return send(429, fixtureText('yahoo-429.txt'), 'text/plain', limit.retryAfter ? { 'retry-after': limit.retryAfter } : {});
      }
      const period1 = Number(url.searchParams.get('period1'));
      const period2 = Number(url.searchParams.get('period2'));
      if (!(period2 - period1 <= 100 * YEAR_SECONDS)) return send(400, fixtureText('yahoo-chart-error-100-years.json'), 'application/json');
      const recorded = options.yahoo?.[symbol];
      const chart = recorded ? JSON.parse(fixtureText(recorded)) : options.snapshot ? snapshotChart(symbol) : undefined;
      if (!chart) return send(404, fixtureText('yahoo-chart-error-not-found.json'), 'application/json');
      keepPeriod(chart, period1, period2);
      if (symbol === options.liveBarFor) addLiveBar(chart);
      return send(200, JSON.stringify(chart), 'application/json');
    }
    if (url.pathname === '/graph/fredgraph.csv') {
      const id = url.searchParams.get('id') ?? '';
      const recorded = options.fredgraph?.[id];
      if (recorded) return send(200, fixtureText(recorded), 'text/csv');
      const file = `${SNAPSHOT}fred/${id}.csv`;
      if (options.snapshot && existsSync(file)) return send(200, snapshotFredgraph(file), 'text/csv');
      return send(404, fixtureText('fred-error-page.html'), 'text/html');
    }
    if (url.pathname === '/fred/series/observations') {
      const vintage = url.searchParams.get('realtime_start');
      if (url.searchParams.get('series_id') === 'WALCL' && vintage === '2024-02-01')
        return send(200, fixtureText('fred-api-WALCL-vintage-2024-02-01.json'), 'application/json');
      if (vintage && vintage < '2002-12-18') return send(400, fixtureText('fred-api-error-alfred-coverage.json'), 'application/json');
      return send(400, fixtureText('fred-api-error-unknown-series.json'), 'application/json');
    }
    if (url.pathname === '/services/api/fiscal_service/v1/accounting/dts/operating_cash_balance') {
      return send(200, JSON.stringify(fiscalPage(url, options.fiscalPageSize ?? 5)), 'application/json');
    }
    return send(404, 'not found', 'text/plain');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    seen: (needle) => (requests.some((r) => r.includes(needle)) ? Promise.resolve() : new Promise((resolve) => waiters.push({ needle, resolve }))),
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Chart = {
  chart: {
    result: {
      meta: Record<string, unknown>;
      timestamp: number[];
      indicators: { quote: Record<string, (number | null)[]>[]; adjclose: { adjclose: (number | null)[] }[] };
    }[];
  };
};

/** Keeps the bars inside period1..period2, as the service does. */
function keepPeriod(chart: Chart, period1: number, period2: number): void {
  const r = chart.chart.result[0];
  const keep = r.timestamp.map((t) => t >= period1 && t <= period2);
  const cut = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
  r.timestamp = cut(r.timestamp);
  const q = r.indicators.quote[0];
  for (const k of Object.keys(q)) q[k] = cut(q[k]);
  r.indicators.adjclose[0].adjclose = cut(r.indicators.adjclose[0].adjclose);
}

/** A bar of today at the session's open, the session still running for six hours: a live quote. */
function addLiveBar(chart: Chart): void {
  const r = chart.chart.result[0];
  const now = Math.floor(Date.now() / 1000);
  const start = now - 60;
  r.meta.currentTradingPeriod = { regular: { timezone: 'EST', start, end: now + 6 * 3600, gmtoffset: -18000 } };
  r.timestamp.push(start);
  const q = r.indicators.quote[0];
  for (const k of Object.keys(q)) q[k].push(k === 'volume' ? 1000 : 999.99);
  r.indicators.adjclose[0].adjclose.push(999.99);
}

const NEW_YORK_HOUR = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' });

/** The Unix time of hh:mm New York time on an ISO date, daylight saving included. */
export function newYorkTime(date: string, hh: number, mm: number): number {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh + 5, mm) / 1000; // as if EST
  const hour = Number(NEW_YORK_HOUR.format(guess * 1000));
  return hour === hh ? guess : guess - 3600;
}

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

/** A snapshot price file's rows as served: a blank close filled from adj_close, rows with neither dropped. */
export function snapshotPriceRows(file: string): string[][] {
  return csvRows(file)
    .map((r) => (r[4] === '' && r[5] !== '' ? [r[0], r[1], r[2], r[3], r[5], r[5], r[6]] : r))
    .filter((r) => r[4] !== '');
}

/**
 * A snapshot price file as Yahoo's chart JSON, with the dividends that its adj_close implies.
 * Yahoo always has a close; where the snapshot has only adj_close (MCHI, ASHR), it stands in.
 */
function snapshotChart(symbol: string): Chart | undefined {
  const ticker = SNAPSHOT_TICKER[symbol] ?? symbol;
  const file = `${SNAPSHOT}prices/${ticker}.csv`;
  if (!existsSync(file)) return undefined;
  const rows = snapshotPriceRows(file);
  const num = (x: string) => (x === '' ? null : Number(x));
  const [hh, mm] = MIDNIGHT_STAMPED.has(symbol) ? [0, 0] : [9, 30];
  const timestamp = rows.map((r) => newYorkTime(r[0], hh, mm));
  const dividends: Record<string, { amount: number; date: number }> = {};
  for (let i = 1; i < rows.length; i++) {
    const [c0, a0, c1, a1] = [Number(rows[i - 1][4]), Number(rows[i - 1][5]), Number(rows[i][4]), Number(rows[i][5])];
    const paid = c0 - (c1 * a0) / a1;
    if (paid / c0 > 1e-5) dividends[String(timestamp[i])] = { amount: paid, date: timestamp[i] };
  }
  const exchangeTimezoneName = 'America/New_York';
  return {
    chart: {
      result: [
        {
          meta: { currency: 'USD', symbol, exchangeTimezoneName, timezone: 'EST', gmtoffset: -18000, dataGranularity: '1d' },
          timestamp,
          ...(Object.keys(dividends).length ? { events: { dividends } } : {}),
          indicators: {
            quote: [
              {
                open: rows.map((r) => num(r[1])),
                high: rows.map((r) => num(r[2])),
                low: rows.map((r) => num(r[3])),
                close: rows.map((r) => num(r[4])),
                volume: rows.map((r) => num(r[6])),
              },
            ],
            adjclose: [{ adjclose: rows.map((r) => num(r[5])) }],
          },
        },
      ],
    },
  } as Chart;
}

/** A snapshot FRED file as fredgraph.csv serves it (FRED marks a missing value with "."). */
function snapshotFredgraph(file: string): string {
  return readFileSync(file, 'utf8').replace(/,\n/g, ',.\n');
}

/** One page of the recorded operating cash balance table, with the fields asked for and the API's meta and links. */
function fiscalPage(url: URL, maxPage: number): unknown {
  const all = JSON.parse(fixtureText('fiscaldata-dts-operating-cash-balance.json')) as { data: Record<string, string>[]; meta: Record<string, unknown> };
  const size = Math.min(Number(url.searchParams.get('page[size]') ?? 100), maxPage);
  const number = Number(url.searchParams.get('page[number]') ?? 1);
  const fields = url.searchParams.get('fields')?.split(',');
  const pages = Math.max(1, Math.ceil(all.data.length / size));
  const data = all.data.slice((number - 1) * size, number * size).map((r) => (fields ? Object.fromEntries(fields.map((f) => [f, r[f]])) : r));
  const link = (n: number) => `&page%5Bnumber%5D=${n}&page%5Bsize%5D=${size}`;
  return {
    data,
    meta: { ...all.meta, count: data.length, 'total-count': all.data.length, 'total-pages': pages },
    links: {
      self: link(number),
      first: link(1),
      prev: number > 1 ? link(number - 1) : null,
      next: number < pages ? link(number + 1) : null,
      last: link(pages),
    },
  };
}
