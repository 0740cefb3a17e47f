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
};
