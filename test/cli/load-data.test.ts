import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchIntoCacheOptions, FetchSummary } from '../../datasets/live/index.ts';
import { dataDirOnFirstUse, summariseWarnings } from '../../cli/load-data.ts';

describe('dataDirOnFirstUse', () => {
  it('prefers --data over the cache and never downloads then', async () => {
    let calls = 0;
    const dir = await dataDirOnFirstUse({ data: '/some/snapshot', quiet: true }, async () => {
      calls++;
      return { cacheDir: '', items: [], failed: 0 };
    });
    expect(dir).toBe('/some/snapshot');
    expect(calls).toBe(0);
  });

  it('fills an empty cache on first use, probing one series before the catalog', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'quadrant-cache-'));
    const asked: (readonly string[] | undefined)[] = [];
    const fetcher = async (o: FetchIntoCacheOptions): Promise<FetchSummary> => {
      asked.push(o.series);
      return { cacheDir: cache, items: [], failed: 0 };
    };
    const prev = process.env.QUADRANT_DATA;
    delete process.env.QUADRANT_DATA;
    try {
      expect(await dataDirOnFirstUse({ cache, quiet: true }, fetcher)).toBe(cache);
    } finally {
      if (prev !== undefined) process.env.QUADRANT_DATA = prev;
    }
    expect(asked).toEqual([['SPY'], undefined]);
  });

  it('stops after the probe with one message pointing to --data when offline', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'quadrant-cache-'));
    let calls = 0;
    const offline = async (): Promise<FetchSummary> => {
      calls++;
      return { cacheDir: cache, failed: 1, items: [{ id: 'SPY', file: '', rows: 0, first: '', last: '', ok: false, error: 'fetch failed (ENOTFOUND)' }] };
    };
    const prev = process.env.QUADRANT_DATA;
    delete process.env.QUADRANT_DATA;
    try {
      await expect(dataDirOnFirstUse({ cache, quiet: true }, offline)).rejects.toThrow(/could not download data: fetch failed \(ENOTFOUND\)/);
      // A runtime failure, exit 1, as `quadrant data fetch` exits for the same failure.
      await expect(dataDirOnFirstUse({ cache, quiet: true }, offline)).rejects.toMatchObject({ code: 'network', exitCode: 1 });
    } finally {
      if (prev !== undefined) process.env.QUADRANT_DATA = prev;
    }
    expect(calls).toBe(2);
  });
});

describe('summariseWarnings', () => {
  it('counts warnings and names each series once per kind', () => {
    const line = summariseWarnings([
      { severity: 'warning', code: 'stale', series: 'DFF', message: '' },
      { severity: 'warning', code: 'stale', series: 'DGS2', message: '' },
      { severity: 'warning', code: 'gap', series: 'DFF', message: '' },
      { severity: 'error', code: 'bad-date', series: 'X', message: '' },
    ]);
    expect(line).toBe('data: 3 warnings (stale: DFF, DGS2; gap: DFF); `quadrant data verify` lists them');
    expect(summariseWarnings([])).toBe('');
  });
});
