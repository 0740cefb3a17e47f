import type { Role } from '../../datasets/catalog.ts';
import type { Day } from '../../datasets/day.ts';
import type { DayWindow } from '../analysis/day-masks.ts';

/**
 * The verdicts of the scorecard. `untestable`: the claim's condition holds on no day of the
 * sample (nothing to test); `pending`: a forecast whose window is still open. Neither counts as
 * inconclusive, which means "tested, and the data do not decide".
 */
export type Verdict = 'supported' | 'contradicted' | 'inconclusive' | 'pending' | 'untestable';

/** Every verdict, in the order summaries count them. */
export const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'inconclusive', 'pending', 'untestable'];

/** How the history claims' intervals resample: days in blocks, or whole episodes. */
export type BootstrapKind = 'stationary' | 'episode';

/** A role held as T-bills (its instruments unpriced) on some of the days a result rests on. */
export interface StandIn {
  role: Role;
  /** Days of the sample on which the role earned the T-bill rate instead of its own. */
  days: number;
  /** Days in the sample. */
  of: number;
  /** First and last such day. */
  from: Day;
  to: Day;
}

/** A figure shown beside the decisive statistic that does not decide the verdict. */
export interface SecondaryFigure {
  label: string;
  value: number;
}

/** Which side of the article's date a window lies on. */
export type WindowKind = 'in-sample' | 'out-of-sample';

/** A sample window: return days `from..to` (calendar indices, inclusive) on one side of the article's date. */
export interface ClaimWindow extends DayWindow {
  kind: WindowKind;
}

/**
 * Everything a claim reads, on one calendar. Columns are the panel's as-of values (published by
 * each day's close), in the panel's units; `asOf` holds the observation day behind each value.
 */
export interface ClaimContext {
  calendar: Int32Array;
  /** Regime labels, 0 warm-up, 1..4; day i's return counts for labels[i − 1]. */
  labels: Uint8Array;
  /** Daily simple return of each role (close i−1 → close i). */
  roles: Readonly<Record<Role, Float64Array>>;
  /** Daily T-bill return. */
  cash: Float64Array;
  /** 1 on the days a role earned the T-bill rate because none of its instruments was priced (always 0 for cash). */
  standIn: Readonly<Record<Role, Uint8Array>>;
  /** WALCL, WRESBAL, WDTGAL (millions of USD), DFF and DGS2 (percent; DGS2 undefined when the data lack it). */
  macro: Readonly<{ WALCL: Float64Array; WRESBAL: Float64Array; WDTGAL: Float64Array; DFF: Float64Array; DGS2?: Float64Array }>;
  /** Observation day behind each macro value. */
  asOf: Readonly<{ WALCL: Int32Array; WRESBAL: Int32Array; WDTGAL: Int32Array; DFF: Int32Array }>;
  /** Net liquidity, millions of USD (WALCL − WDTGAL − 1000·RRPONTSYD). */
  netLiquidity: Float64Array;
  /** A risk-aversion gauge (rising = risk appetite falling), e.g. VIX, or undefined. */
  riskAversion?: { name: string; values: Float64Array };
  /** The article's date and the last calendar index on or before it. */
  articleDay: Day;
  articleIndex: number;
  /** Bootstrap settings, reported with every interval. */
  reps: number;
  seed: number;
  level: number;
  /** Resampling of the history claims (default stationary). */
  bootstrap: BootstrapKind;
}

/** One claim scored on one window. */
export interface ClaimResult {
  window: WindowKind;
  /** The claim's statistic (its unit is the claim's `unit`). */
  statistic: number;
  /** Its interval at ctx.level (NaN where the claim has none). */
  lower: number;
  upper: number;
  /** Trading days the statistic rests on (for contrasts: days in the condition). */
  n: number;
  /**
   * Independent episodes: runs of the condition lasting at least EPISODE_MIN_DAYS (21) trading
   * days (NaN where not meaningful).
   */
  episodes: number;
  /** Separate runs of the condition of any length (fragments included; NaN where not meaningful). */
  fragments: number;
  /** The verdict after the multiple-testing adjustment (Holm) across the sample's tests. */
  verdict: Verdict;
  /** The verdict from the raw p-value, before the adjustment. */
  unadjustedVerdict: Verdict;
  /** How the interval and p-value were obtained, in words. */
  test: string;
  /** The days the statistic compares, in words. */
  sample: string;
  /** Two-sided raw p-value of the decisive statistic (NaN for forecasts and when no test ran). */
  pValue: number;
  /** Holm and Benjamini–Hochberg adjusted p-values across the sample's tests (set by runScorecard). */
  pHolm: number;
  pBH: number;
  /** Direction of the evidence the p-value speaks for: +1 (statistic above 0) or −1. */
  sign: number;
  /** Standard error of the decisive statistic (bootstrap), units of the statistic. */
  standardError: number;
  /** Minimum detectable effect at 80 % power, two-sided 5 % size, from the standard error. */
  mde: number;
  /** The level (or other figure) kept beside the decisive contrast; it does not decide. */
  secondary?: SecondaryFigure;
  /** Roles held as T-bills on days of this sample. */
  standIns: StandIn[];
  /** True when the verdict rests on thin data (see the claim's rule); the scorecard warns. */
  thin: boolean;
  /** Supporting figures and warnings, one short sentence each. */
  notes: string[];
  /** First and last calendar day of the data used (NaN when none). */
  from: Day;
  to: Day;
}

/** A claim of the article as a named, documented test. */
export interface Claim {
  id: string;
  /** A few words for tables. */
  title: string;
  /** The claim as ARTICLE.md states it. */
  text: string;
  /** history: scored on both sides of the article's date; forecast: only after it. */
  kind: 'history' | 'forecast';
  /** What is measured. */
  statistic: string;
  /** Unit of the statistic. */
  unit: string;
  /** The rule that turns the statistic into a verdict. */
  rule: string;
  /** History claims: the sign of the statistic the claim predicts. */
  predicted?: 'positive' | 'negative';
  evaluate(ctx: ClaimContext, window: ClaimWindow): ClaimResult;
}
