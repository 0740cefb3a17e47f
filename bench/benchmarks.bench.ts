/**
 * The playbook against its benchmarks on the real snapshot, as `quadrant validate` runs it: five
 * replays with the Sharpe-difference tests, 200 random-regime shuffles, two SPA tests of 1,000
 * resamples, the deflated Sharpe of the difference, 15 costs × execution replays and the
 * per-episode table.
 */
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import { marketFromRoles } from '../engine/backtest/market.ts';
import { computeRegimes, REGIME_PRESETS } from '../engine/regimes/index.ts';
import { againstBenchmarks } from '../strategies/robustness/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

const benchmarks: Benchmark[] = [
  {
    name: 'benchmarks: playbook against benchmarks (tests, 200 shuffles, SPA, 15 sensitivity replays, episodes)',
    unit: 'ms',
    target: 1500,
    run: async () => {
      const panel = buildPanel(loadDataset(SNAPSHOT_DIR));
      const market = marketFromRoles(panel, buildRoles(panel));
      const regimes = computeRegimes(panel, REGIME_PRESETS.article);
      const ms = await medianMs(() => againstBenchmarks(market, regimes.labels, { start: regimes.firstLabelled, trials: 18 }), 3, 1);
      return { value: ms, context: { replays: 5 + 200 + 15 } };
    },
  },
];

export default benchmarks;
