import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, QuadrantError } from '../errors.ts';
import { PRICE_HEADER } from '../csv/read-price-csv.ts';
import { type FetchedFile, summariseCsv } from './snapshot-format.ts';

/**
 * The live cache: the snapshot's layout (`fred/<ID>.csv`, `prices/<TICKER>.csv`, a
 * `manifest.json` in each), every file written to a temporary name and renamed into place.
 */

/** The two folders of a cache (and of the snapshot). */
export type CacheKind = 'fred' | 'prices';

/** `QUADRANT_CACHE`, else `$XDG_CACHE_HOME/quadrant`, else `~/.cache/quadrant`. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env, home = homedir()): string {
  if (env.QUADRANT_CACHE) return resolve(env.QUADRANT_CACHE);
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  if (env.XDG_CACHE_HOME?.startsWith('/')) return join(env.XDG_CACHE_HOME, 'quadrant');
  return join(home, '.cache', 'quadrant');
}

/** Hex sha256 of a text's UTF-8 bytes (or of raw bytes). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export type FileChunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Writes `file` all or nothing: the data goes to `file.tmp-<pid>`, is flushed, then renamed over
 * `file`. If anything fails (including a chunk source that throws midway) the temporary file is
 * removed and an existing `file` is left as it was.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | FileChunks): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(tmp, 'w');
  let closed = false;
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await handle.writeFile(data);
    } else {
      for await (const chunk of data) {
        if (typeof chunk === 'string') await handle.write(chunk);
        else await handle.write(chunk);
      }
    }
    await handle.sync();
    await handle.close();
    closed = true;
    await rename(tmp, file);
  } catch (err) {
    if (!closed) await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
}

const LOCK_WAIT_MS = 15_000;

/** Whether a process id is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const LOCK_STALE_MS = 60_000;
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` holding `<target>.lock`: serialised within this process, and across processes by
 * an exclusively created lock file (one older than a minute is taken as left by a crash).
 */
