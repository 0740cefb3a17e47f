import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../datasets/day.ts';
import { storeFetched } from '../../datasets/live/cache.ts';
import { loadDataset } from '../../datasets/load-dataset.ts';
import { fixture } from './live/fake-fetch.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quadrant-verified-'));
  // A cache as `data fetch` writes it: SPY to 2024-03-15, recorded in the manifest with its sha256.
  await storeFetched(dir, 'prices', { id: 'SPY', text: fixture('expected/prices-SPY.csv'), url: 'u', source: 's' }, new Date('2024-03-16T00:00:00Z'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = (today: string) => loadDataset(dir, { macro: [], prices: ['SPY'], today: parseIsoDay(today) });

describe('a verified cache', () => {
  it('loads a file whose sha256 matches the manifest, without warnings within a week', () => {
    expect(load('2024-03-22').issues).toEqual([]);
  });

  it('warns when its newest observation is more than a week before today', () => {
    expect(load('2024-03-23').issues).toEqual([
      {
        severity: 'warning',
        code: 'stale',
        file: dir,
        message: "the cache's newest observation is 2024-03-15, 8 days before today (2024-03-23)",
        hint: 'run `quadrant data fetch` to refresh it',
      },
    ]);
  });

  it('refuses a file changed after download, naming it and the fix', async () => {
    await appendFile(join(dir, 'prices', 'SPY.csv'), '2024-03-18,1,1,1,1,1,1\n');
    const ds = load('2024-03-20');
    expect(ds.prices.has('SPY')).toBe(false);
    const [issue] = ds.issues;
    expect(issue).toMatchObject({
      severity: 'error',
      code: 'checksum-mismatch',
      series: 'SPY',
      file: join(dir, 'prices', 'SPY.csv'),
      hint: 'run `quadrant data fetch --series SPY` to download it again',
    });
    expect(issue.message).toMatch(/^changed after it was downloaded: sha256 [0-9a-f]{12}… but the manifest records [0-9a-f]{12}…$/);
  });
});

describe('the offline snapshot', () => {
  it('matches its own manifest and, not being a live cache, is never called old', () => {
    const ds = loadDataset(join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets'), { today: parseIsoDay('2030-01-01') });
    expect(ds.issues.filter((i) => i.code === 'checksum-mismatch' || i.file === ds.dir)).toEqual([]);
  });
});
