import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { dayOf } from '../../datasets/day.ts';
import { basketReturns, forwardDrawdowns, gather, groupMeanDifference, RESERVES_RED_LINE, thresholdCodes } from '../analysis/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { bootstrapClaimResult } from './bootstrap-result.ts';
import { groupDays, groupMoments } from './grouped-days.ts';
import { jointBootstrap } from './joint-bootstrap.ts';
import { RISK_ROLES } from './quadrant-claims.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { allOf, intervalVerdict, isThin } from './verdict.ts';

/** The note calls $3T a red line "since 2020"; C6 uses days from this date on. */
export const RED_LINE_SINCE = dayOf(2020, 1, 1);

/** Forward horizon of C6's drawdown comparison: one month. */
export const C6_DRAWDOWN_DAYS = 21;

/**
 * C6: reserves below $3T mark stress. Days from 2020 on, grouped by the as-of WRESBAL at the
 * previous close (below / at or above $3,000,000 million). Statistic: annualised volatility of
 * the risk basket's daily returns below minus above (joint stationary bootstrap interval).
 * Second test: mean forward one-month max drawdown of the basket (decision at t, window t+1 …
 * t+21 inside the sample) below minus above, with a Newey–West (lags 21) normal interval.
 * Supported when both intervals lie above 0, contradicted when either lies below 0,
 * inconclusive otherwise. Thin below 60 below-the-line days or 3 separate spells.
 */
export const C6: Claim = {
  id: 'C6',
  title: 'Reserves < $3T: stress',
  text: 'Bank reserves below about $3 trillion mark funding-stress periods (worse risk-asset drawdowns and volatility than above it).',
  kind: 'history',
  statistic: 'risk basket, days since 2020: annualised volatility with reserves below $3T minus above (reserves as of the previous close)',
  unit: 'annualised volatility difference (fraction per year)',
  rule: `supported when the bootstrap interval of the volatility difference AND the Newey–West interval of the forward ${C6_DRAWDOWN_DAYS}-day drawdown difference (below − above) both lie above 0, contradicted when either lies below 0, inconclusive otherwise; thin below 60 below-$3T days or 3 spells`,
  evaluate: evaluateC6,
};

function evaluateC6(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const n = ctx.calendar.length;
  const basket = basketReturns(RISK_ROLES.map((r) => ctx.roles[r]));
  const codes = thresholdCodes(ctx.macro.WRESBAL, RESERVES_RED_LINE);
  const since = calendarIndexAtOrBefore(ctx.calendar, RED_LINE_SINCE - 1) + 1;
  const g = groupDays(codes, window, 2, since + 1);
  const full = { mean: new Float64Array(3), variance: new Float64Array(3) };
  groupMoments(basket, g.group, g.indices, 2, full.mean, full.variance);
  const mean = new Float64Array(3);
  const variance = new Float64Array(3);
  const sqrtYear = Math.sqrt(TRADING_DAYS_PER_YEAR);
  const statistic = (idx: Float64Array): number => {
    groupMoments(basket, g.group, idx, 2, mean, variance, full);
    return sqrtYear * (Math.sqrt(variance[1]) - Math.sqrt(variance[2]));
  };
  const notes: string[] = [];
  let jb = { estimate: NaN, lower: NaN, upper: NaN };
  if (g.counts[1] < 2 || g.counts[2] < 2) notes.push(`too few days on one side of the line (below ${g.counts[1]}, above ${g.counts[2]})`);
  else jb = jointBootstrap(ctx, g.indices, gather(basket, g.group.map((c) => (c ? 1 : 0))), statistic);
  notes.push(`vol below ${pct(Math.sqrt(full.variance[1]) * sqrtYear, 1, 'n/a')} (${g.counts[1]} days), above ${pct(Math.sqrt(full.variance[2]) * sqrtYear, 1, 'n/a')} (${g.counts[2]} days)`);

  // Forward drawdowns: decision day t needs t+1 ≥ max(from, since + 1) and t+h ≤ to.
  const h = C6_DRAWDOWN_DAYS;
  const dd = forwardDrawdowns(basket, h);
  const ddCodes = new Uint8Array(n);
  for (let t = Math.max(window.from, since + 1) - 1; t + h <= window.to; t++) ddCodes[t] = codes[t];
  const d = groupMeanDifference(dd, ddCodes, 1, 2, h, ctx.level);
  notes.push(`fwd ${h}d drawdown below ${pct(d.meanA, 1, 'n/a')} vs above ${pct(d.meanB, 1, 'n/a')}: difference ${pct(d.difference, 1, 'n/a')} [${pct(d.lower, 1, 'n/a')}, ${pct(d.upper, 1, 'n/a')}]`);
  const verdict = allOf([intervalVerdict(jb.lower, jb.upper, 'positive'), intervalVerdict(d.lower, d.upper, 'positive')]);
  return bootstrapClaimResult(ctx, window, jb, g.indices, { n: g.counts[1], episodes: g.runs[1], verdict, thin: isThin(g.counts[1], g.runs[1]), notes });
}
