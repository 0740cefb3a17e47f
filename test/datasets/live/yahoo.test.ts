import { describe, expect, it } from 'vitest';
import { DataError } from '../../../datasets/errors.ts';
import {
  fetchYahooAsFred,
  fetchYahooPrices,
  parseYahooChart,
  parseYahooChartWithEvents,
  RateLimitError,
  yahooChartUrl,
  yahooSymbol,
} from '../../../datasets/live/yahoo.ts';
import { priceCsvText } from '../../../datasets/live/snapshot-format.ts';
import { fakeFetch, fixture, recordingSleep, reply } from './fake-fetch.ts';

/** 2024-03-16T00:00Z: after the fixture's last session closed. */
const AFTER_CLOSE = Date.parse('2024-03-16T00:00:00Z');
const http = (fetchImpl: ReturnType<typeof fakeFetch>) => ({ fetchImpl, sleep: recordingSleep() });
const spy = { symbol: 'SPY', url: 'u', priceLevel: false, nowMs: AFTER_CLOSE };

/** A one-bar chart response with the given meta and bar. */
function chart(meta: Record<string, unknown>, timestamp: number[], close: (number | null)[]): string {
  const n = timestamp.length;
  return JSON.stringify({
    chart: {
      result: [
        {
          meta,
          timestamp,
          indicators: {
            quote: [{ open: close, high: close, low: close, close, volume: new Array(n).fill(100) }],
            adjclose: [{ adjclose: close }],
          },
        },
      ],
      error: null,
    },
  });
}

