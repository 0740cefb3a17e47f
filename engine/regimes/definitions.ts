import { CALIBRATED_CHOICES } from './calibration.ts';
import { DEFAULT_MODEL } from './models.ts';
import { DEFAULT_PRESET, PRESET_NAMES, REGIME_PRESETS } from './presets.ts';
import { DOLLAR_SOURCES, type ComponentName, type RegimeConfig } from './types.ts';

/** One defensible regime definition of the grid: a preset or a variant of one. */
export interface RegimeDefinition {
  /** `preset` or `preset/variant`, e.g. `article/DXY`, `article/without-policy_surprise`. */
  name: string;
  config: RegimeConfig;
  /** What differs from the preset it varies. */
  change: string;
}

const withName = (base: RegimeConfig, name: string, patch: Partial<RegimeConfig>): RegimeConfig => ({ ...structuredClone(base), ...patch, name });

/** The article composite as it stood until December 2026: the 2-year pair instead of policy_surprise. */
function twoYearPair(base: RegimeConfig, keepPolicyVsMarket: boolean): RegimeConfig['components'] {
  const c = structuredClone(base.components);
  c.policy_surprise.weight = 0;
  c.rate_expectations = { weight: 1, method: 'scale', deadBand: 0 };
  c.policy_vs_market = { weight: keepPolicyVsMarket ? 1 : 0, method: 'sign', deadBand: 0.25 };
  return c;
}

/**
 * Every definition the scorecard is computed under: each preset (a preset added to
 * REGIME_PRESETS, such as a statistical model, joins the grid by itself); for each preset of
 * the weighted-components model, each other dollar source, and the preset without each
 * calibrated component it weighs (CALIBRATED_CHOICES); and the article composite as it stood
 * before December 2026 (the 2-year pair), with and without policy_vs_market. The first entry
 * is the default definition. Every entry counts as one trial for the deflated Sharpe ratio.
 */
export function regimeDefinitions(): RegimeDefinition[] {
  const out: RegimeDefinition[] = [];
  const calibrated = [...new Set(CALIBRATED_CHOICES.flatMap((c) => c.components))] as ComponentName[];
  const presets = [DEFAULT_PRESET, ...PRESET_NAMES.filter((p) => p !== DEFAULT_PRESET)];
  for (const p of presets) {
    const base = REGIME_PRESETS[p];
    out.push({ name: p, config: base, change: 'the preset as defined' });
    if ((base.model ?? DEFAULT_MODEL) !== DEFAULT_MODEL) continue;
    for (const source of DOLLAR_SOURCES) {
      if (source === base.dollarSource) continue;
      out.push({
        name: `${p}/${source}`,
        config: withName(base, `${p}/${source}`, { dollarSource: source }),
        change: `dollar index ${source} instead of ${base.dollarSource}`,
      });
    }
    for (const c of calibrated) {
      if (!(base.components[c].weight > 0)) continue;
      const components = structuredClone(base.components);
      components[c].weight = 0;
      out.push({ name: `${p}/without-${c}`, config: withName(base, `${p}/without-${c}`, { components }), change: `without the calibrated component ${c}` });
    }
  }
  const article = REGIME_PRESETS.article;
  out.push({
    name: 'article/2-year-pair',
    config: withName(article, 'article/2-year-pair', { components: twoYearPair(article, true) }),
    change: 'rate_expectations and policy_vs_market instead of policy_surprise (the definition until December 2026)',
  });
  out.push({
    name: 'article/2-year-pair/without-policy_vs_market',
    config: withName(article, 'article/2-year-pair/without-policy_vs_market', { components: twoYearPair(article, false) }),
    change: 'the 2-year pair without policy_vs_market (the definition before it was added for 2025 Q2)',
  });
  return out;
}

/**
 * The grid with `config` as its default: `config` first (under its own name), then every
 * definition of regimeDefinitions() that differs from it.
 */
export function definitionsAround(config: RegimeConfig): RegimeDefinition[] {
  const key = JSON.stringify(config);
  const rest = regimeDefinitions().filter((d) => JSON.stringify(d.config) !== key);
  return [{ name: config.name, config, change: 'the definition of this run (the default)' }, ...rest];
}
