import { dayOf, isoDay } from '../../datasets/day.ts';
import { basketReturns, countSpells, forwardDrawdowns, groupMeanDifference, overlapLags, RESERVES_RED_LINE, thresholdCodes } from '../analysis/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { pct } from '../percent.ts';
import { normalCdf } from '../stats/normal-cdf.ts';
import { bootstrapPValue } from '../stats/bootstrap-p-value.ts';
import { historyClaimResult } from './bootstrap-result.ts';
import { groupDays, groupMoments } from './grouped-days.ts';
import { basketGroupSums, noInterval, type GroupTotals, type JointInterval } from './joint-bootstrap.ts';
import { RISK_ROLES } from './quadrant-claims.ts';
import { standInsOn } from './stand-ins.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';
import { isThin } from './verdict.ts';

/** Start of the COVID window reported beside C6: reserves were below $3T then only because they had not yet grown past it. */
export const COVID_WINDOW_FROM = dayOf(2019, 12, 1);

/** Forward horizon of C6's drawdown comparison: one month. */
export const C6_DRAWDOWN_DAYS = 21;

/**
 * The first calendar index ≤ `upTo` whose as-of reserves are at or above the $3T red line, or
 * −1. The note's "red line since 2020" has a meaning only once reserves had risen above it:
 * before that (to April 2020) they were below it because they had never been higher. Reads
 * reserves[0 .. upTo] only, so a window never learns from data after its end.
 */
export function redLineFirstCrossed(reserves: Float64Array, upTo = reserves.length - 1): number {
  for (let t = 0; t <= Math.min(upTo, reserves.length - 1); t++) if (reserves[t] >= RESERVES_RED_LINE) return t;
  return -1;
}

/**
 * C6: reserves below $3T mark stress. Sample: return days after the first close with reserves
 * at or above $3T (redLineFirstCrossed; 2020-04-24 on the snapshot), grouped by the as-of
 * WRESBAL at the previous close (below / at or above $3,000,000 million). Two parts, both must
 * hold: (1) annualised volatility of the risk basket below minus above (joint bootstrap
 * interval and p-value, the decisive statistic); (2) mean forward one-month max drawdown of
 * the basket (decision at t, window t+1 … t+21 inside the sample) below minus above, Newey–West
 * with lag 42 (twice the overlapping window) and a normal p-value. The claim's p-value: the
 * larger of the two when both point above 0 (intersection–union test), else twice the smaller
 * p-value of the parts pointing below 0 (Bonferroni). The COVID window (2019-12-01 to the first
 * close above $3T) is reported separately and enters no test.
 */
export const C6: Claim = {
  id: 'C6',
  title: 'Reserves < $3T: stress',
  text: 'Bank reserves below about $3 trillion mark funding-stress periods (worse risk-asset drawdowns and volatility than above it).',
  kind: 'history',
  predicted: 'positive',
  statistic:
    'risk basket, days after reserves first rose above $3T: annualised volatility with reserves below $3T minus above (reserves as of the previous close); second part, mean forward 21-day drawdown below minus above',
  unit: 'annualised volatility difference (fraction per year)',
  rule: `two contrasts (below − above), both must hold: volatility (bootstrap) and forward ${C6_DRAWDOWN_DAYS}-day drawdown (Newey–West, lag ${overlapLags(C6_DRAWDOWN_DAYS)}); claim p-value = the larger of the two when both are positive (intersection–union), else twice the smaller p of the negative parts; supported when that p, Holm-adjusted across the sample's tests, is below 1 − level (5% by default) with both positive; contradicted when so with a negative part; inconclusive otherwise; untestable with no days on one side; the COVID window before reserves first reached $3T is reported apart; thin below 60 below-$3T days or 3 episodes of ≥ 21 days`,
  evaluate: evaluateC6,
};

