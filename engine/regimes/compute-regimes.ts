import type { Panel } from '../../datasets/panel.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { DEFAULT_MODEL, REGIME_MODELS, type RegimeModelOutput } from './models.ts';
import { checkRegimeConfig } from './parse-config.ts';
import { REGIME_PRESETS } from './presets.ts';
import { RegimeCache } from './regime-cache.ts';
import { staleDays } from './stale-inputs.ts';
import type { RegimeConfig, RegimeResult } from './types.ts';

export interface ComputeRegimesOptions {
  /** Share signals across many configs on the same panel (sweeps). */
  cache?: RegimeCache;
}

/**
 * Labels every calendar day of the panel Q1..Q4 (0 while warming up) under `config`
 * (default: the `article` preset) by the config's model (default `weighted-components`),
 * with the scores, components and raw signals behind them.
 *
 * Stale inputs: on a day when an input the labels depend on is older than its longest normal
 * publication interval (staleDays), the label is 0 and `stale[t]` is 1: the label would
 * otherwise freeze at an old reading.
 *
 * Timing: the label, scores and components at day t read panel rows ≤ t only, and the panel
 * holds on each row only what was published by that day's close: labels are point in time.
 *
 * @throws ProblemsError on a bad config, DataError when a needed column is missing.
 */
export function computeRegimes(panel: Panel, config: RegimeConfig = REGIME_PRESETS.article, options: ComputeRegimesOptions = {}): RegimeResult {
  checkRegimeConfig(config);
  const cache = options.cache ?? new RegimeCache(panel);
  if (cache.panel !== panel)
    throw new ConfigError('bad-config', 'the RegimeCache was built for another panel', { field: 'cache', hint: 'make one RegimeCache per panel' });
  const model = REGIME_MODELS[config.model ?? DEFAULT_MODEL];
  const out: RegimeModelOutput = model(panel, config, cache);
  // A stale input would freeze the label at an old reading: such days are stale, not labelled.
  const stale = staleDays(panel, out.inputs);
  const labels = out.labels;
  for (let t = 0; t < labels.length; t++) if (stale[t]) labels[t] = 0;
  return { config, ...out, labels, stale, firstLabelled: labels.findIndex((q) => q !== 0) };
}
