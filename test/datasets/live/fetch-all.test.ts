import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MACRO_SERIES, PRICE_SERIES } from '../../../datasets/catalog.ts';
import { isoDay } from '../../../datasets/day.ts';
import { DataError, UsageError } from '../../../datasets/errors.ts';
import { loadDataset } from '../../../datasets/load-dataset.ts';
import { sha256Hex } from '../../../datasets/live/cache.ts';
import { type FetchProgressEvent, allFetchTargets, fetchIntoCache, resolveFetchTargets } from '../../../datasets/live/index.ts';
import { type Answer, fakeFetch, fixture, recordingSleep, reply } from './fake-fetch.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-fetch-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2024-03-16T00:00:00Z');
const KEY = 'SECRETKEY0123456789';

/** Answers like FRED and Yahoo would for the fixture series; GLD's server is down. */
function providers(overrides: Record<string, () => Answer> = {}) {
  return fakeFetch((url) => {
    for (const [needle, answer] of Object.entries(overrides)) if (url.includes(needle)) return answer();
    if (url === 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=WALCL') return reply(fixture('fredgraph-WALCL.csv'));
    if (url.startsWith('https://api.stlouisfed.org/fred/series/observations?series_id=WALCL&')) return reply(fixture('fred-api-WALCL.json'));
    if (url.includes('/v8/finance/chart/SPY?')) return reply(fixture('yahoo-chart-SPY.json'));
    if (url.includes('/v8/finance/chart/DX-Y.NYB?')) return reply(fixture('yahoo-chart-DX-Y.NYB.json'));
    if (url.includes('/v8/finance/chart/GLD?')) return reply('<html>upstream down</html>', 503);
    return undefined;
  });
}

const base = { apiKey: '', now: () => NOW, http: { sleep: recordingSleep(), baseDelayMs: 1 } };

describe('resolveFetchTargets', () => {
  it('defaults to every catalog macro id (DXY from Yahoo) and every ticker', () => {
    const all = allFetchTargets();
    expect(all.map((t) => t.id)).toEqual([...MACRO_SERIES.map((e) => e.id), ...PRICE_SERIES.map((e) => e.ticker)]);
    expect(resolveFetchTargets([])).toEqual(all);
    expect(all.find((t) => t.id === 'DXY')).toEqual({ id: 'DXY', kind: 'fred', provider: 'yahoo', symbol: 'DX-Y.NYB', priceLevel: true });
    expect(all.find((t) => t.id === 'WALCL')).toMatchObject({ kind: 'fred', provider: 'fred' });
    expect(all.find((t) => t.id === 'GC_F')).toMatchObject({ kind: 'prices', symbol: 'GC=F', priceLevel: true });
    expect(all.find((t) => t.id === 'SPY')).toMatchObject({ kind: 'prices', symbol: 'SPY', priceLevel: false });
  });

  it('accepts any case and Yahoo symbols, once each', () => {
    expect(resolveFetchTargets(['spy', '^GSPC', 'walcl', 'SPY', 'DX-Y.NYB']).map((t) => t.id)).toEqual(['SPY', 'GSPC', 'WALCL', 'DXY']);
  });

  it('rejects an unknown id, listing the valid ones', () => {
    const err = (() => {
      try {
        resolveFetchTargets(['WALCL', 'BOGUS']);
      } catch (e) {
        return e as DataError;
      }
    })();
    expect(err).toBeInstanceOf(DataError);
    expect(err?.code).toBe('unknown-series');
    expect(err?.message).toContain('"BOGUS"');
    expect(err?.details.hint).toMatch(/^valid ids: WALCL, WRESBAL, .*DXY.*SPY.*BIL$/);
  });
});

describe('fetchIntoCache', () => {
  it('stores every item it can, reports the failed one and goes on', async () => {
    const fetchImpl = providers();
    const events: FetchProgressEvent[] = [];
    const summary = await fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL', 'GLD', 'SPY', 'DXY'], fetchImpl, onProgress: (e) => events.push(e) });

    expect(summary.failed).toBe(1);
    expect(summary.items.map((i) => [i.id, i.ok, i.rows, i.first, i.last])).toEqual([
      ['WALCL', true, 10, '2024-01-03', '2024-03-06'],
      ['GLD', false, 0, '', ''],
      ['SPY', true, 4, '2024-03-11', '2024-03-15'],
      ['DXY', true, 4, '2024-01-02', '2024-01-05'],
    ]);
    const gld = summary.items[1];
    expect(gld.code).toBe('network');
    expect(gld.error).toContain('HTTP 503');
    expect(gld.error).toContain('/chart/GLD?');
    expect(events.map((e) => [e.done, e.total, e.result.id])).toEqual([
      [1, 4, 'WALCL'],
      [2, 4, 'GLD'],
      [3, 4, 'SPY'],
      [4, 4, 'DXY'],
    ]);
    // GLD was tried 4 times (3 retries); the others once.
    expect(fetchImpl.calls.filter((c) => c.url.includes('/GLD?'))).toHaveLength(4);
    expect(fetchImpl.calls).toHaveLength(7);

    expect(await readFile(join(dir, 'fred', 'WALCL.csv'), 'utf8')).toBe(fixture('expected/fred-WALCL.csv'));
    expect(await readFile(join(dir, 'fred', 'DXY.csv'), 'utf8')).toBe(fixture('expected/fred-DXY.csv'));
    expect(await readFile(join(dir, 'prices', 'SPY.csv'), 'utf8')).toBe(fixture('expected/prices-SPY.csv'));
    expect(existsSync(join(dir, 'prices', 'GLD.csv'))).toBe(false);
    expect((await readdir(join(dir, 'fred'))).sort()).toEqual(['DXY.csv', 'WALCL.csv', 'manifest.json']);
    expect((await readdir(join(dir, 'prices'))).sort()).toEqual(['SPY.csv', 'manifest.json']);
  });

  it('writes manifests whose sha256 match the files', async () => {
    const summary = await fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL', 'SPY', 'DXY'], fetchImpl: providers() });
    const fred = JSON.parse(await readFile(join(dir, 'fred', 'manifest.json'), 'utf8'));
    const prices = JSON.parse(await readFile(join(dir, 'prices', 'manifest.json'), 'utf8'));
    for (const id of ['WALCL', 'DXY']) {
      const bytes = await readFile(join(dir, 'fred', `${id}.csv`));
      expect(fred.series[id].sha256).toBe(sha256Hex(bytes));
      expect(fred.series[id].bytes).toBe(bytes.length);
      expect(fred.series[id].retrieved_at).toBe('2024-03-16T00:00:00.000Z');
    }
    expect(fred.series.WALCL.url).toBe('https://fred.stlouisfed.org/graph/fredgraph.csv?id=WALCL');
    expect(fred.series.DXY.source).toBe('Yahoo Finance chart DX-Y.NYB (close)');
    const spy = prices.files.find((f: { ticker: string }) => f.ticker === 'SPY');
    expect(spy.sha256).toBe(sha256Hex(await readFile(join(dir, 'prices', 'SPY.csv'))));
    expect(spy.url).toContain('https://query1.finance.yahoo.com/v8/finance/chart/SPY?period1=');
    expect(summary.items.find((i) => i.id === 'SPY')?.sha256).toBe(spy.sha256);
  });

  it('uses the FRED API with a key and never writes the key down', async () => {
    const fetchImpl = providers();
    await fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL'], apiKey: KEY, fetchImpl });
    expect(fetchImpl.calls[0].url).toContain(`api_key=${KEY}`);
    expect(await readFile(join(dir, 'fred', 'WALCL.csv'), 'utf8')).toBe(fixture('expected/fred-WALCL.csv'));
    const manifest = await readFile(join(dir, 'fred', 'manifest.json'), 'utf8');
    expect(manifest).not.toContain(KEY);
    expect(JSON.parse(manifest).series.WALCL.source).toBe('FRED API');
  });

  it('leaves the cached file and its manifest entry intact when a refresh fails to convert', async () => {
    await fetchIntoCache({ ...base, cacheDir: dir, series: ['SPY', 'WALCL'], fetchImpl: providers() });
    const before = await readFile(join(dir, 'prices', 'SPY.csv'), 'utf8');
    const manifestBefore = await readFile(join(dir, 'prices', 'manifest.json'), 'utf8');
    const broken = providers({
      '/chart/SPY?': () => reply('<!DOCTYPE html><html><body>Yahoo consent</body></html>'),
      'fredgraph.csv?id=WALCL': () => reply('observation_date,WALCL\n2024-01-03,7713872\n2024-01-10,oops\n'),
    });
    const summary = await fetchIntoCache({ ...base, cacheDir: dir, series: ['SPY', 'WALCL'], fetchImpl: broken, now: () => NOW + 86_400_000 });
    expect(summary.items.map((i) => [i.id, i.ok, i.code])).toEqual([
      ['SPY', false, 'bad-header'],
      ['WALCL', false, 'bad-number'],
    ]);
    expect(await readFile(join(dir, 'prices', 'SPY.csv'), 'utf8')).toBe(before);
    expect(await readFile(join(dir, 'prices', 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(await readFile(join(dir, 'fred', 'WALCL.csv'), 'utf8')).toBe(fixture('expected/fred-WALCL.csv'));
    expect((await readdir(join(dir, 'prices'))).sort()).toEqual(['SPY.csv', 'manifest.json']);
  });

  it('fetches an ALFRED vintage and records it in the manifest', async () => {
    const fetchImpl = providers({ 'realtime_start=2024-02-01': () => reply(fixture('fred-api-WALCL-vintage-2024-02-01.json')) });
    const summary = await fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL'], apiKey: KEY, vintageDate: '2024-02-01', fetchImpl });
    expect(summary.items[0]).toMatchObject({ ok: true, rows: 4, last: '2024-01-24' });
    // Vintages are kept apart from the current series.
    const vintageDir = join(dir, 'vintages', '2024-02-01');
    expect(existsSync(join(dir, 'fred', 'WALCL.csv'))).toBe(false);
    expect(await readFile(join(vintageDir, 'fred', 'WALCL.csv'), 'utf8')).toBe(fixture('expected/fred-WALCL-vintage-2024-02-01.csv'));
    const entry = JSON.parse(await readFile(join(vintageDir, 'fred', 'manifest.json'), 'utf8')).series.WALCL;
    expect(entry.vintage_date).toBe('2024-02-01');
    expect(entry.url).toContain('api_key=REDACTED');
  });

  it('fails before any download for an unknown id or a vintage without a key', async () => {
    const fetchImpl = providers();
    await expect(fetchIntoCache({ ...base, cacheDir: dir, series: ['NOPE'], fetchImpl })).rejects.toMatchObject({ code: 'unknown-series' });
    await expect(fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL'], vintageDate: '2024-02-01', fetchImpl })).rejects.toBeInstanceOf(UsageError);
    await expect(fetchIntoCache({ ...base, cacheDir: dir, apiKey: KEY, vintageDate: '2024-02-31', fetchImpl })).rejects.toThrow(/not YYYY-MM-DD/);
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('fills a cache that the snapshot loader reads back value for value', async () => {
    await fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL', 'DXY', 'SPY'], fetchImpl: providers() });
    const ds = loadDataset(dir, { macro: ['WALCL', 'DXY'], prices: ['SPY'] });
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const walcl = ds.macro.get('WALCL')!;
    expect(Array.from(walcl.days, isoDay)).toEqual([
      '2024-01-03',
      '2024-01-10',
      '2024-01-17',
      '2024-01-24',
      '2024-01-31',
      '2024-02-07',
      '2024-02-14',
      '2024-02-21',
      '2024-02-28',
      '2024-03-06',
    ]);
    expect(Array.from(walcl.values)).toEqual([7713872, 7686468, 7675893, 7677136, 7631951, 7614484, NaN, 7587084, 7580864, 7539224]);

    const dxy = ds.macro.get('DXY')!;
    expect(Array.from(dxy.values)).toEqual([102.199997, 102.43, 102.410004, 102.419998]);

    const spy = ds.prices.get('SPY')!;
    expect(Array.from(spy.days, isoDay)).toEqual(['2024-03-11', '2024-03-12', '2024-03-14', '2024-03-15']);
    expect(Array.from(spy.values)).toEqual([503.366943, 508.78183, 506.980164, 503.498932]);
    expect(Array.from(spy.close)).toEqual([511.279999, 516.780029, 514.950012, 509.829987]);
  });
});

describe('fetchIntoCache: rate limits, pacing, interruption, resuming', () => {
  it('stops asking Yahoo after the first 429, says what was and was not fetched, and the next fetch resumes there', async () => {
    const blocked = providers({ '/chart/SPY?': () => reply(fixture('yahoo-429.txt'), 429, { 'Retry-After': '120' }) });
    const series = ['WALCL', 'SPY', 'DXY'];
    const first = await fetchIntoCache({ ...base, cacheDir: dir, series, fetchImpl: blocked });
    expect(first.items.map((i) => [i.id, i.ok, i.skipped ?? false])).toEqual([
      ['WALCL', true, false],
      ['SPY', false, false],
      ['DXY', false, true],
    ]);
    // One request to SPY (a 429 is not retried), none to DXY.
    expect(blocked.calls.map((c) => c.url.replace(/\?.*/, ''))).toEqual([
      'https://fred.stlouisfed.org/graph/fredgraph.csv',
      'https://query1.finance.yahoo.com/v8/finance/chart/SPY',
    ]);
    expect(first.stopped?.reason).toBe('rate-limit');
    expect(first.stopped?.message).toBe(
      'Yahoo Finance is rate-limiting this machine (HTTP 429 on SPY); Quadrant stopped asking it. Fetched 1: WALCL. Not fetched 2: SPY, DXY. ' +
        "Try again after 2 minute(s) (Yahoo's Retry-After); the next `quadrant data fetch` with the same --series fetches only those. The cache keeps every file fetched so far.",
    );
    const state = JSON.parse(await readFile(join(dir, 'fetch-state.json'), 'utf8'));
    expect([state.targets, state.done, state.stopped]).toEqual([series, ['WALCL'], 'rate-limit']);

    const open = providers();
    const second = await fetchIntoCache({ ...base, cacheDir: dir, series, fetchImpl: open });
    expect(second.resumed).toMatchObject({ left: 2, of: 3 });
    expect(second.items.map((i) => [i.id, i.ok])).toEqual([
      ['SPY', true],
      ['DXY', true],
    ]);
    expect(open.calls).toHaveLength(2);
    expect(existsSync(join(dir, 'fetch-state.json'))).toBe(false);
  });

  it('stops asking a provider that gives no response at all, so an offline machine hears so in seconds', async () => {
    // Node's fetch rejects with a TypeError whose cause carries the system error code.
    const offline = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    const down = providers({ 'fred.stlouisfed.org': offline });
    const series = ['WALCL', 'WRESBAL', 'SPY'];
    const first = await fetchIntoCache({ ...base, cacheDir: dir, series, fetchImpl: down });
    expect(first.items.map((i) => [i.id, i.ok, i.skipped ?? false])).toEqual([
      ['WALCL', false, false],
      ['WRESBAL', false, true],
      ['SPY', true, false],
    ]);
    // Four attempts (three retries) for WALCL, none for WRESBAL, one for SPY.
    expect(down.calls.map((c) => new URL(c.url).host)).toEqual([...Array(4).fill('fred.stlouisfed.org'), 'query1.finance.yahoo.com']);
    expect(first.stopped?.reason).toBe('unreachable');
    expect(first.stopped?.message).toBe(
      'fred.stlouisfed.org did not answer in 4 attempts (fetch failed (ENOTFOUND)); Quadrant stopped asking it. Fetched 1: SPY. Not fetched 2: WALCL, WRESBAL. ' +
        'Check the network connection; the next `quadrant data fetch` with the same --series fetches only those. The cache keeps every file fetched so far.',
    );
    const state = JSON.parse(await readFile(join(dir, 'fetch-state.json'), 'utf8'));
    expect([state.done, state.stopped]).toEqual([['SPY'], 'unreachable']);
  });

  it('paces FRED API requests to 2 a second', async () => {
    const sleep = recordingSleep();
    const fetchImpl = providers({ 'series_id=WRESBAL': () => reply(fixture('fred-api-WALCL.json')) });
    // A frozen clock: each request after the first waits its 500 ms slot.
    await fetchIntoCache({ ...base, http: { sleep, baseDelayMs: 1 }, cacheDir: dir, series: ['WALCL', 'WRESBAL'], apiKey: KEY, fetchImpl });
    expect(sleep.delays).toEqual([500]);
  });

  it('an abort stops between whole files and leaves what is left for the next fetch', async () => {
    const controller = new AbortController();
    const summary = await fetchIntoCache({
      ...base,
      cacheDir: dir,
      series: ['WALCL', 'SPY', 'DXY'],
      fetchImpl: providers(),
      signal: controller.signal,
      onProgress: (e) => e.result.id === 'WALCL' && controller.abort(),
    });
    expect(summary.stopped?.reason).toBe('interrupted');
    expect(summary.items.map((i) => [i.id, i.ok])).toEqual([
      ['WALCL', true],
      ['SPY', false],
      ['DXY', false],
    ]);
    expect((await readdir(join(dir, 'fred'))).sort()).toEqual(['WALCL.csv', 'manifest.json']);
    expect(existsSync(join(dir, 'prices'))).toBe(false);
    expect(JSON.parse(await readFile(join(dir, 'fetch-state.json'), 'utf8')).done).toEqual(['WALCL']);
  });

  it('refuses a vintage in the future and one for a series ALFRED does not keep', async () => {
    const fetchImpl = providers();
    await expect(fetchIntoCache({ ...base, cacheDir: dir, series: ['WALCL'], apiKey: KEY, vintageDate: '2024-03-17', fetchImpl })).rejects.toThrow(
      'vintage date 2024-03-17 is in the future (today is 2024-03-16)',
    );
    await expect(fetchIntoCache({ ...base, cacheDir: dir, series: ['SPY'], apiKey: KEY, vintageDate: '2024-02-01', fetchImpl })).rejects.toThrow(
      'SPY has no vintages: ALFRED keeps FRED series only',
    );
    expect(fetchImpl.calls).toHaveLength(0);
  });
});
