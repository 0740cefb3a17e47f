import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { BacktestResult } from './result.ts';

/** A data file's identity: where it was read and its sha256. */
export interface FileChecksum {
  file: string;
  sha256: string;
  bytes: number;
}

/** Everything needed to reproduce a run. No timestamps: the same run writes the same bytes. */
export interface RunManifest {
  quadrant: { version: string; commit?: string };
  node: string;
  command?: string[];
  data: { dir: string; files: Record<string, FileChecksum>; notes?: string[] };
  config: unknown;
  runs: { name: string; rule: string; options: BacktestResult['options']; lookAheadProne: boolean; warnings: readonly string[] }[];
  lookAheadProne: boolean;
  /** sha256 and size of every other file of the run bundle (engine/run-bundle), by file name. */
  bundle?: Record<string, { sha256: string; bytes: number }>;
}

/**
 * sha256 of each data file read (a Dataset's `files`: series id → path), keyed by series id in
 * sorted order; paths relative to `dir`.
 */
export function dataChecksums(dir: string, files: Map<string, string>): Record<string, FileChecksum> {
  const out: Record<string, FileChecksum> = {};
  for (const id of [...files.keys()].sort()) {
    const path = files.get(id)!;
    const bytes = readFileSync(path);
    out[id] = { file: relative(dir, path), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  }
  return out;
}

/** The manifest of a set of runs sharing data and configuration. */
export function buildManifest(input: {
  version: string;
  commit?: string;
  command?: string[];
  dataDir: string;
  files: Map<string, string>;
  notes?: string[];
  config: unknown;
  results: readonly BacktestResult[];
}): RunManifest {
  return {
    quadrant: { version: input.version, ...(input.commit ? { commit: input.commit } : {}) },
    node: process.version,
    ...(input.command ? { command: input.command } : {}),
    data: { dir: input.dataDir, files: dataChecksums(input.dataDir, input.files), ...(input.notes?.length ? { notes: input.notes } : {}) },
    config: input.config,
    runs: input.results.map((r) => ({ name: r.name, rule: r.rule, options: r.options, lookAheadProne: r.lookAheadProne, warnings: r.warnings })),
    lookAheadProne: input.results.some((r) => r.lookAheadProne),
  };
}
