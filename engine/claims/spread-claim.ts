import type { Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { basketReturns, differenceReturns } from '../analysis/basket.ts';
import { countSpells } from '../analysis/day-masks.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { historyClaimResult } from './bootstrap-result.ts';
import { groupDays } from './grouped-days.ts';
import { jointGroupSums, noInterval, type GroupTotals, type JointInterval } from './joint-bootstrap.ts';
import { standInsOn } from './stand-ins.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { isThin } from './verdict.ts';

/** One comparison inside a spread claim: equal-weight `long` basket minus `short` basket (or the long basket alone). */
export interface SpreadLeg {
  name: string;
  long: readonly Role[];
  short: readonly Role[];
}

/** A claim "on the days where condition holds, every leg earns more than on the other days". */
export interface SpreadClaimSpec extends Omit<Claim, 'evaluate' | 'kind' | 'unit' | 'statistic' | 'rule' | 'predicted'> {
  legs: readonly SpreadLeg[];
  /** What the condition is, in words (goes into the statistic's description). */
  conditionText: string;
  /**
   * Decision-day codes: 1 when the state known at close t puts day t+1's return in the claim's
   * condition. Must read data at days ≤ t only.
   */
  condition(ctx: ClaimContext): Uint8Array;
  /** A note on how the condition was built (e.g. which gauge), if any. */
  conditionNote?(ctx: ClaimContext): string | undefined;
}

/**
 * Builds a history claim of the spread family (C1–C4) as a CONTRAST (difference in
 * differences): the note's quadrant claims are comparative ("favours", "beat", "relatively more
 * favourable"), so a leg's spread inside the condition is compared with the same spread on the
 * other labelled days of the window, and a long-run trend that holds everywhere cancels.
 *
 * Sample: return days i in the window whose label at close i − 1 is known (1..4); "in" when
 * `condition[i − 1] = 1`, "outside" otherwise. Each leg's daily series is its long basket minus
 * its short basket (equal weight, rebalanced daily). Decisive statistic: the SMALLEST over the
 * legs of 252 × (mean in − mean outside). Secondary figure (does not decide): the smallest leg
 * mean inside the condition (the level the first version of the scorecard tested).
 * Interval and p-value: joint bootstrap of the days (jointGroupSums; block length by
 * Politis–White on the average of the legs). Verdict by the p-value rule on the predicted side
 * (positive); untestable when the condition holds on no day of the window. Thin below 60 days
 * in the condition or 3 episodes (runs of ≥ 21 days).
 */
export function spreadClaim(spec: SpreadClaimSpec): Claim {
  const multi = spec.legs.length > 1;
  const legText = spec.legs.map((l) => l.name).join(', ');
  return {
    id: spec.id,
    title: spec.title,
    text: spec.text,
    kind: 'history',
    predicted: 'positive',
    unit: 'annualised return difference (fraction per year)',
    statistic: multi
      ? `smallest, among ${legText}, of (annualised mean daily spread on days ${spec.conditionText}) − (the same on the other labelled days)`
      : `annualised mean daily ${legText} on days ${spec.conditionText} minus the same on the other labelled days`,
    rule: `decided by the contrast (difference in differences), not by the level inside the condition (shown beside it): supported when its two-sided p-value, Holm-adjusted across the sample's tests, is below 1 − level (5% by default) and the contrast is positive${multi ? ' (every leg gains in the condition)' : ''}; contradicted when so with a negative contrast; inconclusive otherwise; untestable with no days in the condition; thin below 60 days or 3 episodes of ≥ 21 days`,
    evaluate: (ctx, window) => evaluateSpread(spec, ctx, window),
  };
}

function evaluateSpread(spec: SpreadClaimSpec, ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const n = ctx.calendar.length;
  const cond = spec.condition(ctx);
  // Decision-day codes: 1 in the condition, 2 outside it, 0 unlabelled.
  const codes = new Uint8Array(n);
  for (let t = 0; t < n; t++) codes[t] = ctx.labels[t] >= 1 && ctx.labels[t] <= 4 ? (cond[t] === 1 ? 1 : 2) : 0;
  const g = groupDays(codes, window, 2);
  const legs = spec.legs.map((leg) => {
    const long = basketReturns(leg.long.map((r) => ctx.roles[r]));
    return leg.short.length ? differenceReturns(long, basketReturns(leg.short.map((r) => ctx.roles[r]))) : long;
  });
  const k = legs.length;
  // Full-sample group means: the fallback of a replicate that misses a group.
  const full = legMeans(legs, g.group, g.indices);
  // Decisive statistic from per-group sums: smallest over legs of 252 × (mean in − mean outside).
  const statistic = (t: GroupTotals): number => {
    let best = Infinity;
    for (let j = 0; j < k; j++) {
      const a = t.count[1] ? t.sum[k + j] / t.count[1] : full.inside[j];
      const b = t.count[2] ? t.sum[2 * k + j] / t.count[2] : full.outside[j];
      best = Math.min(best, (a - b) * TRADING_DAYS_PER_YEAR);
    }
    return best;
  };
  const m = g.counts[1];
  const inMask = new Uint8Array(n);
  for (let i = 0; i < n; i++) inMask[i] = g.group[i] === 1 ? 1 : 0;
  const episodes = countSpells(inMask);
  const notes: string[] = [];
  let jb: JointInterval = noInterval('no test: no days in the condition');
  if (m === 0) notes.push(`no days ${spec.conditionText} in this window`);
  else if (g.counts[2] === 0) notes.push(`no labelled days outside the condition in this window`);
  else {
    const composite = new Float64Array(g.indices.length);
    const avg = basketReturns(legs);
    for (let q = 0; q < g.indices.length; q++) composite[q] = avg[g.indices[q]];
    jb = jointGroupSums(ctx, g.indices, composite, legs, g.group, 2, false, statistic);
  }
  let level = Infinity;
  for (let j = 0; j < k && m > 0; j++) {
    const inside = full.inside[j] * TRADING_DAYS_PER_YEAR;
    const outside = full.outside[j] * TRADING_DAYS_PER_YEAR;
    level = Math.min(level, inside);
    notes.push(
      `${spec.legs[j].name}: ${pct(inside, 1, 'n/a')}/yr in the condition vs ${pct(outside, 1, 'n/a')}/yr outside, contrast ${pct(inside - outside, 1, 'n/a')}`,
    );
  }
  const extra = spec.conditionNote?.(ctx);
  if (extra) notes.push(extra);
  if (m > 0 && g.indices.length < 8) notes.push('too few days for an interval');
  const span = g.indices.length ? `${isoDay(ctx.calendar[g.indices[0]])} … ${isoDay(ctx.calendar[g.indices[g.indices.length - 1]])}` : 'no days';
  const roles = spec.legs.flatMap((l) => [...l.long, ...l.short]);
  return historyClaimResult(ctx, window, 'positive', jb, g.indices, {
    n: m,
    episodes,
    fragments: g.runs[1],
    thin: isThin(m, episodes),
    notes,
    sample: `${m} days ${spec.conditionText} against ${g.counts[2]} other labelled days, ${span}`,
    secondary: m > 0 ? { label: multi(spec) ? 'smallest leg mean in the condition (level)' : 'mean in the condition (level)', value: level } : undefined,
    standIns: standInsOn(ctx, roles, g.indices),
    untestable: m === 0,
  });
}

function multi(spec: SpreadClaimSpec): boolean {
  return spec.legs.length > 1;
}

/** Each leg's mean daily value on the in (group 1) and outside (group 2) days of `idx`. */
function legMeans(legs: Float64Array[], group: Uint8Array, idx: Float64Array): { inside: Float64Array; outside: Float64Array } {
  const inside = new Float64Array(legs.length);
  const outside = new Float64Array(legs.length);
  let nIn = 0;
  let nOut = 0;
  for (let q = 0; q < idx.length; q++) {
    const i = idx[q];
    const into = group[i] === 1 ? inside : outside;
    if (group[i] === 1) nIn++;
    else nOut++;
    for (let j = 0; j < legs.length; j++) into[j] += legs[j][i];
  }
  for (let j = 0; j < legs.length; j++) {
    inside[j] = nIn ? inside[j] / nIn : NaN;
    outside[j] = nOut ? outside[j] / nOut : NaN;
  }
  return { inside, outside };
}
