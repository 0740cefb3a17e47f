import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../fake-fetch.ts';
import { type FixtureServer, type FixtureServerOptions, SNAPSHOT, snapshotPriceRows, startFixtureServer } from './fixture-server.ts';

/**
 * End to end, no network: `quadrant data fetch` against a local server that replays the real
 * services' response formats, then `data verify` and `validate` on the cache it filled.
 * Expected files: test/fixtures/live/expected (Python, independently of Quadrant; see the
 * fixtures' README) and, for the snapshot run, the snapshot's own files.
 */

const BIN = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'quadrant.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts the real binary; the server runs in this process, so the child must not block it. */
function start(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QUADRANT_') && k !== 'FRED_API_KEY'));
  // --wide: the messages checked here are matched whole, not wrapped to a terminal's width.
  const child = spawn(process.execPath, [BIN, ...args, '--wide'], { env: { ...clean, TZ: 'UTC', FRED_API_KEY: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr })));
  return { child, done };
}

const quadrant = (args: string[], env: Record<string, string>) => start(args, env).done;

function origins(server: FixtureServer): Record<string, string> {
  return {
    QUADRANT_FRED_URL: server.origin,
    QUADRANT_FRED_API_URL: server.origin,
    QUADRANT_YAHOO_URL: server.origin,
    QUADRANT_FISCALDATA_URL: server.origin,
  };
}

const read = (path: string) => readFileSync(path, 'utf8');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file the manifests list has the recorded sha256, and no temporary file is left. */
function cacheIsWhole(cache: string): void {
  for (const kind of ['fred', 'prices']) {
    const dir = join(cache, kind);
    if (!existsSync(dir)) continue;
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const manifest = JSON.parse(read(join(dir, 'manifest.json')));
    const entries: { file: string; sha256: string }[] = kind === 'fred' ? Object.values(manifest.series) : manifest.files;
    for (const e of entries) expect([e.file, sha(join(dir, e.file))]).toEqual([e.file, e.sha256]);
  }
}

const requested = (server: FixtureServer, from: number) =>
  server.requests
    .slice(from)
    .map((r) => decodeURIComponent(r.replace(/^\/v8\/finance\/chart\/([^?]+).*/, 'chart:$1').replace(/^\/graph\/fredgraph\.csv\?id=(\w+)$/, 'fredgraph:$1')));

