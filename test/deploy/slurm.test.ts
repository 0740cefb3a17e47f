import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli.ts';
import { SNAPSHOT } from '../builders.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GRID = realpathSync(join(ROOT, 'strategies', 'robustness', 'example-grid.json'));
const DATA = realpathSync(SNAPSHOT);
// A real Slurm cluster (.ci/start-slurm.sh starts one on localhost): skipped locally without
// one, never under CI=true, where a missing cluster fails the test.
const haveSlurm = spawnSync('sinfo', ['-h'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!haveSlurm && process.env.CI !== 'true')('the Slurm job array of deploy/slurm', () => {
  it('4 array tasks, then the dependent merge: the one-machine JSON and CSV bytes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'quadrant-slurm-')), 'sweep');
    const env = { ...process.env, DATA, QUADRANT: `${process.execPath} ${join(ROOT, 'bin', 'quadrant.mjs')}`, PERMUTATIONS: '20', SEED: '7', TZ: 'UTC' };
    const submitted = execFileSync(join(ROOT, 'deploy', 'slurm', 'submit.sh'), [GRID, out, '4', '--wait'], { env, encoding: 'utf8', timeout: 600_000 });
    expect(submitted).toMatch(/array \d+ \(4 shards\), merge \d+/);
    // Every array task ran its own shard.
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.parquet'))
        .sort(),
    ).toEqual([0, 1, 2, 3].map((i) => `shard-${i}-of-4.parquet`));
    const single = (format: string) => {
      const r = runCli(['sweep', '--grid', GRID, '--data', DATA, '--permutations', '20', '--seed', '7', '--format', format, '--quiet']);
      expect(r.code).toBe(0);
      return r.stdout;
    };
    expect(readFileSync(join(out, 'sweep.json'), 'utf8')).toBe(single('json'));
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8')).toBe(single('csv'));
  }, 600_000);
});
