import { basketReturns, countSpells } from '../analysis/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { historyClaimResult } from './bootstrap-result.ts';
import { groupDays, groupMoments } from './grouped-days.ts';
import { basketGroupSums, noInterval, type GroupTotals, type JointInterval } from './joint-bootstrap.ts';
import { RISK_ROLES } from './quadrant-claims.ts';
import { standInsOn } from './stand-ins.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { isThin } from './verdict.ts';

/**
 * C5: Q4 is the worst quadrant for risk assets, and they fall in it. On the equal-weight basket
 * of the five risk roles, with m_q its mean daily return on days in force of quadrant q:
 * decisive statistic, the contrast `252 · (m₄ − min(m₁, m₂, m₃))` ("worst" is comparative),
 * negative when Q4 lies below every other quadrant present; secondary figure, the level
 * `252 · m₄` ("they fall"), shown but not deciding. Interval and p-value: joint bootstrap of the
 * window's labelled days (labels resampled with their returns; a quadrant missing from a
 * replicate keeps its full-sample mean). Verdict by the p-value rule on the predicted side
 * (negative); untestable without Q4 days or without another quadrant.
 */
export const C5: Claim = {
  id: 'C5',
  title: 'Q4: worst, risk assets fall',
  text: 'Q4 is the worst quadrant for risk assets: they fall broadly.',
  kind: 'history',
  predicted: 'negative',
  statistic: 'risk basket (US large+small, non-US dev, EM, commodities): 252 × (mean in Q4 − lowest mean in Q1..Q3); beside it the Q4 level, 252 × mean in Q4',
  unit: 'annualised return difference (fraction per year)',
  rule: "decided by the contrast (Q4 against the worst other quadrant), not by the Q4 level (shown beside it): supported when its two-sided p-value, Holm-adjusted across the sample's tests, is below 1 − level (5% by default) and the contrast is negative (Q4 below every other quadrant); contradicted when so with a positive contrast; inconclusive otherwise; untestable without Q4 days or another quadrant; thin below 60 Q4 days or 3 Q4 episodes of ≥ 21 days",
  evaluate: evaluateC5,
};

function evaluateC5(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const basket = basketReturns(RISK_ROLES.map((r) => ctx.roles[r]));
  const g = groupDays(ctx.labels, window, 4);
  const full = { mean: new Float64Array(5), variance: new Float64Array(5) };
  groupMoments(basket, g.group, g.indices, 4, full.mean, full.variance);
  const present = [1, 2, 3].filter((q) => g.counts[q] > 0);
  const mean = (t: GroupTotals, q: number): number => (t.count[q] ? t.sum[q] / t.count[q] : full.mean[q]);
  const statistic = (t: GroupTotals): number => {
    let lowest = Infinity;
    for (const q of present) lowest = Math.min(lowest, mean(t, q));
    return TRADING_DAYS_PER_YEAR * (mean(t, 4) - lowest);
  };
  const n4 = g.counts[4];
  const q4 = new Uint8Array(g.group.length);
  for (let i = 0; i < q4.length; i++) q4[i] = g.group[i] === 4 ? 1 : 0;
  const episodes = countSpells(q4);
  const notes = [1, 2, 3, 4].map((q) =>
    g.counts[q] ? `Q${q}: ${pct(full.mean[q] * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr over ${g.counts[q]} days` : `Q${q}: no days`,
  );
  const untestable = n4 === 0 || present.length === 0;
  let jb: JointInterval = noInterval('no test: no Q4 days or no other quadrant');
  if (untestable) notes.push(n4 === 0 ? 'no Q4 days in this window' : 'no other quadrant in this window');
  else jb = basketGroupSums(ctx, g, basket, 4, false, statistic);
  return historyClaimResult(ctx, window, 'negative', jb, g.indices, {
    n: n4,
    episodes,
    fragments: g.runs[4],
    thin: isThin(n4, episodes),
    notes,
    sample: `${n4} Q4 days against ${g.indices.length - n4} days in Q${present.join('/Q') || '-'}`,
    secondary: n4 ? { label: 'Q4 level: 252 × mean in Q4', value: full.mean[4] * TRADING_DAYS_PER_YEAR } : undefined,
    standIns: standInsOn(ctx, RISK_ROLES, g.indices),
    untestable,
  });
}
