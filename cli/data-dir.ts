import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../datasets/errors.ts';
import { defaultCacheDir } from '../datasets/live/cache.ts';

/** The live cache directory: --cache, else QUADRANT_CACHE, else $XDG_CACHE_HOME/quadrant or ~/.cache/quadrant. */
export function cacheDir(explicit?: string): string {
  return explicit || defaultCacheDir();
}

/**
 * Where data is read from: `--data DIR`, else QUADRANT_DATA, else the live cache. An empty
 * cache gets a message saying how to fill it or where to point instead.
 */
export function resolveDataDir(data?: string, cache?: string): string {
  const dir = data || process.env.QUADRANT_DATA || cacheDir(cache);
  if (!data && !process.env.QUADRANT_DATA && !existsSync(join(dir, 'prices'))) {
    throw new DataError('file-missing', `no data in the cache (${dir})`, {
      hint: 'run `quadrant data fetch` to download it, or pass --data DIR / set QUADRANT_DATA to a snapshot such as ../shared/datasets',
    });
  }
  return dir;
}
