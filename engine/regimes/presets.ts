import { DEFAULT_WINDOWS, REGIME_COMPONENTS } from './components/index.ts';
import type { ComponentConfig, ComponentName, RegimeConfig } from './types.ts';

const scale = (weight: number): ComponentConfig => ({ weight, method: 'scale', deadBand: 0 });
const sign = (weight: number, deadBand: number): ComponentConfig => ({ weight, method: 'sign', deadBand });

/** Every component at weight 0 with its defined normalisation: a preset sets the weights it uses. */
const OFF = Object.fromEntries(REGIME_COMPONENTS.map((d) => [d.name, { weight: 0, ...d.defaults }])) as Record<ComponentName, ComponentConfig>;

/** The dollar axis every preset shares: momentum first, trend and acceleration as support. */
const DOLLAR: Pick<Record<ComponentName, ComponentConfig>, 'dollar_momentum' | 'dollar_trend' | 'dollar_acceleration'> = {
  dollar_momentum: scale(1),
  dollar_trend: scale(0.5),
  dollar_acceleration: scale(0.5),
};

const BASE: Omit<RegimeConfig, 'name' | 'description' | 'components'> = {
  dollarSource: 'DTWEXBGS',
  windows: { ...DEFAULT_WINDOWS },
  zScore: { window: 756, minHistory: 126, clip: 3 },
  reserves: { redLine: 3_000_000, from: '2020-01-01' },
  stability: { confirmDays: 10, confirmBy: 'quadrant', minDwellDays: 0, hysteresis: 0 },
};

/**
 * `article`: the note's composite. The Fed's own stance carries the first axis (13-week
 * balance-sheet change, 3-month policy-rate direction with a 12.5 bp dead band, and easing
 * against expectations: the rate delivered over three months against what the 3-month bill
 * priced at their start, 12.5 bp dead band, so a Fed that eases less than priced reads as
 * tightening, as the note defines it); net liquidity (TGA, RRP) and reserves against the $3T
 * line enter with smaller weights, as the note treats them as the Treasury's and money markets'
 * side. The dollar: 63-day momentum, trend against the 200-day average, acceleration.
 *
 * Until December 2026 the expectations side was the pair `rate_expectations` (2-year change)
 * and `policy_vs_market` (DFF − DGS2); both remain as components by name (weight 0 here; see
 * CALIBRATION and the definition grid for the labels they gave).
 */
const article: RegimeConfig = {
  name: 'article',
  description:
    "the note's composite: balance sheet, policy rate, easing against bill-priced expectations; net liquidity and reserves with less weight; dollar momentum, trend, acceleration",
  ...BASE,
  components: {
    ...OFF,
    balance_sheet: scale(1),
    net_liquidity: scale(0.5),
    reserves: sign(0.25, 100_000),
    reserves_change: scale(0.25),
    policy_rate: sign(1, 0.125),
    policy_surprise: sign(1, 0.125),
    ...DOLLAR,
  },
};

/** `balance-sheet`: the Fed's balance sheet alone against the dollar. */
const balanceSheet: RegimeConfig = {
  name: 'balance-sheet',
  description: 'WALCL 13-week change against the dollar',
  ...BASE,
  components: { ...OFF, balance_sheet: scale(1), ...DOLLAR },
};

/** `rates`: the policy rate's direction and easing against expectations, against the dollar. */
const rates: RegimeConfig = {
  name: 'rates',
  description: 'policy-rate direction and easing against bill-priced expectations, against the dollar',
  ...BASE,
  components: { ...OFF, policy_rate: sign(1, 0.125), policy_surprise: sign(1, 0.125), ...DOLLAR },
};

/**
 * `markov-switching`: the data-driven challenger. One two-state Hamilton model per axis on the
 * article composite's own liquidity and dollar scores, fitted by EM on an expanding window
 * refitted monthly, each day labelled from its filtered probability (engine/regimes/markov/).
 * It differs from `article` in the classification rule alone; `stability` is not used.
 */
const markovSwitching: RegimeConfig = {
  ...article,
  name: 'markov-switching',
  description: "two-state Markov-switching models (Hamilton filter, EM, monthly expanding refits) on the article composite's liquidity and dollar scores",
  model: 'markov-switching',
  stability: { ...BASE.stability, confirmDays: 1 },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in regime definitions, frozen; `article` is the default. A preset added here (one
 * line; a model of its own registered in models.ts) is known to every command, joins the
 * definition grid of `validate` and `regimes --compare-presets`, and the poisoned-future
 * properties.
 */
const PRESETS = {
  article,
  'balance-sheet': balanceSheet,
  rates,
  'markov-switching': markovSwitching,
} satisfies Record<string, RegimeConfig>;

export const REGIME_PRESETS: Readonly<Record<keyof typeof PRESETS, RegimeConfig>> = deepFreeze(structuredClone(PRESETS));

export type PresetName = keyof typeof REGIME_PRESETS;
export const PRESET_NAMES = Object.keys(REGIME_PRESETS) as PresetName[];
export const DEFAULT_PRESET: PresetName = 'article';
