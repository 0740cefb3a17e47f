import { basketReturns, countSpells, NET_LIQUIDITY_CHANGE_DAYS } from '../analysis/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { changeOver } from '../signals/change-over.ts';
import { historyClaimResult } from './bootstrap-result.ts';
import { groupDays, groupMoments } from './grouped-days.ts';
import { basketGroupSums, noInterval, type GroupTotals, type JointInterval } from './joint-bootstrap.ts';
import { RISK_ROLES } from './quadrant-claims.ts';
import { standInsOn } from './stand-ins.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';

/**
 * C7: rising net liquidity is good for risk assets. Decision-day state: net liquidity
 * (WALCL − TGA − RRP, as of t) higher (1) or lower (2) than 20 trading days earlier. Decisive
 * statistic (already a contrast): 252 × (mean daily risk-basket return on the next day when
 * rising − when falling), joint bootstrap interval and p-value; the level when rising is the
 * secondary figure. Verdict by the p-value rule on the predicted side (positive); untestable
 * when net liquidity moved one way only. Thin below 60 days in the smaller group or 3 rising
 * episodes of ≥ 21 days.
 */
export const C7: Claim = {
  id: 'C7',
  title: 'Net liquidity up: risk-on',
  text: 'Fed asset growth plus TGA drawdown (net liquidity rising) is good for risk assets.',
  kind: 'history',
  predicted: 'positive',
  statistic: `risk basket: annualised mean daily return when net liquidity rose over the last ${NET_LIQUIDITY_CHANGE_DAYS} trading days minus when it fell (as of the previous close)`,
  unit: 'annualised return difference (fraction per year)',
  rule: "decided by the contrast rising − falling (the level when rising is shown beside it): supported when its two-sided p-value, Holm-adjusted across the sample's tests, is below 1 − level (5% by default) and the contrast is positive; contradicted when so with a negative contrast; inconclusive otherwise; untestable when net liquidity moved one way only; thin below 60 days on either side or 3 rising episodes of ≥ 21 days",
  evaluate: evaluateC7,
};

function evaluateC7(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const basket = basketReturns(RISK_ROLES.map((r) => ctx.roles[r]));
  const change = changeOver(ctx.netLiquidity, NET_LIQUIDITY_CHANGE_DAYS);
  const codes = new Uint8Array(change.length);
  for (let t = 0; t < change.length; t++) codes[t] = change[t] > 0 ? 1 : change[t] < 0 ? 2 : 0;
  const g = groupDays(codes, window, 2);
  const full = { mean: new Float64Array(3), variance: new Float64Array(3) };
  groupMoments(basket, g.group, g.indices, 2, full.mean, full.variance);
  const mean = (t: GroupTotals, q: number): number => (t.count[q] ? t.sum[q] / t.count[q] : full.mean[q]);
  const statistic = (t: GroupTotals): number => TRADING_DAYS_PER_YEAR * (mean(t, 1) - mean(t, 2));
  const rising = new Uint8Array(g.group.length);
  for (let i = 0; i < rising.length; i++) rising[i] = g.group[i] === 1 ? 1 : 0;
  const episodes = countSpells(rising);
  const notes = [
    `rising: ${pct(full.mean[1] * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr over ${g.counts[1]} days; falling: ${pct(full.mean[2] * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr over ${g.counts[2]} days`,
  ];
  const untestable = g.counts[1] === 0 || g.counts[2] === 0;
  let jb: JointInterval = noInterval('no test: net liquidity moved one way only');
  if (untestable) notes.push('net liquidity moved one way only in this window');
  else jb = basketGroupSums(ctx, g, basket, 2, false, statistic);
  return historyClaimResult(ctx, window, 'positive', jb, g.indices, {
    n: g.indices.length,
    episodes,
    fragments: g.runs[1],
    thin: Math.min(g.counts[1], g.counts[2]) < 60 || episodes < 3,
    notes,
    sample: `${g.counts[1]} days after rising net liquidity against ${g.counts[2]} after falling`,
    secondary: g.counts[1] ? { label: 'level when rising: 252 × mean', value: full.mean[1] * TRADING_DAYS_PER_YEAR } : undefined,
    standIns: standInsOn(ctx, RISK_ROLES, g.indices),
    untestable,
  });
}
