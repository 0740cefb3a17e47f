import type { Role } from '../../datasets/catalog.ts';
import { basketReturns, differenceReturns } from '../analysis/basket.ts';
import { countRuns, gather, maskIndices } from '../analysis/day-masks.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { neweyWest } from '../stats/newey-west.ts';
import { bootstrapClaimResult } from './bootstrap-result.ts';
import { jointBootstrap } from './joint-bootstrap.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { intervalVerdict, isThin } from './verdict.ts';

/** One comparison inside a spread claim: equal-weight `long` basket minus `short` basket (or the long basket alone). */
export interface SpreadLeg {
  name: string;
  long: readonly Role[];
  short: readonly Role[];
}

/** A claim "on the days where condition holds, every leg earns more than 0". */
export interface SpreadClaimSpec extends Omit<Claim, 'evaluate' | 'kind' | 'unit' | 'statistic' | 'rule'> {
  legs: readonly SpreadLeg[];
  /** What the condition is, in words (goes into the statistic's description). */
  conditionText: string;
  /**
   * Decision-day codes: 1 when the state known at close t puts day t+1's return in the claim's
   * sample. Must read data at days ≤ t only.
   */
  condition(ctx: ClaimContext): Uint8Array;
  /** A note on how the condition was built (e.g. which gauge), if any. */
  conditionNote?(ctx: ClaimContext): string | undefined;
}

/**
 * Builds a history claim of the spread family (C1–C4). Sample: return days i in the window with
 * `condition[i − 1] = 1` (the state known at the previous close). Each leg's daily series is
 * its long basket minus its short basket (equal weight, rebalanced daily). Statistic: the
 * SMALLEST of the legs' annualised mean daily returns (252 × mean); with one leg, that leg's.
 * Interval: joint stationary bootstrap of the days (jointBootstrap; block length by
 * Politis–White on the average of the legs). Rule: supported when the interval lies above 0
 * (every leg positive), contradicted when it lies below 0 (some leg reliably negative),
 * inconclusive otherwise. Thin below 60 days or 3 episodes.
 */
export function spreadClaim(spec: SpreadClaimSpec): Claim {
  const multi = spec.legs.length > 1;
  const legText = spec.legs.map((l) => l.name).join(', ');
  return {
    id: spec.id,
    title: spec.title,
    text: spec.text,
    kind: 'history',
    unit: 'annualised return (fraction per year)',
    statistic: multi
      ? `smallest annualised mean daily return among ${legText}, on days ${spec.conditionText}`
      : `annualised mean daily return of ${legText}, on days ${spec.conditionText}`,
    rule: `supported when the stationary-bootstrap interval (95% by default) of the statistic lies above 0${multi ? ' (all positive)' : ''}, contradicted when it lies below 0, inconclusive otherwise; thin below 60 days or 3 episodes`,
    evaluate: (ctx, window) => evaluateSpread(spec, ctx, window),
  };
}

function evaluateSpread(spec: SpreadClaimSpec, ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const n = ctx.calendar.length;
  const cond = spec.condition(ctx);
  const mask = new Uint8Array(n);
  for (let i = window.from; i <= window.to; i++) if (cond[i - 1] === 1) mask[i] = 1;
  const legs = spec.legs.map((leg) => {
    const long = basketReturns(leg.long.map((r) => ctx.roles[r]));
    return leg.short.length ? differenceReturns(long, basketReturns(leg.short.map((r) => ctx.roles[r]))) : long;
  });
  const idx = maskIndices(mask);
  const m = idx.length;
  const statistic = (sample: Float64Array): number => {
    let best = Infinity;
    for (const leg of legs) {
      let s = 0;
      for (let k = 0; k < sample.length; k++) s += leg[sample[k]];
      const v = (s / sample.length) * TRADING_DAYS_PER_YEAR;
      if (v < best) best = v;
    }
    return best;
  };
  const composite = gather(basketReturns(legs), mask);
  const jb = jointBootstrap(ctx, idx, composite, statistic);
  const episodes = countRuns(mask);
  const notes: string[] = [];
  if (m === 0) notes.push(`no days ${spec.conditionText} in this window`);
  for (let j = 0; j < legs.length && m > 0; j++) {
    const x = gather(legs[j], mask);
    const t = x.length >= 3 ? neweyWest(x).t : NaN;
    notes.push(`${spec.legs[j].name}: ${pct((sumOf(x) / m) * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr (NW t ${Number.isNaN(t) ? 'n/a' : t.toFixed(2)})`);
  }
  const extra = spec.conditionNote?.(ctx);
  if (extra) notes.push(extra);
  if (m > 0 && m < 8) notes.push('too few days for an interval');
  return bootstrapClaimResult(ctx, window, jb, idx, { n: m, episodes, verdict: intervalVerdict(jb.lower, jb.upper, 'positive'), thin: isThin(m, episodes), notes });
}

function sumOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}
