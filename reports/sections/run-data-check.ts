import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunManifest } from '../../engine/backtest/index.ts';
import { sha256File } from './appendix-section.ts';

/** How the data directory compares with the checksums a run recorded. */
export interface RunDataCheck {
  dataDir: string;
  /** Files whose sha256 still matches manifest.json. */
  matched: string[];
  /** Files (paths relative to the data directory) whose bytes differ from the run's. */
  changed: string[];
  /** Files the run read that are no longer there. */
  missing: string[];
}

/**
 * Compares every data file a run read (manifest.json `data.files`: path relative to the data
 * directory and sha256) with the file now under `dataDir`. Anything but a full match means the
 * sections recomputed from the data (regimes, liquidity, scorecard, episodes) may not be what
 * the run saw; the caller warns, naming the files.
 */
export function checkRunData(manifest: RunManifest, dataDir: string): RunDataCheck {
  const out: RunDataCheck = { dataDir, matched: [], changed: [], missing: [] };
  for (const entry of Object.values(manifest.data.files)) {
    const path = join(dataDir, entry.file);
    if (!existsSync(path)) out.missing.push(entry.file);
    else if (sha256File(path).sha256 !== entry.sha256) out.changed.push(entry.file);
    else out.matched.push(entry.file);
  }
  return out;
}

/** One warning per problem, naming the files (none when every checksum matches). */
export function runDataWarnings(check: RunDataCheck): string[] {
  const out: string[] = [];
  const list = (files: string[]) => (files.length > 6 ? `${files.slice(0, 6).join(', ')} and ${files.length - 6} more` : files.join(', '));
  if (check.changed.length) out.push(`the data changed since the run: ${list(check.changed)} in ${check.dataDir} differ from the checksums in manifest.json`);
  if (check.missing.length) out.push(`the data changed since the run: ${list(check.missing)} missing from ${check.dataDir}`);
  return out;
}
