import type { ComponentConfig, ComponentName, RegimeConfig } from './types.ts';

const scale = (weight: number): ComponentConfig => ({ weight, method: 'scale', deadBand: 0 });
const sign = (weight: number, deadBand: number): ComponentConfig => ({ weight, method: 'sign', deadBand });

/** The dollar axis every preset shares: momentum first, trend and acceleration as support. */
const DOLLAR: Pick<Record<ComponentName, ComponentConfig>, 'dollar_momentum' | 'dollar_trend' | 'dollar_acceleration'> = {
  dollar_momentum: scale(1),
  dollar_trend: scale(0.5),
  dollar_acceleration: scale(0.5),
};

const BASE: Omit<RegimeConfig, 'name' | 'description' | 'components'> = {
  dollarSource: 'DTWEXBGS',
  windows: {
    balanceSheetWeeks: 13,
    netLiquidityWeeks: 13,
    reservesWeeks: 13,
    policyRateMonths: 3,
    rateExpectationsMonths: 3,
    dollarMomentumDays: 63,
    dollarTrendDays: 200,
    dollarAccelerationDays: 21,
  },
  zScore: { window: 756, minHistory: 126, clip: 3 },
  reserves: { redLine: 3_000_000, from: '2020-01-01' },
  stability: { confirmDays: 10, confirmBy: 'quadrant', minDwellDays: 0, hysteresis: 0 },
};

/**
 * `article`: the note's composite. The Fed's own stance carries the first axis (13-week
 * balance-sheet change, 3-month policy-rate direction with a 12.5 bp dead band, 3-month 2-year
 * yield change, and easing against expectations: cuts the 2-year prices that the Fed has not
 * delivered, with a 25 bp dead band, so a Fed that holds while markets price cuts reads as
 * tightening, as the note defines it); net liquidity (TGA, RRP) and reserves against
 * the $3T line enter with smaller weights, as the note treats them as the Treasury's and money
 * markets' side. The dollar: 63-day momentum, trend against the 200-day average, acceleration.
 */
const article: RegimeConfig = {
  name: 'article',
  description: 'the note\'s composite: balance sheet, policy rate, 2-year yield; net liquidity and reserves with less weight; dollar momentum, trend, acceleration',
  ...BASE,
  components: {
    balance_sheet: scale(1),
    net_liquidity: scale(0.5),
    reserves: sign(0.25, 100_000),
    reserves_change: scale(0.25),
    policy_rate: sign(1, 0.125),
    rate_expectations: scale(1),
    policy_vs_market: sign(1, 0.25),
    ...DOLLAR,
  },
};

/** `balance-sheet`: the Fed's balance sheet alone against the dollar. */
const balanceSheet: RegimeConfig = {
  name: 'balance-sheet',
  description: 'WALCL 13-week change against the dollar',
  ...BASE,
  components: { ...article.components, net_liquidity: scale(0), reserves: sign(0, 100_000), reserves_change: scale(0), policy_rate: sign(0, 0.125), rate_expectations: scale(0), policy_vs_market: sign(0, 0.25) },
};

/** `rates`: the policy rate and the 2-year yield against the dollar. */
const rates: RegimeConfig = {
  name: 'rates',
  description: 'policy-rate direction, 2-year yield change and easing against expectations, against the dollar',
  ...BASE,
  components: { ...article.components, balance_sheet: scale(0), net_liquidity: scale(0), reserves: sign(0, 100_000), reserves_change: scale(0) },
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
  description: 'two-state Markov-switching models (Hamilton filter, EM, monthly expanding refits) on the article composite\'s liquidity and dollar scores',
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

/** The built-in regime definitions, frozen; `article` is the default. */
export const REGIME_PRESETS: Readonly<Record<'article' | 'balance-sheet' | 'rates' | 'markov-switching', RegimeConfig>> = deepFreeze({
  article: structuredClone(article),
  'balance-sheet': structuredClone(balanceSheet),
  rates: structuredClone(rates),
  'markov-switching': structuredClone(markovSwitching),
});

export type PresetName = keyof typeof REGIME_PRESETS;
export const PRESET_NAMES = Object.keys(REGIME_PRESETS) as PresetName[];
export const DEFAULT_PRESET: PresetName = 'article';
