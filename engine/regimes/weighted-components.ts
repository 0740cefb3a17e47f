import { DOLLAR_COMPONENTS, LIQUIDITY_COMPONENTS, REGIME_COMPONENTS } from './components/index.ts';
import { labelQuadrants } from './label-quadrants.ts';
import type { RegimeModel } from './model-types.ts';
import { regimeSignals } from './regime-signals.ts';
import type { ComponentName, RegimeConfig } from './types.ts';

/**
 * The default model. Scores: each axis is the weighted mean of its components with weight > 0,
 * `score[t] = Σ wᵢ cᵢ[t] / Σ wᵢ`, unitless (components are clipped z-scores or ±1 signs);
 * NaN while any weighted component is NaN. Liquidity > 0 means easing, dollar > 0 means
 * strengthening. Labels: see labelQuadrants (confirmation and dwell are causal).
 */
export const weightedComponents: RegimeModel = (panel, config, cache) => {
  const n = panel.calendar.length;
  const { signals, components } = regimeSignals(panel, config, cache);
  const liquidityScore = weightedScore(components, LIQUIDITY_COMPONENTS, config, n);
  const dollarScore = weightedScore(components, DOLLAR_COMPONENTS, config, n);
  const { labels, rawLabels } = labelQuadrants(liquidityScore, dollarScore, config.stability);
  return { labels, rawLabels, liquidityScore, dollarScore, components, signals, inputs: weightedInputs(config) };
};

/** The columns read by the components with weight > 0, and the dollar source. */
export function weightedInputs(config: RegimeConfig): string[] {
  const ids = new Set<string>();
  for (const d of REGIME_COMPONENTS) {
    if (!(config.components[d.name].weight > 0)) continue;
    for (const id of d.inputs) ids.add(id);
    // The real-time broad index reads DTWEXB only before 2019, where it cannot be stale.
    if ('usesDollar' in d && d.usesDollar) ids.add(config.dollarSource === 'broad-real-time' ? 'DTWEXBGS' : config.dollarSource);
  }
  return [...ids];
}

/** `Σ wᵢ cᵢ[t] / Σ wᵢ` over the components with weight > 0; NaN where any of them is NaN. */
function weightedScore(components: Record<string, Float64Array>, names: readonly ComponentName[], config: RegimeConfig, n: number): Float64Array {
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