describe('data fetch against recorded responses', () => {
  let server: FixtureServer;
  let cache: string;
  let env: Record<string, string>;
  const options: FixtureServerOptions = {
    yahoo: {
      SPY: 'yahoo-chart-SPY-seasons.json',
      'GC=F': 'yahoo-chart-GC=F-seasons.json',
      '^GSPC': 'yahoo-chart-^GSPC-seasons.json',
      EEM: 'yahoo-chart-EEM-split.json',
      IEF: 'yahoo-chart-IEF-bad-adjclose.json',
      'DX-Y.NYB': 'yahoo-chart-DX-Y.NYB.json',
    },
    fredgraph: { WALCL: 'fredgraph-WALCL.csv', DGS10: 'fredgraph-DGS10-old.csv' },
    liveBarFor: 'SPY',
    rateLimit: { symbols: ['EEM'], times: 1 },
  };
  const series = ['WALCL', 'DGS10', 'DTS_TGA', 'DXY', 'SPY', 'EEM', 'GC_F', 'GSPC', 'IEF'];

  beforeAll(async () => {
    server = await startFixtureServer(options);
    cache = await mkdtemp(join(tmpdir(), 'quadrant-e2e-'));
    env = origins(server);
  });
  afterAll(async () => {
    await server.close();
    await rm(cache, { recursive: true, force: true });
  });

  it('stops at the first 429 with one message, keeps what it fetched, and resumes there', async () => {
    const first = await quadrant(['data', 'fetch', '--quiet', '--cache', cache, '--series', ...series], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Yahoo Finance is rate-limiting this machine (HTTP 429 on EEM)');
    expect(first.stdout).toContain('Fetched 5: WALCL, DGS10, DTS_TGA, DXY, SPY. Not fetched 4: EEM, GC_F, GSPC, IEF.');
    expect(first.stdout).toMatch(/try again in an hour or so; the next `quadrant data fetch` with the same --series fetches only those/i);
    // One request for EEM, none after it: a block is not hammered.
    expect(requested(server, 0).filter((r) => r.startsWith('chart:'))).toEqual(['chart:DX-Y.NYB', 'chart:SPY', 'chart:EEM']);
    cacheIsWhole(cache);
    const spyBefore = read(join(cache, 'prices', 'SPY.csv'));

    const from = server.requests.length;
    const second = await quadrant(['data', 'fetch', '--quiet', '--cache', cache, '--series', ...series], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('resumed the fetch begun');
    expect(second.stdout).toContain('4 of 9 series were left');
    expect(requested(server, from)).toEqual(['chart:EEM', 'chart:GC=F', 'chart:^GSPC', 'chart:IEF']);
    expect(read(join(cache, 'prices', 'SPY.csv'))).toBe(spyBefore);
    expect(existsSync(join(cache, 'fetch-state.json'))).toBe(false);
    // The adjusted-close check names the ticker and the date whose dividend adj_close ignores.
    expect(second.stdout).toMatch(
      /warning: IEF: adj_close disagrees with the closes, dividends and splits Yahoo lists on 1 date beyond 0\.1%: 2024-07-01 by -0\.29%/,
    );
    expect(second.stdout).not.toMatch(/warning: (EEM|SPY)/);
  }, 120_000);

  it('writes every date and value as recorded: exchange-local dates, nulls and the live bar dropped, both FRED headers, DTS pages across October 2021', () => {
    for (const [file, expected] of [
      ['fred/WALCL.csv', 'expected/fred-WALCL.csv'],
      ['fred/DGS10.csv', 'expected/fred-DGS10.csv'],
      ['fred/DXY.csv', 'expected/fred-DXY.csv'],
      ['fred/DTS_TGA.csv', 'expected/fred-DTS_TGA.csv'],
      ['prices/SPY.csv', 'expected/prices-SPY-e2e.csv'],
      ['prices/GC_F.csv', 'expected/prices-GC_F-e2e.csv'],
      ['prices/GSPC.csv', 'expected/prices-GSPC-e2e.csv'],
      ['prices/EEM.csv', 'expected/prices-EEM-e2e.csv'],
      ['prices/IEF.csv', 'expected/prices-IEF-e2e.csv'],
    ]) {
      expect([file, read(join(cache, file))]).toEqual([file, fixture(expected)]);
    }
    // Fiscal Data served 5 rows a page: every page was asked for, in order.
    const pages = server.requests.filter((r) => r.includes('operating_cash_balance')).map((r) => new URL(r, 'http://x').searchParams.get('page[number]'));
    expect(pages).toEqual(['1', '2', '3', '4', '5']);
    // Yahoo was asked for 99 years at most (the server refuses more than 100, as Yahoo does).
    for (const r of server.requests.filter((x) => x.startsWith('/v8/'))) {
      const q = new URL(r, 'http://x').searchParams;
      expect(Number(q.get('period2')) - Number(q.get('period1'))).toBeLessThan(99.01 * 365.25 * 86_400);
    }
  });

  it('data verify reads the cache, shows the daily TGA, warns that the cache is old, and names a changed file', async () => {
    const v = await quadrant(['data', 'verify', '--cache', cache, '--format', 'json'], env);
    const out = JSON.parse(v.stdout);
    const row = (id: string) => out.series.find((s: { series: string }) => s.series === id);
    expect(row('DTS_TGA')).toMatchObject({ first: '2021-09-29', last: '2021-10-06', rows: 5 });
    expect(row('GC_F')).toMatchObject({ first: '2024-07-01', last: '2024-12-03', rows: 4 });
    expect(out.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'stale',
        message: expect.stringMatching(/^the cache's newest observation is 2024-12-05, \d+ days before today/),
      }),
    );
    expect(out.issues.filter((i: { code: string }) => i.code === 'checksum-mismatch')).toEqual([]);

    await appendFile(join(cache, 'prices', 'GC_F.csv'), '2024-12-04,1,1,1,1,1,1\n');
    const changed = await quadrant(['data', 'verify', '--cache', cache], env);
    expect(changed.code).toBe(2);
    expect(changed.stdout).toMatch(
      /error: .*prices\/GC_F\.csv: changed after it was downloaded: sha256 [0-9a-f]{12}… but the manifest records [0-9a-f]{12}… \(run `quadrant data fetch --series GC_F` to download it again\)/,
    );
  }, 60_000);

  it('ALFRED: a vintage before its coverage is explained, a future one refused, a good one kept apart', async () => {
    const key = { ...env, FRED_API_KEY: 'e2ekey' };
    const early = await quadrant(['data', 'fetch', '--quiet', '--cache', cache, '--series', 'WALCL', '--vintage', '1999-01-06'], key);
    expect(early.code).toBe(1);
    expect(early.stdout).toContain(
      'ALFRED holds no vintage of WALCL as of 1999-01-06 (FRED API: "Bad Request.  The series does not exist in ALFRED but may exist in FRED.")',
    );
    expect(early.stdout).toContain('choose a later --vintage');

    const future = await quadrant(['data', 'fetch', '--quiet', '--cache', cache, '--series', 'WALCL', '--vintage', '2099-01-01'], key);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('vintage date 2099-01-01 is in the future');

    const walcl = read(join(cache, 'fred', 'WALCL.csv'));
    const good = await quadrant(['data', 'fetch', '--quiet', '--cache', cache, '--series', 'WALCL', '--vintage', '2024-02-01'], key);
    expect(good.code).toBe(0);
    expect(read(join(cache, 'vintages', '2024-02-01', 'fred', 'WALCL.csv'))).toBe(fixture('expected/fred-WALCL-vintage-2024-02-01.csv'));
    expect(read(join(cache, 'fred', 'WALCL.csv'))).toBe(walcl);
  }, 60_000);
});

describe('data fetch of the whole catalog, the snapshot served in each service format', () => {
  let server: FixtureServer;
  let cache: string;
  let env: Record<string, string>;
  const options: FixtureServerOptions = { snapshot: true, rateLimit: { symbols: ['EFA'], times: 1, retryAfter: '600' } };

  beforeAll(async () => {
    server = await startFixtureServer(options);
    cache = await mkdtemp(join(tmpdir(), 'quadrant-e2e-snapshot-'));
    env = origins(server);
  });
  afterAll(async () => {
    await server.close();
    await rm(cache, { recursive: true, force: true });
  });

  it('survives a 429, an interruption and a kill, resumes, and fills a cache equal to the snapshot that validate runs on', async () => {
    const first = await quadrant(['data', 'fetch', '--quiet', '--cache', cache], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /HTTP 429 on EFA\).*Try again after 10 minute\(s\) \(Yahoo's Retry-After\); the next `quadrant data fetch` fetches only those/s,
    );
    cacheIsWhole(cache);

    // Interrupted while GLD's response is pending: whole files only, and the state says what is left.
    options.hang = 'GLD';
    const run = start(['data', 'fetch', '--quiet', '--cache', cache], env);
    await server.seen('/v8/finance/chart/GLD');
    run.child.kill('SIGINT');
    const interrupted = await run.done;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stdout).toContain('The fetch was interrupted.');
    cacheIsWhole(cache);
    const state = JSON.parse(read(join(cache, 'fetch-state.json')));
    expect(state.done).toContain('EFA');
    expect(state.done).not.toContain('GLD');

    // Killed outright (SIGKILL, no handler runs) while TLT's response is pending: still whole files only.
    options.hang = 'TLT';
    const killedRun = start(['data', 'fetch', '--quiet', '--cache', cache], env);
    await server.seen('/v8/finance/chart/TLT');
    killedRun.child.kill('SIGKILL');
    await killedRun.done;
    cacheIsWhole(cache);
    const afterKill = JSON.parse(read(join(cache, 'fetch-state.json')));
    expect(afterKill.done).toContain('GLD');
    expect(afterKill.done).not.toContain('TLT');

    options.hang = undefined;
    const from = server.requests.length;
    const last = await quadrant(['data', 'fetch', '--quiet', '--cache', cache], env);
    expect(last.code).toBe(0);
    expect(requested(server, from)[0]).toBe('chart:TLT');
    expect(requested(server, from)).not.toContain('chart:GLD');
    expect(requested(server, from)).not.toContain('chart:SPY');
    cacheIsWhole(cache);

    // Every FRED file is the snapshot's, byte for byte; every price file the snapshot's rows as served.
    const ids = readdirSync(join(cache, 'fred')).filter((f) => f.endsWith('.csv') && f !== 'DTS_TGA.csv' && f !== 'DXY.csv');
    expect(ids.length).toBeGreaterThan(12);
    for (const f of ids) expect([f, read(join(cache, 'fred', f))]).toEqual([f, read(join(SNAPSHOT, 'fred', f))]);
    const tickers = readdirSync(join(cache, 'prices')).filter((f) => f.endsWith('.csv'));
    expect(tickers.length).toBeGreaterThan(15);
    expect(tickers).toContain('MCHI.csv');
    for (const f of tickers) {
      const served = ['date,open,high,low,close,adj_close,volume', ...snapshotPriceRows(join(SNAPSHOT, 'prices', f)).map((r) => r.join(','))].join('\n');
      expect([f, read(join(cache, 'prices', f))]).toEqual([f, `${served}\n`]);
    }

    const verify = await quadrant(['data', 'verify', '--cache', cache, '--format', 'json'], env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout).usable).toBe(true);

    const validate = await quadrant(['validate', '--cache', cache, '--reps', '20', '--no-robustness', '--format', 'json'], env);
    expect(validate.code).toBe(0);
    const scorecard = JSON.parse(validate.stdout);
    expect(JSON.stringify(scorecard)).toContain('C1');
  }, 300_000);
});

describe('run with an empty cache and no network', () => {
  it('exits 1 (a runtime failure) with one line saying what to do', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'quadrant-e2e-empty-'));
    try {
      const dead = 'http://127.0.0.1:9';
      const r = await quadrant(['run', '--cache', cache, '--quiet'], {
        QUADRANT_FRED_URL: dead,
        QUADRANT_FRED_API_URL: dead,
        QUADRANT_YAHOO_URL: dead,
        QUADRANT_FISCALDATA_URL: dead,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not download data: .*127\.0\.0\.1:9.*check the network, or pass --data DIR/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
