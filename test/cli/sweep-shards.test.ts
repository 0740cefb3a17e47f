import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { SNAPSHOT } from '../builders.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GRID = join(ROOT, 'strategies', 'robustness', 'example-grid.json');
const SHARD = ['sweep', '--grid', GRID, '--data', SNAPSHOT, '--permutations', '0', '--quiet'];

/** Starts a shard and SIGKILLs it after `ms`; resolves once it is gone. */
function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'quadrant.mjs'), ...args], { stdio: 'ignore', env: { ...process.env, TZ: 'UTC' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('quadrant sweep --shard (CLI)', () => {
  it('a shard killed at any moment leaves no partial Parquet file; a rerun reproduces it byte for byte; auto reads Slurm', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-shards-'));
    const done = runCli([...SHARD, '--shard', '1/2', '--shard-dir', join(dir, 'ref')]);
    expect(done.code).toBe(0);
    const reference = readFileSync(join(dir, 'ref', 'shard-1-of-2.parquet'));
    // Killed early, mid-run and around the write: whatever is there must be the whole file.
    for (const ms of [200, 1200, 2500, 4000]) {
      const out = join(dir, `killed-${ms}`);
      await killAfter([...SHARD, '--shard', '1/2', '--shard-dir', out], ms);
      const parquet = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.parquet')) : [];
      for (const f of parquet) expect(readFileSync(join(out, f)).equals(reference), `${ms} ms: ${f}`).toBe(true);
    }
    const again = runCli([...SHARD, '--shard', 'auto', '--shard-dir', join(dir, 'again')], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again', 'shard-1-of-2.parquet')).equals(reference)).toBe(true);
  }, 120_000);

  it('merge names a missing shard and exits 2; query runs SQL over the shards with DuckDB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-shards-'));
    expect(runCli([...SHARD, '--shard', '0/2', '--shard-dir', dir]).code).toBe(0);
    const merge = runCli(['sweep', 'merge', dir, '--data', SNAPSHOT, '--quiet']);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain('shard 1 of 2 missing');
    // Shard 0 of 2 holds ids 0…26: the count and range come back from DuckDB.
    const q = runCli(['sweep', 'query', dir, 'SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM configs']);
    expect(q.stderr).toBe('');
    expect(q.stdout.trim().split('\n').at(-1)!.trim().split(/\s+/)).toEqual(['27', '0', '26']);
    // --shard-dir names the shard directory: an existing file there is refused before any work.
    const file = join(dir, 'shard-0-of-2.parquet');
    const notDir = runCli([...SHARD, '--shard', '1/2', '--shard-dir', file]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain('is a file; name a directory');
    const bad = runCli(['sweep', 'query', dir, 'SELEC 1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the query failed');
  }, 120_000);
});
