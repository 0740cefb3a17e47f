import { parseIsoDay } from '../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { bandText, forecastPart, FORECASTS_NOTE, inPassBand } from './forecast-registry.ts';
import { day, forecastResult, partsVerdict, type PartOutcome } from './forecast-helpers.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';

/** The 2026 FOMC decision days (second day of each scheduled meeting), as published by the Fed. */
export const FOMC_2026: readonly number[] = [
  '2026-01-28',
  '2026-03-18',
  '2026-04-29',
  '2026-06-17',
  '2026-07-29',
  '2026-09-16',
  '2026-10-28',
  '2026-12-09',
].map(parseIsoDay);

/** The note's baseline number of cuts (the registered pass band of the delivered part). */
export const C10_BASELINE_CUTS = 2;
/** A step in the policy-rate level of at least this many percentage points counts (cuts are 0.25). */
export const C10_STEP = 0.2;
/** Fresh DFF prints in the rolling median that sets the level (filters month-end and holiday blips). */
export const C10_MEDIAN_PRINTS = 5;

/**
 * Counts policy-rate moves in a daily effective-rate series (percent) between two indices:
 * the level is the median of the last 5 fresh prints (a print is fresh when its observation
 * day is new); each time the level moves at least 0.20 pp away from the reference level, the
 * move counts as round(|Δ| / 0.25) cuts or hikes (at least one) and becomes the new reference.
 * The reference starts at the level at `from`. Reads values at indices ≤ `to` only.
 *
 * @example
 * // DFF 3.64 … 3.64, then 3.39 from some day on (a 25 bp cut) → { cuts: 1, hikes: 0 }
 */
export function countRateMoves(rate: Float64Array, asOf: Int32Array, from: number, to: number): { cuts: number; hikes: number; start: number; end: number } {
  const prints: number[] = [];
  let lastObs = Number.NaN;
  const take = (t: number): boolean => {
    if (Number.isNaN(rate[t]) || asOf[t] === lastObs) return false;
    lastObs = asOf[t];
    prints.push(rate[t]);
    return true;
  };
  const level = (): number => {
    const w = prints.slice(-C10_MEDIAN_PRINTS).sort((a, b) => a - b);
    return w.length ? (w[(w.length - 1) >> 1] + w[w.length >> 1]) / 2 : NaN;
  };
  // The reference level: the prints public by `from` (40 rows back is ample for 5 prints).
  for (let t = Math.max(0, from - 40); t <= from; t++) take(t);
  let ref = level();
  const start = ref;
  let cuts = 0;
  let hikes = 0;
  for (let t = from + 1; t <= to; t++) {
    if (!take(t)) continue;
    const l = level();
    if (l <= ref - C10_STEP) {
      cuts += Math.max(1, Math.round((ref - l) / 0.25));
      ref = l;
    } else if (l >= ref + C10_STEP) {
      hikes += Math.max(1, Math.round((l - ref) / 0.25));
      ref = l;
    }
  }
  return { cuts, hikes, start, end: level() };
}

/** The two parts as registered in forecasts.json (their thresholds live there only). */
const PRICED = forecastPart('C10', 'priced_at_publication');
const DELIVERED = forecastPart('C10', 'delivered_in_2026');

/** A 25 bp cut spread evenly over 2026 weighs 0.75 in the mean expected rate over the two years of DGS2 (½ · 1 + 1 · 1, over 2). */
export const C10_PRICING_WEIGHT = 0.25 * 0.75;

/**
 * Cuts in 2026 priced by the market on a day: (policy rate − 2-year yield) / (0.25 × 0.75), both
 * in percent. Assumptions, stated with the result: the 2-year yield is the mean expected
 * policy rate over its two years (no term premium; a positive premium lifts the yield and makes
 * this a lower bound), 25 bp cuts spread evenly over 2026 and none in 2027.
 *
 * @example
 * impliedCuts(3.64, 3.265); // 2 (a 37.5 bp discount is two evenly spread cuts)
 */
export function impliedCuts(policyRate: number, twoYear: number): number {
  return (policyRate - twoYear) / C10_PRICING_WEIGHT;
}

