import type { Day } from '../../datasets/day.ts';
import type { ComponentName, WindowKey } from './components/index.ts';

/** A regime label: 0 = warm-up / unknown, 1..4 = Q1..Q4. */
export type Quadrant = 0 | 1 | 2 | 3 | 4;

/** Q1 easing + weakening dollar, Q2 easing + strengthening, Q3 tightening + weakening, Q4 tightening + strengthening. */
export const QUADRANT_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Q1 easing + weak dollar',
  2: 'Q2 easing + strong dollar',
  3: 'Q3 tightening + weak dollar',
  4: 'Q4 tightening + strong dollar',
};

export { COMPONENTS, LIQUIDITY_COMPONENTS, DOLLAR_COMPONENTS, type ComponentName } from './components/index.ts';
/** A liquidity component's name (kept as an alias: the axis of a component is in its definition). */
export type LiquidityComponent = ComponentName;
export type DollarComponent = ComponentName;

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

/**
 * Look-back windows, keyed as the components declare them (components/*.ts: `windows`). Weeks
 * are 5 trading days, months 21 (see TRADING_DAYS_PER_WEEK/MONTH).
 */
export type RegimeWindows = Record<WindowKey, number>;

/**
 * The dollar index behind the second axis: the Fed's broad index DTWEXBGS (from 2006, a back-cast
 * before 2019), ICE DXY (from 1971), or `broad-real-time`: the broad index as known at the time
 * (DTWEXB until January 2019, then DTWEXBGS ratio-linked; see realTimeBroadDollar).
 */
export type DollarSource = 'DTWEXBGS' | 'DXY' | 'broad-real-time';
export const DOLLAR_SOURCES: readonly DollarSource[] = ['DTWEXBGS', 'DXY', 'broad-real-time'];

/** A regime definition: plain data, JSON-serialisable, validated by parseRegimeConfig. */
export interface RegimeConfig {
  name: string;
  description: string;
  /**
   * How the labels are computed (REGIME_MODELS): `weighted-components` (the default) scores each
   * axis as a weighted mean of the components below; other models label the days by a function
   * of their own (see models.ts) and may ignore `components`.
   */
  model?: string;
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
  /** Per calendar day: 0 warm-up, unknown or stale, 1..4 = Q1..Q4, after confirmation. */
  labels: Uint8Array;
  /** 1 on days an input the labels depend on is stale (carried past its longest normal publication interval); those days are labelled 0. */
  stale: Uint8Array;
  /** The panel columns the labels depend on. */
  inputs: readonly string[];
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

export { TRADING_DAYS_PER_WEEK, TRADING_DAYS_PER_MONTH } from './trading-days.ts';
