/**
 * Regime engine timings on the real snapshot (8,463 trading days), after loading:
 * one full labelling under the article preset, and a sweep of 1,000 configurations that share
 * one RegimeCache (each distinct signal and normalisation computed once).
 */
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import type { Panel } from '../datasets/panel.ts';
import { computeRegimes, parseRegimeConfig, REGIME_INPUTS, RegimeCache, REGIME_PRESETS, type RegimeConfig } from '../engine/regimes/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

let panel: Panel | undefined;
function snapshotPanel(): Panel {
  panel ??= buildPanel(loadDataset(SNAPSHOT_DIR, { macro: [...new Set([...REGIME_INPUTS, 'EFFR', 'DTWEXBGS', 'DXY'])], prices: ['SPY'] }));
  return panel;
}

/** 1,000 distinct configs: 5 balance-sheet windows × 5 momentum windows × 5 confirmations × 2 sources × 4 weightings. */
function grid(): RegimeConfig[] {
  const out: RegimeConfig[] = [];
  for (const balanceSheetWeeks of [4, 8, 13, 26, 52])
    for (const dollarMomentumDays of [21, 42, 63, 126, 252])
      for (const confirmDays of [1, 5, 10, 15, 20])
        for (const dollarSource of ['DTWEXBGS', 'DXY'])
          for (const [bs, rates] of [
            [1, 1],
            [1, 0],
            [0, 1],
            [2, 1],
          ])
            out.push(
              parseRegimeConfig(
                {
                  dollarSource,
                  windows: { balanceSheetWeeks, dollarMomentumDays },
                  stability: { confirmDays },
                  components: { balance_sheet: { weight: bs }, policy_rate: { weight: rates }, rate_expectations: { weight: rates } },
                },
                'bench',
              ),
            );
  return out;
}

const benchmarks: Benchmark[] = [
  {
    name: 'regimes: label the whole history (article, after load)',
    unit: 'ms',
    target: 5,
    run: async () => {
      const p = snapshotPanel();
      const value = await medianMs(() => computeRegimes(p, REGIME_PRESETS.article), 31, 20);
      const cache = new RegimeCache(p);
      computeRegimes(p, REGIME_PRESETS.article, { cache });
      const cached = await medianMs(() => computeRegimes(p, REGIME_PRESETS.article, { cache }), 31, 5);
      return { value, context: { trading_days: p.calendar.length, cached_signals_ms: cached } };
    },
  },
  {
    name: 'regimes: 1,000 configurations (shared cache)',
    unit: 's',
    target: 2,
    run: async () => {
      const p = snapshotPanel();
      const configs = grid();
      let arrays = 0;
      const ms = await medianMs(
        () => {
          const cache = new RegimeCache(p);
          for (const c of configs) computeRegimes(p, c, { cache });
          arrays = cache.size;
        },
        3,
        1,
      );
      // The same sweep without sharing, for comparison.
      const t0 = performance.now();
      for (const c of configs) computeRegimes(p, c);
      const unshared = (performance.now() - t0) / 1000;
      return { value: ms / 1000, context: { configs: configs.length, cached_arrays: arrays, unshared_s: unshared } };
    },
  },
];

export default benchmarks;
