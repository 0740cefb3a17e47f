import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDay, type Day } from './day.ts';
import type { Issue } from './issues.ts';

/**
 * The checksums a data directory's manifests promise (`fred/manifest.json`,
 * `prices/manifest.json`: the snapshot's and the live cache's), so the loader can tell a file
 * that changed after it was written.
 */
export interface ManifestChecks {
  /** sha256 by absolute file path. */
  sha256: Map<string, string>;
  /** True when the manifests were written by `quadrant data fetch` (entries carry retrieved_at): a live cache. */
  live: boolean;
}

interface Entry {
  file?: unknown;
  sha256?: unknown;
  retrieved_at?: unknown;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Reads both manifests; a missing or unreadable one promises nothing. */
export function readManifestChecks(dir: string): ManifestChecks {
  const sha256 = new Map<string, string>();
  let live = false;
  const add = (folder: string, entries: Entry[]) => {
    for (const e of entries) {
      if (typeof e?.file !== 'string' || typeof e.sha256 !== 'string') continue;
      sha256.set(join(dir, folder, e.file), e.sha256.toLowerCase());
      if (typeof e.retrieved_at === 'string') live = true;
    }
  };
  const fred = readJson(join(dir, 'fred', 'manifest.json')) as { series?: Record<string, Entry> } | undefined;
  if (fred?.series && typeof fred.series === 'object') add('fred', Object.values(fred.series));
  const prices = readJson(join(dir, 'prices', 'manifest.json')) as { files?: Entry[] } | undefined;
  if (Array.isArray(prices?.files)) add('prices', prices.files);
  return { sha256, live };
}

/** An error issue when `text` (read from `path`) is not what the manifest recorded; undefined when it is, or nothing was recorded. */
export function checksumIssue(checks: ManifestChecks, path: string, text: string, id: string): Issue | undefined {
  const expected = checks.sha256.get(path);
  if (!expected) return undefined;
  const actual = createHash('sha256').update(text, 'utf8').digest('hex');
  if (actual === expected) return undefined;
  return {
    severity: 'error',
    code: 'checksum-mismatch',
    series: id,
    file: path,
    message: `changed after it was ${checks.live ? 'downloaded' : 'written'}: sha256 ${actual.slice(0, 12)}… but the manifest records ${expected.slice(0, 12)}…`,
    hint: checks.live ? `run \`quadrant data fetch --series ${id}\` to download it again` : 'restore the file from the snapshot',
  };
}

/** How old the newest observation of a live cache may be before a warning: a week. */
export const CACHE_STALE_DAYS = 7;

/** A warning when a live cache's newest observation is more than a week before `today`. */
export function cacheAgeIssue(latest: Day, today: Day): Issue | undefined {
  if (!Number.isFinite(latest) || today - latest <= CACHE_STALE_DAYS) return undefined;
  return {
    severity: 'warning',
    code: 'stale',
    message: `the cache's newest observation is ${isoDay(latest)}, ${today - latest} days before today (${isoDay(today)})`,
    hint: 'run `quadrant data fetch` to refresh it',
  };
}
