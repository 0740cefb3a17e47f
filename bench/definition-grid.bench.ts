/**
 * The definition grid of `quadrant validate`: every claim under every regime definition
 * (regimeDefinitions: presets, other dollar index, without each calibrated component, the
 * earlier article), 1,000 bootstrap resamples, on the real snapshot. The figure is what the grid
 * adds to validate: the grid's time less one scorecard under the default definition (which
 * validate computes anyway), target under 5 s.
 */
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import { verdictsAcrossDefinitions } from '../engine/analysis/verdicts-across-definitions.ts';
import { buildClaimContext, runScorecard } from '../engine/claims/index.ts';
import { computeRegimes, regimeDefinitions } from '../engine/regimes/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

const benchmarks: Benchmark[] = [
  {
    name: 'validate: definition grid, time added (all definitions, 1,000 reps)',
    unit: 's',
    target: 5,
    run: async () => {
      const panel = buildPanel(loadDataset(SNAPSHOT_DIR));
      const roles = buildRoles(panel);
      const defs = regimeDefinitions();
      const base = computeRegimes(panel, defs[0].config);
      const known = new Map([[JSON.stringify(defs[0].config), base.labels]]);
      const options = { reps: 1000, seed: 20260119, level: 0.95, known };
      const grid = await medianMs(() => verdictsAcrossDefinitions(panel, roles, defs, options), 3, 0);
      const ctx = buildClaimContext(panel, roles, base.labels, { reps: 1000, seed: 20260119, level: 0.95 });
      const one = await medianMs(() => runScorecard(ctx), 3, 0);
      return { value: (grid - one) / 1000, context: { definitions: defs.length, grid_ms: grid, scorecard_ms: one } };
    },
  },
];

export default benchmarks;
