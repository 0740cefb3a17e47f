import type { Role } from '../../datasets/catalog.ts';
import type { Day } from '../../datasets/day.ts';
import type { DayWindow } from '../analysis/day-masks.ts';

/** The three verdicts of the scorecard. */
export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

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
  /** WALCL, WRESBAL, WDTGAL (millions of USD), DFF (percent). */
  macro: Readonly<{ WALCL: Float64Array; WRESBAL: Float64Array; WDTGAL: Float64Array; DFF: Float64Array }>;
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
}

/** One claim scored on one window. */
export interface ClaimResult {
  window: WindowKind;
  /** The claim's statistic (its unit is the claim's `unit`). */
  statistic: number;
  /** Its interval at ctx.level (NaN where the claim has none). */
  lower: number;
  upper: number;
  /** Trading days the statistic rests on. */
  n: number;
  /** Separate episodes those days form (NaN where not meaningful). */
  episodes: number;
  verdict: Verdict;
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
  evaluate(ctx: ClaimContext, window: ClaimWindow): ClaimResult;
}
