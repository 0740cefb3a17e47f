/**
 * `quadrant validate` on the real snapshot: end to end through the real binary (process start,
 * TypeScript loader, load, regimes, five strategy replays, the ten claims, per-regime, relative
 * and conditional tables with 1,000 bootstrap resamples each), target 10 s; and in process, the
 * claims scorecard alone on an already loaded panel, beside the time to load the data.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import { buildClaimContext, runScorecard } from '../engine/claims/index.ts';
import { computeRegimes } from '../engine/regimes/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'quadrant.mjs');

function validateOnce(): number {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [BIN, 'validate', '--data', SNAPSHOT_DIR, '--quiet'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: 'UTC' },
  });
  const ms = performance.now() - t0;
  // A run that printed no scorecard did not measure what it claims to.
  if (!out.includes('CLAIMS SCORECARD') || !out.includes('C10')) throw new Error('quadrant validate printed no scorecard');
  return ms;
}

const benchmarks: Benchmark[] = [
  {
    name: 'quadrant validate: end to end (process, 1,000 reps)',
    unit: 's',
    target: 10,
    run: () => {
      const times = [validateOnce(), validateOnce(), validateOnce()].sort((a, b) => a - b);
      return { value: times[1] / 1000, context: { min_s: times[0] / 1000, max_s: times[2] / 1000 } };
    },
  },
  {
    name: 'quadrant validate: scorecard C1–C10 in process',
    unit: 'ms',
    target: 1500,
    run: async () => {
      const t0 = performance.now();
      const panel = buildPanel(loadDataset(SNAPSHOT_DIR));
      const roles = buildRoles(panel);
      const labels = computeRegimes(panel).labels;
      const loadMs = performance.now() - t0;
      const ctx = buildClaimContext(panel, roles, labels);
      const ms = await medianMs(() => runScorecard(ctx), 5, 1);
      return { value: ms, context: { load_ms: loadMs } };
    },
  },
];

export default benchmarks;
