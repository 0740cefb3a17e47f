import { buildPanel } from '../datasets/panel.ts';
import { loadDatasetAsync } from '../datasets/load-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

const benchmarks: Benchmark[] = [
  {
    name: 'data: load + validate + align the snapshot',
    unit: 'ms',
    target: 300,
    run: async () => {
      let days = 0;
      const value = await medianMs(
        async () => {
          // As the CLI loads: files read in parallel, then parsed, checked and aligned.
          const panel = buildPanel(await loadDatasetAsync(SNAPSHOT_DIR));
          buildRoles(panel);
          days = panel.calendar.length;
        },
        5,
        1,
      );
      return { value, context: { trading_days: days } };
    },
  },
];

export default benchmarks;