describe('Yahoo chart → prices CSV', () => {
  it('converts the SPY response exactly: null row dropped, adj_close dividend-adjusted, float noise rounded', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('yahoo-chart-SPY.json')));
    const got = await fetchYahooPrices('SPY', { http: http(fetchImpl), now: () => AFTER_CLOSE });
    expect(got.text).toBe(fixture('expected/prices-SPY.csv'));
    expect(got.source).toBe('Yahoo Finance chart SPY');
  });

  it('asks the chart endpoint for 99 years up to now with a browser User-Agent', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('yahoo-chart-SPY.json')));
    await fetchYahooPrices('SPY', { http: http(fetchImpl), now: () => AFTER_CLOSE });
    // period2 = 2024-03-16T00:00Z; period1 = 1925-03-16T00:00Z (python: datetime(1925,3,16,tzinfo=utc).timestamp()).
    expect(fetchImpl.calls[0].url).toBe(
      'https://query1.finance.yahoo.com/v8/finance/chart/SPY?period1=-1413676800&period2=1710547200&interval=1d&events=div%2Csplit&includeAdjustedClose=true',
    );
    expect(fetchImpl.calls[0].headers['User-Agent']).toMatch(/^Mozilla\/5\.0 .*Chrome/);
  });

  it('maps catalog tickers to Yahoo symbols and escapes them', () => {
    expect(yahooSymbol('GSPC')).toBe('^GSPC');
    expect(yahooSymbol('RUT')).toBe('^RUT');
    expect(yahooSymbol('GC_F')).toBe('GC=F');
    expect(yahooSymbol('DXY')).toBe('DX-Y.NYB');
    expect(yahooSymbol('IEF')).toBe('IEF');
    expect(yahooChartUrl('^GSPC', 1)).toContain('/chart/%5EGSPC?period1=');
    expect(yahooChartUrl('GC=F', 1)).toContain('/chart/GC%3DF?period1=');
  });

  it('writes adj_close = close for price levels', () => {
    const rows = parseYahooChart(fixture('yahoo-chart-SPY.json'), { ...spy, priceLevel: true });
    expect(rows.map((r) => r.adjClose)).toEqual(rows.map((r) => r.close));
    expect(rows[0].adjClose).toBeCloseTo(511.28, 4);
  });

  it('adj_close differs from close for the ETF before the ex-dividend day', () => {
    const rows = parseYahooChart(fixture('yahoo-chart-SPY.json'), spy);
    expect(rows.map((r) => r.date)).toEqual(['2024-03-11', '2024-03-12', '2024-03-14', '2024-03-15']);
    const ratio = rows.map((r) => r.adjClose / r.close);
    // The 1.595 dividend on 2024-03-15 shrinks earlier adjusted closes by about 0.3%.
    expect(ratio[2] / ratio[3]).toBeCloseTo(1 - 1.595 / 514.95, 4);
  });

  it('drops the bar of a session still open at download time', () => {
    const during = Date.parse('2024-03-15T15:00:00Z');
    const rows = parseYahooChart(fixture('yahoo-chart-SPY.json'), { ...spy, nowMs: during });
    expect(rows.map((r) => r.date)).toEqual(['2024-03-11', '2024-03-12', '2024-03-14']);
  });

  it("dates bars in the exchange's own time zone, daylight saving included", () => {
    // Tokyo midnight of 2024-03-11 is 2024-03-10T15:00Z; New York 20:00 EDT of 2024-03-11 is 2024-03-12T00:00Z.
    const tokyo = chart({ symbol: '^N225', exchangeTimezoneName: 'Asia/Tokyo', gmtoffset: 32400 }, [Date.parse('2024-03-10T15:00:00Z') / 1000], [38820.49]);
    expect(parseYahooChart(tokyo, { symbol: '^N225', url: 'u', priceLevel: true })[0].date).toBe('2024-03-11');
    const ny = chart({ symbol: 'X', exchangeTimezoneName: 'America/New_York', gmtoffset: -14400 }, [Date.parse('2024-03-12T00:00:00Z') / 1000], [10]);
    expect(parseYahooChart(ny, { symbol: 'X', url: 'u', priceLevel: false })[0].date).toBe('2024-03-11');
  });

  // Summer (EDT, UTC−4) and winter (EST, UTC−5) bars, each stamped the way Yahoo stamps that
  // kind of instrument, in a response whose meta.gmtoffset is the winter one (a download in
  // December). Equities and indices are stamped at the 09:30 open, futures (COMEX gold, ICE's
  // DX-Y.NYB) at 00:00 exchange time: read with the winter offset, a midnight EDT stamp
  // (04:00Z) would land on the day before. Expected dates: the trading days of the bars.
  const WINTER = { exchangeTimezoneName: 'America/New_York', gmtoffset: -18000, timezone: 'EST' };
  it.each([
    ['SPY', 'an equity (09:30 open)', ['2024-07-01T13:30:00Z', '2024-12-02T14:30:00Z']],
    ['^GSPC', 'an index (09:30 open)', ['2024-07-01T13:30:00Z', '2024-12-02T14:30:00Z']],
    ['GC=F', 'a future (00:00 exchange time)', ['2024-07-01T04:00:00Z', '2024-12-02T05:00:00Z']],
  ])('dates summer and winter bars of %s, %s, on their trading days', (symbol, _kind, stamps) => {
    const text = chart(
      { symbol, ...WINTER },
      stamps.map((s) => Date.parse(s) / 1000),
      [100, 101],
    );
    const rows = parseYahooChart(text, { symbol, url: 'u', priceLevel: symbol !== 'SPY', nowMs: Date.parse('2024-12-07T00:00:00Z') });
    expect(rows.map((r) => r.date)).toEqual(['2024-07-01', '2024-12-02']);
  });

  it('drops the unfinished bar of today while the session is open, keeps it after the close', () => {
    const start = Date.parse('2024-12-06T14:30:00Z') / 1000;
    const meta = { symbol: 'SPY', ...WINTER, currentTradingPeriod: { regular: { start, end: start + 6.5 * 3600 } } };
    const text = chart(meta, [Date.parse('2024-12-05T14:30:00Z') / 1000, start], [100, 101]);
    const during = parseYahooChart(text, { ...spy, nowMs: (start + 3600) * 1000 });
    expect(during.map((r) => r.date)).toEqual(['2024-12-05']);
    const after = parseYahooChart(text, { ...spy, nowMs: (start + 7 * 3600) * 1000 });
    expect(after.map((r) => r.date)).toEqual(['2024-12-05', '2024-12-06']);
    // Without a trading period, today's bar cannot be known final: dropped.
    const bare = chart({ symbol: 'SPY', ...WINTER }, [Date.parse('2024-12-05T14:30:00Z') / 1000, start], [100, 101]);
    expect(parseYahooChart(bare, { ...spy, nowMs: (start + 7 * 3600) * 1000 }).map((r) => r.date)).toEqual(['2024-12-05']);
  });

  it('refuses a response without a usable exchange time zone', () => {
    const text = chart({ symbol: 'SPY', gmtoffset: -18000 }, [1], [1]);
    expect(() => parseYahooChart(text, spy)).toThrow(/no usable exchangeTimezoneName/);
    const bogus = chart({ symbol: 'SPY', exchangeTimezoneName: 'Mars/Olympus' }, [1], [1]);
    expect(() => parseYahooChart(bogus, spy)).toThrow(/Mars\/Olympus/);
  });

  it('reads dividends and splits, dated on the exchange calendar', () => {
    const json = JSON.parse(chart({ symbol: 'SPY', ...WINTER }, [Date.parse('2024-06-21T13:30:00Z') / 1000], [544.51]));
    json.chart.result[0].events = {
      dividends: { '1718976600': { amount: 1.759, date: 1718976600 } },
      splits: { '1598880600': { date: 1598880600, numerator: 4, denominator: 1, splitRatio: '4:1' } },
    };
    const got = parseYahooChartWithEvents(JSON.stringify(json), { ...spy, nowMs: Date.parse('2024-12-07T00:00:00Z') });
    // 1718976600 = 2024-06-21T13:30Z (09:30 EDT); 1598880600 = 2020-08-31T13:30Z.
    expect(got.events).toEqual({ dividends: [{ date: '2024-06-21', amount: 1.759 }], splits: [{ date: '2020-08-31', numerator: 4, denominator: 1 }] });
  });

  it('keeps history before 1970 (negative timestamps)', () => {
    const old = chart({ symbol: '^GSPC', exchangeTimezoneName: 'America/New_York' }, [Date.parse('1927-12-30T14:30:00Z') / 1000], [17.66]);
    const rows = parseYahooChart(old, { symbol: '^GSPC', url: 'u', priceLevel: true });
    expect(priceCsvText(rows)).toBe('date,open,high,low,close,adj_close,volume\n1927-12-30,17.66,17.66,17.66,17.66,17.66,100\n');
  });

  it('blanks non-positive prices and drops a bar whose close is not positive', () => {
    const t = Date.parse('2024-03-11T13:30:00Z') / 1000;
    const json = JSON.parse(chart({ symbol: 'X', exchangeTimezoneName: 'America/New_York' }, [t, t + 86_400], [10, 0]));
    json.chart.result[0].indicators.quote[0].open = [0, 5];
    json.chart.result[0].indicators.quote[0].volume = [0, 7];
    const text = priceCsvText(parseYahooChart(JSON.stringify(json), { symbol: 'X', url: 'u', priceLevel: false }));
    expect(text).toBe('date,open,high,low,close,adj_close,volume\n2024-03-11,,10,10,10,10,0\n');
  });

  it('keeps the later of two bars on one date', () => {
    const t = Date.parse('2024-03-11T13:30:00Z') / 1000;
    const dup = chart({ symbol: 'X', exchangeTimezoneName: 'America/New_York' }, [t, t + 3600 * 6], [10, 11]);
    const rows = parseYahooChart(dup, { symbol: 'X', url: 'u', priceLevel: false });
    expect(rows).toHaveLength(1);
    expect(rows[0].close).toBe(11);
  });

  it('turns the 404 "Not Found" chart error into unknown-ticker without retrying', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('yahoo-chart-error-not-found.json'), 404));
    const err = await fetchYahooPrices('ZZZZ', { http: http(fetchImpl), now: () => AFTER_CLOSE }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('unknown-ticker');
    expect(err.message).toContain('ZZZZ');
    expect(err.message).toContain('symbol may be delisted');
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it("shows Yahoo's reason for a refusal on any status: the 100-year limit (HTTP 400)", async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('yahoo-chart-error-100-years.json'), 400));
    const err = await fetchYahooPrices('SPY', { http: http(fetchImpl), now: () => AFTER_CLOSE }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toMatch(
      /^Yahoo Finance refused SPY: Bad Request: Only 100 years worth of day granularity data are allowed to be fetched per request\. \(https:.*, HTTP 400\)$/,
    );
  });

  it('turns a 429 into a RateLimitError at once, with the Retry-After', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('yahoo-429.txt'), 429, { 'Retry-After': '30' }));
    const err = await fetchYahooPrices('SPY', { http: http(fetchImpl), now: () => AFTER_CLOSE }).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(30_000);
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('also reads the chart error in a 200 response', () => {
    expect(() => parseYahooChart(fixture('yahoo-chart-error-not-found.json'), { ...spy, symbol: 'ZZZZ' })).toThrow(
      expect.objectContaining({ code: 'unknown-ticker' }),
    );
  });

  it('rejects HTML, a chart about another symbol, and an ETF without adjusted closes', () => {
    expect(() => parseYahooChart('<!DOCTYPE html><html><body>consent</body></html>', spy)).toThrow(/not return Yahoo chart JSON .*HTML page/);
    expect(() => parseYahooChart(fixture('yahoo-chart-SPY.json'), { ...spy, symbol: 'IVV' })).toThrow(/data for SPY, not IVV/);
    const noAdj = JSON.parse(fixture('yahoo-chart-SPY.json'));
    delete noAdj.chart.result[0].indicators.adjclose;
    expect(() => parseYahooChart(JSON.stringify(noAdj), spy)).toThrow(expect.objectContaining({ code: 'no-data' }));
  });
});

describe('Yahoo series stored in FRED format (DXY)', () => {
  it('writes DX-Y.NYB closes as fred/DXY.csv text', async () => {
    const fetchImpl = fakeFetch((url) => (url.includes('/chart/DX-Y.NYB?') ? reply(fixture('yahoo-chart-DX-Y.NYB.json')) : undefined));
    const got = await fetchYahooAsFred('DXY', { http: http(fetchImpl), now: () => Date.parse('2024-01-08T00:00:00Z') });
    expect(got.text).toBe(fixture('expected/fred-DXY.csv'));
    expect(got.id).toBe('DXY');
  });
});
