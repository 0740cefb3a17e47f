import { markovRegimeResult } from './markov/markov-regime-result.ts';
import type { RegimeModel } from './model-types.ts';
import { weightedComponents } from './weighted-components.ts';

export type { RegimeModel, RegimeModelOutput } from './model-types.ts';

/** The model of a config that names none. */
export const DEFAULT_MODEL = 'weighted-components';

/**
 * The models a config's `model` may name. A model computed by a function of its own (a
 * statistical one, say) registers here with one line, and a preset whose `model` names it makes
 * it usable by every command, the definition grid and the property tests.
 */
export const REGIME_MODELS: Readonly<Record<string, RegimeModel>> = {
  [DEFAULT_MODEL]: weightedComponents,
  'markov-switching': (panel, config, cache) => {
    // The Markov-switching model reads the weighted composite's two scores (engine/regimes/markov/).
    const w = weightedComponents(panel, config, cache);
    const r = markovRegimeResult({ config, ...w, stale: new Uint8Array(w.labels.length), firstLabelled: -1 }, panel.calendar, config);
    return {
      labels: r.labels,
      rawLabels: r.rawLabels,
      liquidityScore: r.liquidityScore,
      dollarScore: r.dollarScore,
      components: r.components,
      signals: r.signals,
      inputs: w.inputs,
    };
  },
};