export async function withFileLock<T>(target: string, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(target) ?? Promise.resolve();
  const run = prev
    .catch(() => {})
    .then(async () => {
      const lock = `${target}.lock`;
      await mkdir(dirname(lock), { recursive: true });
      const start = Date.now();
      for (;;) {
        try {
          const h = await open(lock, 'wx');
          await h.writeFile(String(process.pid));
          await h.close();
          break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          const age = await stat(lock).then(
            (s) => Date.now() - s.mtimeMs,
            () => 0,
          );
          // A lock whose process is gone (a fetch killed with SIGKILL) is stale at once.
          const owner = Number(await readFile(lock, 'utf8').catch(() => ''));
          if (age > LOCK_STALE_MS || (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !processAlive(owner))) {
            await rm(lock, { force: true });
            continue;
          }
          if (Date.now() - start > LOCK_WAIT_MS) {
            throw new QuadrantError('internal', `${lock} is held by another process`, {
              file: lock,
              hint: 'wait for the other `quadrant data fetch` to finish, or delete the lock file',
            });
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      try {
        return await fn();
      } finally {
        await rm(lock, { force: true });
      }
    });
  queues.set(target, run);
  try {
    return await run;
  } finally {
    if (queues.get(target) === run) queues.delete(target);
  }
}

/** What the manifest records about one file. */
export interface ManifestEntry {
  file: string;
  source: string;
  /** The request URL, any API key masked. */
  url: string;
  /** ISO time of the download. */
  retrieved_at: string;
  sha256: string;
  bytes: number;
  rows: number;
  blank_rows: number;
  first_date: string;
  last_date: string;
  /** ALFRED vintage, when the series was fetched as of a date. */
  vintage_date?: string;
}

/** `prices/manifest.json` entries also carry the snapshot's `ticker`, `first` and `last`. */
export interface PriceManifestEntry extends ManifestEntry {
  ticker: string;
  first: string;
  last: string;
}

/** `fred/manifest.json`: entries keyed by series id, as in the snapshot. */
export interface FredManifest {
  generated_utc: string;
  directory: string;
  format?: string;
  series: Record<string, ManifestEntry>;
  [other: string]: unknown;
}

/** `prices/manifest.json`: an array of entries, as in the snapshot. */
export interface PriceManifest {
  generated_utc: string;
  directory: string;
  header?: string;
  files: PriceManifestEntry[];
  [other: string]: unknown;
}

export function manifestPath(cacheDir: string, kind: CacheKind): string {
  return join(cacheDir, kind, 'manifest.json');
}

/** The path a series is stored at: `fred/<ID>.csv` or `prices/<TICKER>.csv`. */
export function cacheFilePath(cacheDir: string, kind: CacheKind, id: string): string {
  return join(cacheDir, kind, `${id}.csv`);
}

function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function emptyManifest(kind: CacheKind, now: Date): FredManifest | PriceManifest {
  return kind === 'fred'
    ? {
        generated_utc: isoSeconds(now),
        directory: 'fred',
        format: 'header "observation_date,<SERIES>", rows YYYY-MM-DD,value; blank = missing; ascending; unique dates',
        series: {},
      }
    : { generated_utc: isoSeconds(now), directory: 'prices', header: PRICE_HEADER.join(','), files: [] };
}

/** Reads a cache manifest; a missing one is empty, a corrupt one is a DataError. */
export async function readManifest(cacheDir: string, kind: 'fred'): Promise<FredManifest>;
export async function readManifest(cacheDir: string, kind: 'prices'): Promise<PriceManifest>;
export async function readManifest(cacheDir: string, kind: CacheKind): Promise<FredManifest | PriceManifest>;
export async function readManifest(cacheDir: string, kind: CacheKind): Promise<FredManifest | PriceManifest> {
  const path = manifestPath(cacheDir, kind);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest(kind, new Date());
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const shapeOk =
    json !== null &&
    typeof json === 'object' &&
    (kind === 'fred'
      ? typeof (json as FredManifest).series === 'object' && (json as FredManifest).series !== null
      : Array.isArray((json as PriceManifest).files));
  if (!shapeOk) {
    throw new DataError('file-unreadable', `${path} is not a Quadrant ${kind} manifest`, {
      file: path,
      hint: 'delete it; the next fetch writes a new one',
    });
  }
  return json as FredManifest | PriceManifest;
}

/** The manifest entry for a stored text. */
export function manifestEntry(file: string, text: string, info: { source: string; url: string; retrievedAt: Date; vintageDate?: string }): ManifestEntry {
  const s = summariseCsv(text);
  return {
    file,
    source: info.source,
    url: info.url,
    retrieved_at: info.retrievedAt.toISOString(),
    sha256: sha256Hex(text),
    bytes: Buffer.byteLength(text, 'utf8'),
    rows: s.rows,
    blank_rows: s.blankRows,
    first_date: s.first,
    last_date: s.last,
    ...(info.vintageDate ? { vintage_date: info.vintageDate } : {}),
  };
}

/**
 * Records `entry` for `id` in the kind's manifest: read, modify, write atomically, under the
 * manifest's lock, keeping every other entry and field as it was.
 */
export async function updateManifest(cacheDir: string, kind: CacheKind, id: string, entry: ManifestEntry, now = new Date()): Promise<void> {
  const path = manifestPath(cacheDir, kind);
  await withFileLock(path, async () => {
    const manifest = await readManifest(cacheDir, kind);
    manifest.generated_utc = isoSeconds(now);
    if (kind === 'fred') {
      (manifest as FredManifest).series[id] = entry;
    } else {
      const files = (manifest as PriceManifest).files.filter((f) => f.ticker !== id);
      files.push({ ticker: id, ...entry, first: entry.first_date, last: entry.last_date });
      files.sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
      (manifest as PriceManifest).files = files;
    }
    await writeFileAtomic(path, `${JSON.stringify(manifest, null, 1)}\n`);
  });
}

/** Stores a fetched file in the cache (atomically) and records it in the manifest; returns its path and entry. */
export async function storeFetched(
  cacheDir: string,
  kind: CacheKind,
  fetched: FetchedFile,
  retrievedAt: Date,
): Promise<{ path: string; entry: ManifestEntry }> {
  const path = cacheFilePath(cacheDir, kind, fetched.id);
  await writeFileAtomic(path, fetched.text);
  const entry = manifestEntry(basename(path), fetched.text, {
    source: fetched.source,
    url: fetched.url,
    retrievedAt,
    vintageDate: fetched.vintageDate,
  });
  await updateManifest(cacheDir, kind, fetched.id, entry, retrievedAt);
  return { path, entry };
}
