/**
 * The 10,000-configuration robustness grid (2,000 regime combinations × 5 rules, 200
 * permutations, every statistic) on two workers in a process of its own, so that its peak RSS
 * is its own: `node --import tsx bench/perf/robustness-child.ts` prints one JSON line
 * {ms, configs, rss_mb}.
 */
import { buildPanel } from '../../datasets/panel.ts';
import { loadDataset } from '../../datasets/load-dataset.ts';
import { buildRoles } from '../../datasets/roles.ts';
import { parseGrid, runRobustness } from '../../strategies/robustness/index.ts';
import { SNAPSHOT_DIR } from '../snapshot.ts';

/** 5 × 5 × 4 × 5 × 4 = 2,000 regime combinations × 5 rules = 10,000 configurations. */
export const GRID_10K = {
  regimes: {
    'windows.balanceSheetWeeks': [4, 8, 13, 17, 26],
    'stability.confirmDays': [1, 5, 10, 20, 40],
    'components.policy_rate.weight': [0, 0.5, 1, 2],
    'windows.dollarMomentumDays': [21, 42, 63, 126, 252],
    'stability.hysteresis': [0, 0.1, 0.25, 0.5],
  },
  rebalance: ['regime+monthly', 'regime', 'monthly', 'regime+quarterly', 'regime+drift:5%'],
  costBps: [5],
};

if (process.argv[1]?.endsWith('robustness-child.ts')) {
  const panel = buildPanel(loadDataset(SNAPSHOT_DIR));
  const t0 = performance.now();
  const r = await runRobustness(panel, buildRoles(panel), { grid: parseGrid(GRID_10K), permutations: 200, workers: 2 });
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, configs: r.configs.length, rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}
