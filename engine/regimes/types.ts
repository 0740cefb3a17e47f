import type { Day } from '../../datasets/day.ts';

/** A regime label: 0 = warm-up / unknown, 1..4 = Q1..Q4. */
export type Quadrant = 0 | 1 | 2 | 3 | 4;

/** Q1 easing + weakening dollar, Q2 easing + strengthening, Q3 tightening + weakening, Q4 tightening + strengthening. */
export const QUADRANT_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Q1 easing + weak dollar',
  2: 'Q2 easing + strong dollar',
  3: 'Q3 tightening + weak dollar',
  4: 'Q4 tightening + strong dollar',
};

/** Components of the first axis (Fed liquidity); each scores > 0 for easing. */
export const LIQUIDITY_COMPONENTS = ['balance_sheet', 'net_liquidity', 'reserves', 'reserves_change', 'policy_rate', 'rate_expectations', 'policy_vs_market'] as const;
/** Components of the second axis (US dollar); each scores > 0 for strengthening. */
export const DOLLAR_COMPONENTS = ['dollar_momentum', 'dollar_trend', 'dollar_acceleration'] as const;
export const COMPONENTS = [...LIQUIDITY_COMPONENTS, ...DOLLAR_COMPONENTS] as const;
export type LiquidityComponent = (typeof LIQUIDITY_COMPONENTS)[number];
export type DollarComponent = (typeof DOLLAR_COMPONENTS)[number];
export type ComponentName = (typeof COMPONENTS)[number];

/**
 * How a raw signal becomes a unitless component score:
 * - `zscore`: trailing z-score about the trailing mean ("unusual for the last few years");
 * - `scale`: trailing z-score about zero (value / trailing root mean square): keeps the sign,
 *   so steady QE reads as easing however long it lasts;
 * - `sign`: +1 / 0 / −1 with a dead band in the signal's own units; needs no history.
 */
export type Normalisation = 'zscore' | 'scale' | 'sign';
export const NORMALISATIONS: readonly Normalisation[] = ['zscore', 'scale', 'sign'];

export interface ComponentConfig {
  /** Weight in its axis's score (≥ 0; 0 leaves the component out of the score). */
  weight: number;
  method: Normalisation;
  /** For `sign`: half-width of the neutral zone, in the raw signal's units. Ignored otherwise. */
  deadBand: number;
}

/** Look-back windows. Weeks are 5 trading days, months 21 (see TRADING_DAYS_PER_WEEK/MONTH). */
export interface RegimeWindows {
  /** WALCL change over this many weeks (the article watches 13). */
  balanceSheetWeeks: number;
  /** Net-liquidity change over this many weeks. */
  netLiquidityWeeks: number;
  /** Reserve-balance change over this many weeks. */
  reservesWeeks: number;
  /** DFF change over this many months. */
  policyRateMonths: number;
  /** DGS2 change over this many months. */
  rateExpectationsMonths: number;
  /** Dollar momentum: return over this many trading days. */
  dollarMomentumDays: number;
  /** Dollar trend: level against its moving average over this many trading days. */
  dollarTrendDays: number;
  /** Dollar acceleration: change in momentum over this many trading days. */
  dollarAccelerationDays: number;
}

export type DollarSource = 'DTWEXBGS' | 'DXY';
export const DOLLAR_SOURCES: readonly DollarSource[] = ['DTWEXBGS', 'DXY'];

/** A regime definition: plain data, JSON-serialisable, validated by parseRegimeConfig. */
export interface RegimeConfig {
  name: string;
  description: string;
  /**
   * How the days are labelled: absent, each axis is the weighted mean of the components below
   * and labelQuadrants confirms the quadrant; `markov-switching`, a two-state Markov-switching
   * model per axis reads those two scores instead (engine/regimes/markov/; `stability` unused).
   */
  model?: 'markov-switching';
  /** The dollar index behind the second axis: the Fed's broad index (from 2006) or ICE DXY (from 1971). */
  dollarSource: DollarSource;
  windows: RegimeWindows;
  /** Trailing normalisation for `zscore` / `scale` components. */
  zScore: {
    /** Trading days in the trailing window (756 ≈ 3 years). */
    window: number;
    /** Values needed in the window before a component is scored: the warm-up. */
    minHistory: number;
    /** Component scores are clipped to ±clip. */
    clip: number;
  };
  reserves: {
    /** The red line, millions of USD (3,000,000 = $3T). */
    redLine: number;
    /** ISO date from which the red line applies (the article: "since 2020"); before it the level component is 0. */
    from: string;
  };
  components: Record<ComponentName, ComponentConfig>;
  stability: {
    /** A new quadrant replaces the current label only after this many consecutive days (1 = at once). */
    confirmDays: number;
    /**
     * What must hold for `confirmDays`: `quadrant` (default) the new quadrant itself; `axis`
     * each axis's side separately (the label is the pair of confirmed sides), which lets a clear
     * turn of one axis through while the other flickers.
     */
    confirmBy: 'quadrant' | 'axis';
    /** A label, once set, holds at least this many trading days (0 = no minimum). */
    minDwellDays: number;
    /** An axis changes side only when its score moves beyond ±hysteresis (score units; 0 = at zero). */
    hysteresis: number;
  };
}

export interface RegimeResult {
  config: RegimeConfig;
  /** Per calendar day: 0 warm-up/unknown, 1..4 = Q1..Q4, after confirmation. */
  labels: Uint8Array;
  /** The quadrant the two scores point at each day, before confirmation / dwell. */
  rawLabels: Uint8Array;
  /** Weighted mean of the liquidity components: > 0 easing, < 0 tightening; NaN while warming up. */
  liquidityScore: Float64Array;
  /** Weighted mean of the dollar components: > 0 strengthening, < 0 weakening; NaN while warming up. */
  dollarScore: Float64Array;
  /** Each component's score (unitless, oriented as its axis). Shared with a RegimeCache: read only. */
  components: Record<string, Float64Array>;
  /** Raw signals in their stated units (see SIGNAL_UNITS). Shared with a RegimeCache: read only. */
  signals: Record<string, Float64Array>;
  /** Index of the first labelled calendar day, -1 if none. */
  firstLabelled: number;
}

/** A run of one quadrant. `days` counts trading days (endIndex − startIndex + 1). */
export interface Episode {
  quadrant: 1 | 2 | 3 | 4;
  startIndex: number;
  endIndex: number;
  start: Day;
  end: Day;
  days: number;
}

export const TRADING_DAYS_PER_WEEK = 5;
export const TRADING_DAYS_PER_MONTH = 21;