/**
 * C10 as the note states it: the market's baseline at publication was two cuts in 2026, and
 * two followed. Two parts with the pass bands registered in engine/claims/forecasts.json (any
 * other outcome fails):
 * 1. priced at publication: impliedCuts of the as-of DFF and DGS2 at the last close on or
 *    before 2026-01-19 (resolved on that day). It is a lower bound (no term premium), so it
 *    fails only above its band; below the band it does not decide;
 * 2. delivered: net cuts counted from the effective fed funds rate (DFF, continued by EFFR)
 *    after 2026-01-19 (no FOMC meeting fell between 1 and 19 January) to the end of 2026;
 *    decided early when more than two have happened or too few meetings remain.
 * Statistic: cuts delivered so far (net of hikes); the pricing is the secondary figure.
 * Verdict: supported when both pass, contradicted when either fails, pending otherwise.
 */
export const C10: Claim = {
  id: 'C10',
  title: 'Forecast: two cuts in 2026',
  text: 'Forecast: two Fed rate cuts in 2026 is the baseline.',
  kind: 'forecast',
  statistic:
    'Fed rate cuts in 2026 so far (net of hikes): steps of ≥ 20 bp in the 5-print median of the effective fed funds rate after 2026-01-19; beside it the cuts priced at publication from DFF − DGS2',
  unit: 'cuts',
  rule: `registered bands (engine/claims/forecasts.json; written after the outcomes were known, so not blind), every outcome outside a pass band fails: cuts priced at publication (DFF − DGS2)/(0.25 × 0.75) ${bandText(PRICED.pass)} (a lower bound: below the band it does not decide); net cuts delivered in 2026 ${bandText(DELIVERED.pass)}, decided early when more have happened or fewer FOMC meetings remain than cuts missing; supported when both pass, contradicted when either fails, pending otherwise`,
  evaluate: evaluateC10,
};

function evaluateC10(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const { calendar, macro, asOf } = ctx;
  const end = Math.min(window.to, calendarIndexAtOrBefore(calendar, DELIVERED.windowEnd));
  const b = ctx.articleIndex;
  const notes: string[] = [];
  const parts: PartOutcome[] = [];

  // 1. The market's pricing at publication.
  const priced = macro.DGS2 ? impliedCuts(macro.DFF[b], macro.DGS2[b]) : NaN;
  if (Number.isNaN(priced)) {
    parts.push('open');
    notes.push('priced at publication: no 2-year yield (DGS2) in the data');
  } else {
    // The measure is a lower bound (a positive term premium hides priced cuts): above the band
    // it fails, inside it passes, below it it cannot decide and the delivered part alone does.
    const undecided = priced < (PRICED.pass.min ?? -Infinity);
    const out: PartOutcome = inPassBand(priced, PRICED.pass) ? 'pass' : 'fail';
    if (!undecided) parts.push(out);
    notes.push(
      `priced at publication ${undecided ? 'undecided' : out} (pass ${bandText(PRICED.pass)}): DFF ${macro.DFF[b].toFixed(2)}% − DGS2 ${macro.DGS2![b].toFixed(2)}% on ${day(calendar[b])} → ${priced.toFixed(2)} cuts (no term premium: a lower bound${undecided ? ', so a value below the band does not decide' : ''})`,
    );
  }

  // 2. What followed. The last day with a fresh print: after it the panel only carries the last value forward.
  const dataEnd = asOf.DFF[end];
  const moves = countRateMoves(macro.DFF, asOf.DFF, b, end);
  const net = moves.cuts - moves.hikes;
  const left = FOMC_2026.filter((d) => d > dataEnd).length;
  const target = DELIVERED.pass.min ?? C10_BASELINE_CUTS;
  let delivered: PartOutcome;
  if (left === 0) delivered = inPassBand(net, DELIVERED.pass) ? 'pass' : 'fail';
  else delivered = net > target || net + left < target ? 'fail' : 'open';
  parts.push(delivered);
  notes.push(
    `delivered ${delivered} (pass ${bandText(DELIVERED.pass)}): ${moves.cuts} cut(s), ${moves.hikes} hike(s); level ${moves.start.toFixed(2)}% → ${moves.end.toFixed(2)}%`,
  );
  notes.push(left > 0 ? `year open: rate data ends ${day(dataEnd)}, ${left} FOMC meeting(s) left in 2026` : 'every 2026 meeting is in the data');
  notes.push(FORECASTS_NOTE);
  return forecastResult(ctx, window, {
    statistic: net,
    n: Math.max(0, end - b),
    verdict: partsVerdict(parts),
    thin: false,
    notes,
    fromIndex: window.from,
    toIndex: end,
    test: 'two registered parts, each pass or fail once its window has closed (no sampling test)',
    sample: `rates on ${day(calendar[b])} (pricing) and after it to ${day(DELIVERED.windowEnd)} (delivery)`,
    secondary: { label: 'cuts priced at publication (DFF − DGS2)', value: priced },
  });
}
