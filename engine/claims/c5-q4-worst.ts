import { basketReturns, gather } from '../analysis/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { bootstrapClaimResult } from './bootstrap-result.ts';
import { groupDays, groupMoments } from './grouped-days.ts';
import { jointBootstrap } from './joint-bootstrap.ts';
import { RISK_ROLES } from './quadrant-claims.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { intervalVerdict, isThin } from './verdict.ts';

/**
 * C5: Q4 is the worst quadrant for risk assets, and they fall in it. On the equal-weight basket
 * of the five risk roles, with m_q its mean daily return on days in force of quadrant q:
 * statistic `252 · max(m₄ − min(m₁, m₂, m₃), m₄)`, negative exactly when Q4 is both below every
 * other quadrant and below zero. Interval: joint stationary bootstrap of the window's labelled
 * days (labels resampled with their returns; a quadrant missing from a replicate keeps its
 * full-sample mean). Supported when the interval lies below 0, contradicted above 0.
 */
export const C5: Claim = {
  id: 'C5',
  title: 'Q4: worst, risk assets fall',
  text: 'Q4 is the worst quadrant for risk assets: they fall broadly.',
  kind: 'history',
  statistic: 'risk basket (US large+small, non-US dev, EM, commodities): 252 × max(mean in Q4 − lowest mean in Q1..Q3, mean in Q4)',
  unit: 'annualised return (fraction per year)',
  rule: 'supported when the stationary-bootstrap interval (95% by default) lies below 0 (Q4 below every other quadrant AND negative), contradicted when it lies above 0, inconclusive otherwise; thin below 60 Q4 days or 3 Q4 episodes',
  evaluate: evaluateC5,
};

function evaluateC5(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const basket = basketReturns(RISK_ROLES.map((r) => ctx.roles[r]));
  const g = groupDays(ctx.labels, window, 4);
  const full = { mean: new Float64Array(5), variance: new Float64Array(5) };
  groupMoments(basket, g.group, g.indices, 4, full.mean, full.variance);
  const present = [1, 2, 3].filter((q) => g.counts[q] > 0);
  const mean = new Float64Array(5);
  const variance = new Float64Array(5);
  const statistic = (idx: Float64Array): number => {
    groupMoments(basket, g.group, idx, 4, mean, variance, full);
    let lowest = Infinity;
    for (const q of present) lowest = Math.min(lowest, mean[q]);
    return TRADING_DAYS_PER_YEAR * Math.max(mean[4] - lowest, mean[4]);
  };
  const n4 = g.counts[4];
  const notes = [1, 2, 3, 4].map((q) => (g.counts[q] ? `Q${q}: ${pct(full.mean[q] * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr over ${g.counts[q]} days` : `Q${q}: no days`));
  let jb = { estimate: NaN, lower: NaN, upper: NaN };
  if (n4 === 0) notes.push('no Q4 days in this window');
  else jb = jointBootstrap(ctx, g.indices, gather(basket, g.group.map((c) => (c ? 1 : 0))), statistic);
  return bootstrapClaimResult(ctx, window, jb, g.indices, {
    n: n4,
    episodes: g.runs[4],
    verdict: intervalVerdict(jb.lower, jb.upper, 'negative'),
    thin: isThin(n4, g.runs[4]),
    notes,
  });
}