function evaluateC6(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const n = ctx.calendar.length;
  const basket = basketReturns(RISK_ROLES.map((r) => ctx.roles[r]));
  const codes = thresholdCodes(ctx.macro.WRESBAL, RESERVES_RED_LINE);
  const crossed = redLineFirstCrossed(ctx.macro.WRESBAL, window.to);
  const start = crossed < 0 ? n : crossed + 1;
  const g = groupDays(codes, window, 2, start);
  const full = { mean: new Float64Array(3), variance: new Float64Array(3) };
  groupMoments(basket, g.group, g.indices, 2, full.mean, full.variance);
  const sqrtYear = Math.sqrt(TRADING_DAYS_PER_YEAR);
  // Sample variance of group q from its sums (the full-sample value when a resample has < 2 of its days).
  const variance = (t: GroupTotals, q: number): number => {
    const c = t.count[q];
    return c > 1 ? Math.max(0, (t.sq[q] - (t.sum[q] * t.sum[q]) / c) / (c - 1)) : full.variance[q];
  };
  const statistic = (t: GroupTotals): number => sqrtYear * (Math.sqrt(variance(t, 1)) - Math.sqrt(variance(t, 2)));
  const notes: string[] = [];
  const untestable = g.counts[1] === 0 || g.counts[2] === 0;
  let jb: JointInterval = noInterval('no test: no days on one side of the line');
  if (crossed < 0) notes.push('reserves never reached $3T in the data');
  if (untestable || g.counts[1] < 2 || g.counts[2] < 2) notes.push(`too few days on one side of the line (below ${g.counts[1]}, above ${g.counts[2]})`);
  else jb = basketGroupSums(ctx, g, basket, 2, true, statistic);
  notes.push(
    `vol below ${pct(Math.sqrt(full.variance[1]) * sqrtYear, 1, 'n/a')} (${g.counts[1]} days), above ${pct(Math.sqrt(full.variance[2]) * sqrtYear, 1, 'n/a')} (${g.counts[2]} days)`,
  );

  // Forward drawdowns: decision day t needs t+1 ≥ max(from, start) and t+h ≤ to.
  const h = C6_DRAWDOWN_DAYS;
  const dd = forwardDrawdowns(basket, h);
  const ddCodes = new Uint8Array(n);
  for (let t = Math.max(window.from, start) - 1; t + h <= window.to; t++) ddCodes[t] = codes[t];
  const d = groupMeanDifference(dd, ddCodes, 1, 2, overlapLags(h), ctx.level);
  notes.push(
    `fwd ${h}d drawdown below ${pct(d.meanA, 1, 'n/a')} vs above ${pct(d.meanB, 1, 'n/a')}: difference ${pct(d.difference, 1, 'n/a')} [${pct(d.lower, 1, 'n/a')}, ${pct(d.upper, 1, 'n/a')}] (NW lag ${d.lags})`,
  );

  // COVID window: before reserves first reached $3T; reported, not tested.
  if (crossed >= 0) {
    let from = window.from;
    while (from <= Math.min(window.to, crossed) && ctx.calendar[from] < COVID_WINDOW_FROM) from++;
    const to = Math.min(window.to, crossed);
    if (from <= to) {
      const covid = basket.subarray(from, to + 1);
      let s = 0;
      let ss = 0;
      for (let k = 0; k < covid.length; k++) (s += covid[k]), (ss += covid[k] * covid[k]);
      const m = covid.length;
      const vol = m > 1 ? Math.sqrt(Math.max(0, (ss - (s * s) / m) / (m - 1))) * sqrtYear : NaN;
      notes.push(
        `COVID window ${isoDay(ctx.calendar[from])} … ${isoDay(ctx.calendar[to])} (reserves below $3T before first reaching it; not in the test): vol ${pct(vol, 1, 'n/a')} over ${m} days`,
      );
    }
  }

  // The claim's p-value from its two parts.
  const pv = jb.replicates.length ? bootstrapPValue(jb.replicates) : NaN;
  const pd = Number.isFinite(d.t) ? 2 * (1 - normalCdf(Math.abs(d.t))) : NaN;
  const sv = jb.estimate < 0 ? -1 : 1;
  const sd = d.difference < 0 ? -1 : 1;
  let pValue = NaN;
  let sign = 1;
  if (Number.isFinite(pv) && Number.isFinite(pd)) {
    if (sv > 0 && sd > 0) pValue = Math.max(pv, pd);
    else {
      sign = -1;
      pValue = Math.min(1, 2 * Math.min(sv < 0 ? pv : 1, sd < 0 ? pd : 1));
    }
  }
  notes.push(`parts: volatility p ${Number.isFinite(pv) ? pv.toFixed(3) : 'n/a'}, drawdown p ${Number.isFinite(pd) ? pd.toFixed(3) : 'n/a'}`);
  const below = new Uint8Array(n);
  for (let i = 0; i < n; i++) below[i] = g.group[i] === 1 ? 1 : 0;
  const episodes = countSpells(below);
  return historyClaimResult(ctx, window, 'positive', jb, g.indices, {
    n: g.counts[1],
    episodes,
    fragments: g.runs[1],
    thin: isThin(g.counts[1], episodes),
    notes,
    sample: `${g.counts[1]} days below $3T against ${g.counts[2]} at or above, after reserves first reached $3T${crossed >= 0 ? ` (${isoDay(ctx.calendar[crossed])})` : ''}`,
    secondary: Number.isFinite(d.difference) ? { label: `forward ${h}-day drawdown, below − above`, value: d.difference } : undefined,
    standIns: standInsOn(ctx, RISK_ROLES, g.indices),
    untestable,
    override: {
      pValue,
      sign,
      test: `volatility: ${jb.test}; drawdown: Newey–West normal test, lag ${overlapLags(h)}; claim p = max of the two when both positive (intersection–union), else 2 × the smaller p of the negative parts`,
    },
  });
}
