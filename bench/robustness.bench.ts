/**
 * Robustness timings on the real snapshot: the small grid `quadrant validate` runs (18
 * configurations and 200 permutations, in process), a 10,000-configuration grid on two worker
 * threads (2,000 regime combinations × 5 rules: labels, replays, 200 permutations, sensitivity,
 * deflated Sharpe, PBO, walk-forward), and `quadrant sweep` on the example grid end to end.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import { parseGrid, runRobustness, type RobustnessPhase } from '../strategies/robustness/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';
import { GRID_10K } from './perf/robustness-child.ts';

const ROOT = join(import.meta.dirname, '..');

let loaded: { panel: ReturnType<typeof buildPanel>; roles: ReturnType<typeof buildRoles> } | undefined;
function load() {
  if (!loaded) {
    const panel = buildPanel(loadDataset(SNAPSHOT_DIR));
    loaded = { panel, roles: buildRoles(panel) };
  }
  return loaded;
}

const benchmarks: Benchmark[] = [
  {
    name: 'robustness: validate grid (18 configs, 200 perms) in process',
    unit: 'ms',
    target: 1500,
    run: async () => {
      const { panel, roles } = load();
      const ms = await medianMs(() => runRobustness(panel, roles, { permutations: 200, workers: 0 }), 3, 1);
      return { value: ms, context: { replays: 18 + 1 + 200 } };
    },
  },
  {
    name: 'robustness: 10,000-config grid on 2 workers, all statistics',
    unit: 's',
    target: 10,
    run: async () => {
      const { panel, roles } = load();
      const grid = parseGrid(GRID_10K);
      const marks: Partial<Record<RobustnessPhase, number>> = {};
      const t0 = performance.now();
      const r = await runRobustness(panel, roles, { grid, permutations: 200, workers: 2, onProgress: (phase) => (marks[phase] ??= performance.now()) });
      const t1 = performance.now();
      return {
        value: (t1 - t0) / 1000,
        context: {
          configs: r.configs.length,
          labels_ms: (marks.replays ?? t1) - t0,
          replays_ms: (marks.statistics ?? t1) - (marks.replays ?? t0),
          statistics_ms: t1 - (marks.statistics ?? t1),
          pbo_blocks: r.pbo?.partitions ?? 0,
          best_sharpe: r.deflatedSharpe?.sharpe ?? NaN,
          dsr: r.deflatedSharpe?.probability ?? NaN,
          pbo: r.pbo?.probability ?? NaN,
          peak_rss_mb: process.resourceUsage().maxRSS / 1024,
        },
      };
    },
  },
  {
    name: 'robustness: 10,000-config grid peak RSS (its own process)',
    unit: 'MB',
    target: 500,
    run: () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'perf', 'robustness-child.ts')], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      });
      const r = JSON.parse(out) as { ms: number; configs: number; rss_mb: number };
      return { value: r.rss_mb, context: { configs: r.configs, seconds: r.ms / 1000 } };
    },
  },
  {
    name: 'quadrant sweep: example grid end to end (process)',
    unit: 's',
    target: 5,
    run: () => {
      const once = () => {
        const t0 = performance.now();
        const out = execFileSync(
          process.execPath,
          [
            join(ROOT, 'bin', 'quadrant.mjs'),
            'sweep',
            '--grid',
            join(ROOT, 'strategies', 'robustness', 'example-grid.json'),
            '--data',
            SNAPSHOT_DIR,
            '--quiet',
          ],
          {
            encoding: 'utf8',
            maxBuffer: 16 * 1024 * 1024,
            env: { ...process.env, TZ: 'UTC' },
          },
        );
        if (!out.includes('WALK-FORWARD')) throw new Error('quadrant sweep printed no walk-forward');
        return performance.now() - t0;
      };
      const times = [once(), once(), once()].sort((a, b) => a - b);
      return { value: times[1] / 1000, context: { min_s: times[0] / 1000, max_s: times[2] / 1000, configs: 54 } };
    },
  },
];

export default benchmarks;
