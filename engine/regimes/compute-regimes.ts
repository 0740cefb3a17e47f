import type { Panel } from '../../datasets/panel.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { labelQuadrants } from './label-quadrants.ts';
import { markovRegimeResult } from './markov/markov-regime-result.ts';
import { checkRegimeConfig } from './parse-config.ts';
import { REGIME_PRESETS } from './presets.ts';
import { RegimeCache } from './regime-cache.ts';
import { regimeSignals } from './regime-signals.ts';
import { DOLLAR_COMPONENTS, LIQUIDITY_COMPONENTS, type ComponentName, type RegimeConfig, type RegimeResult } from './types.ts';

export interface ComputeRegimesOptions {
  /** Share signals across many configs on the same panel (sweeps). */
  cache?: RegimeCache;
}

/**
 * Labels every calendar day of the panel Q1..Q4 (0 while warming up) under `config`
 * (default: the `article` preset), with the scores, components and raw signals behind them.
 *
 * Scores: each axis is the weighted mean of its components with weight > 0,
 * `score[t] = Σ wᵢ cᵢ[t] / Σ wᵢ`, unitless (components are clipped z-scores or ±1 signs);
 * NaN while any weighted component is NaN. Liquidity > 0 means easing, dollar > 0 means
 * strengthening. Labels: see labelQuadrants (confirmation and dwell are causal); with
 * `model: 'markov-switching'`, the Markov-switching model's labels on those two scores instead
 * (markovRegimeResult).
 *
 * Timing: the label, scores and components at day t read panel rows ≤ t only, and the panel
 * holds on each row only what was published by that day's close: labels are point in time.
 *
 * @throws ConfigError on a bad config, DataError when a needed column is missing.
 */
export function computeRegimes(panel: Panel, config: RegimeConfig = REGIME_PRESETS.article, options: ComputeRegimesOptions = {}): RegimeResult {
  checkRegimeConfig(config);
  const cache = options.cache ?? new RegimeCache(panel);
  if (cache.panel !== panel) throw new ConfigError('bad-config', 'the RegimeCache was built for another panel', { field: 'cache', hint: 'make one RegimeCache per panel' });
  const n = panel.calendar.length;
  const { signals, components } = regimeSignals(panel, config, cache);
  const liquidityScore = weightedScore(components, LIQUIDITY_COMPONENTS, config, n);
  const dollarScore = weightedScore(components, DOLLAR_COMPONENTS, config, n);
  const { labels, rawLabels } = labelQuadrants(liquidityScore, dollarScore, config.stability);
  if (config.model === 'markov-switching') return markovRegimeResult({ config, labels, rawLabels, liquidityScore, dollarScore, components, signals, firstLabelled: -1 }, panel.calendar, config);
  let firstLabelled = -1;
  for (let t = 0; t < n; t++) {
    if (labels[t] !== 0) {
      firstLabelled = t;
      break;
    }
  }
  return { config, labels, rawLabels, liquidityScore, dollarScore, components, signals, firstLabelled };
}

/** `Σ wᵢ cᵢ[t] / Σ wᵢ` over the components with weight > 0; NaN where any of them is NaN. */
function weightedScore(components: Record<ComponentName, Float64Array>, names: readonly ComponentName[], config: RegimeConfig, n: number): Float64Array {
  const out = new Float64Array(n);
  let total = 0;
  for (const name of names) total += config.components[name].weight;
  let first = true;
  for (const name of names) {
    const w = config.components[name].weight;
    if (w <= 0) continue;
    const c = components[name];
    const k = w / total;
    // NaN propagates through the sum, which is exactly the warm-up rule.
    if (first) for (let t = 0; t < n; t++) out[t] = k * c[t];
    else for (let t = 0; t < n; t++) out[t] += k * c[t];
    first = false;
  }
  return out;
}
