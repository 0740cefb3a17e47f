import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../../../datasets/errors.ts';
import { defaultCacheDir, manifestEntry, readManifest, sha256Hex, storeFetched, updateManifest, writeFileAtomic } from '../../../datasets/live/cache.ts';
import { fixture } from './fake-fetch.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = new Date('2024-03-16T12:00:00.000Z');

describe('defaultCacheDir', () => {
  it('prefers QUADRANT_CACHE, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(defaultCacheDir({ QUADRANT_CACHE: '/q', XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/q');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/x/quadrant');
    expect(defaultCacheDir({}, '/home/u')).toBe('/home/u/.cache/quadrant');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.cache/quadrant');
  });
});

describe('writeFileAtomic', () => {
  it('writes, replaces, creates folders and leaves no temporary file', async () => {
    const file = join(dir, 'fred', 'X.csv');
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    expect(await readFile(file, 'utf8')).toBe('two\n');
    expect(await readdir(join(dir, 'fred'))).toEqual(['X.csv']);
  });

  it('leaves the previous file intact when the data source fails midway', async () => {
    const file = join(dir, 'X.csv');
    await writeFileAtomic(file, 'previous\n');
    function* failing(): Generator<string> {
      yield 'observation_date,X\n2024-01-01,1\n';
      throw new Error('conversion failed on row 2');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('conversion failed on row 2');
    expect(await readFile(file, 'utf8')).toBe('previous\n');
    expect(await readdir(dir)).toEqual(['X.csv']);
  });

  it('creates nothing when the first write fails midway', async () => {
    const file = join(dir, 'Y.csv');
    async function* failing(): AsyncGenerator<string> {
      yield 'partial';
      throw new Error('boom');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('boom');
    expect(existsSync(file)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('manifests', () => {
  it('records a sha256 and size that match the stored file', async () => {
    const text = fixture('expected/fred-WALCL.csv');
    const { path, entry } = await storeFetched(dir, 'fred', { id: 'WALCL', text, url: 'https://f/x', source: 'FRED fredgraph.csv' }, at);
    const bytes = await readFile(path);
    expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const manifest = await readManifest(dir, 'fred');
    expect(manifest.series.WALCL).toEqual({
      file: 'WALCL.csv',
      source: 'FRED fredgraph.csv',
      url: 'https://f/x',
      retrieved_at: '2024-03-16T12:00:00.000Z',
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      rows: 10,
      blank_rows: 1,
      first_date: '2024-01-03',
      last_date: '2024-03-06',
    });
    expect(manifest.generated_utc).toBe('2024-03-16T12:00:00Z');
    expect(existsSync(join(dir, 'fred', 'manifest.json.lock'))).toBe(false);
  });

  it('keeps prices entries in an array with the snapshot keys, one per ticker', async () => {
    const text = fixture('expected/prices-SPY.csv');
    await storeFetched(dir, 'prices', { id: 'SPY', text, url: 'u1', source: 's' }, at);
    await storeFetched(dir, 'prices', { id: 'GLD', text, url: 'u2', source: 's' }, at);
    await storeFetched(dir, 'prices', { id: 'SPY', text, url: 'u3', source: 's' }, at);
    const m = await readManifest(dir, 'prices');
    expect(m.header).toBe('date,open,high,low,close,adj_close,volume');
    expect(m.files.map((f) => [f.ticker, f.url])).toEqual([
      ['GLD', 'u2'],
      ['SPY', 'u3'],
    ]);
    expect(m.files[1]).toMatchObject({ file: 'SPY.csv', rows: 4, first: '2024-03-11', last: '2024-03-15', first_date: '2024-03-11' });
  });

  it('loses no entry when many updates run at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `S${i}`);
    const text = 'observation_date,S\n2024-01-01,1\n';
    await Promise.all(ids.map((id) => updateManifest(dir, 'fred', id, manifestEntry(`${id}.csv`, text, { source: 's', url: 'u', retrievedAt: at }))));
    const m = await readManifest(dir, 'fred');
    expect(Object.keys(m.series).sort()).toEqual([...ids].sort());
    expect(await readdir(join(dir, 'fred'))).toEqual(['manifest.json']);
  });

  it('keeps fields and entries it does not know (a manifest copied from the snapshot)', async () => {
    await mkdir(join(dir, 'fred'), { recursive: true });
    await writeFile(
      join(dir, 'fred', 'manifest.json'),
      JSON.stringify({ generated_utc: 'x', directory: 'd', note: 'keep', series: { OLD: { file: 'OLD.csv' } } }),
    );
    await updateManifest(dir, 'fred', 'NEW', manifestEntry('NEW.csv', 'observation_date,NEW\n', { source: 's', url: 'u', retrievedAt: at }));
    const m = await readManifest(dir, 'fred');
    expect(m.note).toBe('keep');
    expect(Object.keys(m.series)).toEqual(['OLD', 'NEW']);
    expect(m.series.NEW.rows).toBe(0);
  });

  it('takes over a stale lock left by a crashed process', async () => {
    await mkdir(join(dir, 'fred'), { recursive: true });
    const lock = join(dir, 'fred', 'manifest.json.lock');
    await writeFile(lock, '99999');
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, old, old);
    await updateManifest(dir, 'fred', 'A', manifestEntry('A.csv', 'observation_date,A\n', { source: 's', url: 'u', retrievedAt: at }));
    expect((await readManifest(dir, 'fred')).series.A.file).toBe('A.csv');
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a fresh lock at once when its process is gone (a fetch killed with SIGKILL)', async () => {
    await mkdir(join(dir, 'fred'), { recursive: true });
    const lock = join(dir, 'fred', 'manifest.json.lock');
    // A process that has exited: its pid is free (the kernel does not reuse it this quickly).
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(lock, String(gone));
    const started = Date.now();
    await updateManifest(dir, 'fred', 'A', manifestEntry('A.csv', 'observation_date,A\n', { source: 's', url: 'u', retrievedAt: at }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses a corrupt manifest with a clear error', async () => {
    await mkdir(join(dir, 'prices'), { recursive: true });
    await writeFile(join(dir, 'prices', 'manifest.json'), '{"files": {');
    const err = await readManifest(dir, 'prices').catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('file-unreadable');
    expect(err.details.hint).toContain('delete it');
  });
});
