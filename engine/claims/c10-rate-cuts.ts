import { dayOf, parseIsoDay } from '../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { day, forecastResult } from './forecast-helpers.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow, Verdict } from './types.ts';

/** The 2026 FOMC decision days (second day of each scheduled meeting), as published by the Fed. */
export const FOMC_2026: readonly number[] = ['2026-01-28', '2026-03-18', '2026-04-29', '2026-06-17', '2026-07-29', '2026-09-16', '2026-10-28', '2026-12-09'].map(parseIsoDay);

/** The forecast's baseline number of cuts. */
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

/**
 * C10: cuts in 2026 counted from the effective fed funds rate (DFF, continued by EFFR) after the
 * forecast day (no FOMC meeting fell between 1 and 19 January). Statistic: cuts so far, net of
 * hikes. Supported when the year is over with exactly two; contradicted when it is over with
 * another number, or already more than two, or too few meetings remain to reach two;
 * inconclusive (year not over) otherwise.
 */
export const C10: Claim = {
  id: 'C10',
  title: 'Forecast: two cuts in 2026',
  text: 'Forecast: two Fed rate cuts in 2026 is the baseline.',
  kind: 'forecast',
  statistic: 'Fed rate cuts in 2026 so far (net of hikes): steps of ≥ 20 bp in the 5-print median of the effective fed funds rate after 2026-01-19',
  unit: 'cuts',
  rule: 'supported when 2026 ends with exactly 2 cuts; contradicted when it ends with another number, or more than 2 have happened, or fewer FOMC meetings remain than cuts missing; otherwise inconclusive (year not over)',
  evaluate: evaluateC10,
};

function evaluateC10(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const { calendar, macro, asOf } = ctx;
  const yearEnd = dayOf(2026, 12, 31);
  const end = Math.min(window.to, calendarIndexAtOrBefore(calendar, yearEnd));
  const b = ctx.articleIndex;
  // The last day with a fresh print: after it the panel only carries the last value forward.
  const dataEnd = asOf.DFF[end];
  const moves = countRateMoves(macro.DFF, asOf.DFF, b, end);
  const net = moves.cuts - moves.hikes;
  const left = FOMC_2026.filter((d) => d > dataEnd).length;
  let verdict: Verdict;
  if (left === 0) verdict = net === C10_BASELINE_CUTS ? 'supported' : 'contradicted';
  else if (net > C10_BASELINE_CUTS || net + left < C10_BASELINE_CUTS) verdict = 'contradicted';
  else verdict = 'inconclusive';
  const notes = [
    `${moves.cuts} cut(s), ${moves.hikes} hike(s); level ${moves.start.toFixed(2)}% → ${moves.end.toFixed(2)}%`,
    left > 0 ? `year not over: rate data ends ${day(dataEnd)}, ${left} FOMC meeting(s) left in 2026` : 'every 2026 meeting is in the data',
  ];
  return forecastResult(ctx, window, {
    statistic: net,
    n: Math.max(0, end - b),
    verdict,
    thin: left > 0,
    notes,
    fromIndex: window.from,
    toIndex: end,
  });
}
