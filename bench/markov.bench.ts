/**
 * The Markov-switching preset's labels for the whole snapshot history: both axes, every monthly
 * refit (EM warm-started from the previous month), every day's filtered probability. Timed
 * after loading and after the article scores it reads are computed.
 */
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { computeRegimes, REGIME_INPUTS, REGIME_PRESETS } from '../engine/regimes/index.ts';
import { markovSwitchingRegimes, type MarkovRegimes } from '../engine/regimes/markov/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

const TARGET_S = 2;

const benchmarks: Benchmark[] = [
  {
    name: 'markov-switching: labels for the whole history (all refits)',
    unit: 's',
    target: TARGET_S,
    run: async () => {
      const panel = buildPanel(loadDataset(SNAPSHOT_DIR, { macro: [...new Set([...REGIME_INPUTS, 'EFFR', 'DTWEXBGS', 'DXY'])], prices: ['SPY'] }));
      const article = computeRegimes(panel, REGIME_PRESETS.article);
      let result: MarkovRegimes | undefined;
      const cpu0 = process.cpuUsage();
      const ms = await medianMs(() => (result = markovSwitchingRegimes(article.liquidityScore, article.dollarScore, panel.calendar)), 3, 1);
      // CPU time per run (4 runs): on a busy machine, closer than wall time to a quiet run.
      const cpu = process.cpuUsage(cpu0);
      const cpuS = (cpu.user + cpu.system) / 1e6 / 4;
      const r = result!;
      const iterations = [...r.liquidityRefits, ...r.dollarRefits].reduce((s, f) => s + f.iterations, 0);
      return {
        value: ms / 1000,
        context: {
          ratio_to_target: ms / 1000 / TARGET_S,
          cpu_s_per_run: cpuS,
          refits: r.liquidityRefits.length + r.dollarRefits.length,
          em_iterations_kept: iterations,
          trading_days: panel.calendar.length,
        },
      };
    },
  },
];

export default benchmarks;
