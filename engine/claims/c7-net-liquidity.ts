import { basketReturns, gather, NET_LIQUIDITY_CHANGE_DAYS } from '../analysis/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { changeOver } from '../signals/change-over.ts';
import { bootstrapClaimResult } from './bootstrap-result.ts';
import { groupDays, groupMoments } from './grouped-days.ts';
import { jointBootstrap } from './joint-bootstrap.ts';
import { RISK_ROLES } from './quadrant-claims.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { intervalVerdict } from './verdict.ts';

/**
 * C7: rising net liquidity is good for risk assets. Decision-day state: net liquidity
 * (WALCL − TGA − RRP, as of t) higher (1) or lower (2) than 20 trading days earlier. Statistic:
 * 252 × (mean daily risk-basket return on the next day when rising − when falling), joint
 * stationary-bootstrap interval. Supported above 0, contradicted below 0. Thin below 60 days
 * in the smaller group or 3 rising spells.
 */
export const C7: Claim = {
  id: 'C7',
  title: 'Net liquidity up: risk-on',
  text: 'Fed asset growth plus TGA drawdown (net liquidity rising) is good for risk assets.',
  kind: 'history',
  statistic: `risk basket: annualised mean daily return when net liquidity rose over the last ${NET_LIQUIDITY_CHANGE_DAYS} trading days minus when it fell (as of the previous close)`,
  unit: 'annualised return difference (fraction per year)',
  rule: 'supported when the stationary-bootstrap interval (95% by default) lies above 0, contradicted when below 0, inconclusive otherwise; thin below 60 days on either side or 3 rising spells',
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
  const mean = new Float64Array(3);
  const variance = new Float64Array(3);
  const statistic = (idx: Float64Array): number => {
    groupMoments(basket, g.group, idx, 2, mean, variance, full);
    return TRADING_DAYS_PER_YEAR * (mean[1] - mean[2]);
  };
  const notes = [
    `rising: ${pct(full.mean[1] * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr over ${g.counts[1]} days; falling: ${pct(full.mean[2] * TRADING_DAYS_PER_YEAR, 1, 'n/a')}/yr over ${g.counts[2]} days`,
  ];
  let jb = { estimate: NaN, lower: NaN, upper: NaN };
  if (g.counts[1] === 0 || g.counts[2] === 0) notes.push('net liquidity moved one way only in this window');
  else jb = jointBootstrap(ctx, g.indices, gather(basket, g.group.map((c) => (c ? 1 : 0))), statistic);
  return bootstrapClaimResult(ctx, window, jb, g.indices, {
    n: g.indices.length,
    episodes: g.runs[1],
    verdict: intervalVerdict(jb.lower, jb.upper, 'positive'),
    thin: Math.min(g.counts[1], g.counts[2]) < 60 || g.runs[1] < 3,
    notes,
  });
}
