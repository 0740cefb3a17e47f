import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive, writeFileAtomic } from './cache.ts';

/**
 * What a `data fetch` still has to do, kept in `<cache>/fetch-state.json` while it runs. A fetch
 * that ends normally deletes it; one stopped by a rate limit or interrupted (SIGINT, SIGTERM, a
 * crash) leaves it, and the next `data fetch` of the whole catalog fetches only what is left.
 */
export interface FetchState {
  /** ISO time the interrupted fetch began. */
  started_at: string;
  /** Every id it set out to fetch, in order. */
  targets: string[];
  /** The ids it finished (stored, or failed for a reason of their own). */
  done: string[];
  /** Why it stopped early, when it stopped itself (a rate limit). */
  stopped?: string;
}

export function fetchStatePath(cacheDir: string): string {
  return join(cacheDir, 'fetch-state.json');
}

/** The state left by an unfinished fetch, or undefined (none, or unreadable: then start afresh). */
export async function readFetchState(cacheDir: string): Promise<FetchState | undefined> {
  try {
    const state = JSON.parse(await readFile(fetchStatePath(cacheDir), 'utf8')) as FetchState;
    return Array.isArray(state?.targets) && Array.isArray(state.done) ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function writeFetchState(cacheDir: string, state: FetchState): Promise<void> {
  await writeFileAtomic(fetchStatePath(cacheDir), `${JSON.stringify(state, null, 1)}\n`);
}

export async function clearFetchState(cacheDir: string): Promise<void> {
  await rm(fetchStatePath(cacheDir), { force: true });
}

/** The ids of an unfinished fetch not yet done, in their original order. */
export function pendingIds(state: FetchState): string[] {
  const done = new Set(state.done);
  return state.targets.filter((id) => !done.has(id));
}

/**
 * Deletes the `<file>.tmp-<pid>` files a killed fetch left in the cache's folders (never those
 * of a process still running), so the cache holds whole files only.
 */
export async function removeStaleTemporaries(cacheDir: string): Promise<void> {
  for (const sub of ['', 'fred', 'prices']) {
    const folder = join(cacheDir, sub);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const m = /\.tmp-(\d+)$/.exec(name);
      if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) await rm(join(folder, name), { force: true });
    }
  }
}
