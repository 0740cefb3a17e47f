import type { Panel } from '../../datasets/panel.ts';
import type { RegimeCache } from './regime-cache.ts';
import type { RegimeConfig } from './types.ts';

/**
 * What a regime model returns for every calendar day: labels (0 warm-up or unknown, 1..4 =
 * Q1..Q4), the quadrant before any confirmation, one score per axis (> 0 easing, > 0
 * strengthening; NaN where the model has none), and the named series behind them (component
 * scores, filtered probabilities, raw signals) for the outputs.
 */
export interface RegimeModelOutput {
  labels: Uint8Array;
  rawLabels: Uint8Array;
  liquidityScore: Float64Array;
  dollarScore: Float64Array;
  components: Record<string, Float64Array>;
  signals: Record<string, Float64Array>;
  /** The panel columns the labels depend on: a day when one is stale is labelled stale (see staleDays). */
  inputs: readonly string[];
}

/**
 * A regime model: a pure function of the as-of panel and the config. It must read panel rows
 * ≤ t only for day t (the poisoned-future properties run over every preset). `cache` memoises
 * arrays per panel; a model may use it for anything keyed by everything the array depends on.
 */
export type RegimeModel = (panel: Panel, config: RegimeConfig, cache: RegimeCache) => RegimeModelOutput;
