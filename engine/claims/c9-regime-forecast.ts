import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { bandText, FORECASTS_NOTE, forecastPart, inPassBand } from './forecast-registry.ts';
import { day, forecastResult, partsVerdict, weekdaysBetween, type PartOutcome } from './forecast-helpers.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';

/** The three parts as registered in forecasts.json (their thresholds live there only). */
const SHARE = forecastPart('C9', 'q4_share');
const RUN = forecastPart('C9', 'q4_longest_run');
const Q2 = forecastPart('C9', 'q2_main_risk');

/** End of "the first three quarters of 2026". */
export const C9_END = SHARE.windowEnd;

/**
 * C9 on the return days after 2026-01-19 up to 2026-09-30, each in the quadrant in force
 * (labels[i − 1]). Statistic: the share of those days in Q4. Three parts with the pass bands
 * registered in engine/claims/forecasts.json (any other outcome fails): the Q4 share, the
 * longest Q4 run, and Q2 days minus Q4 days. While the period is open, a part is decided only
 * when the best and worst cases for the remaining weekdays and the unlabelled (stale) days
 * (all not Q4 / all Q4) agree;
 * otherwise it is open. Verdict: supported when all pass, contradicted when any fails, pending
 * while any is open.
 */
export const C9: Claim = {
  id: 'C9',
  title: 'Forecast: Q2 risk, Q4 rare',
  text: 'Forecast: in the short term, the main risk is a switch to Q2 (stronger dollar); Q4 is unlikely in the first three quarters of 2026 and short if it comes.',
  kind: 'forecast',
  statistic: `share of trading days 2026-01-20 … ${day(C9_END)} in Q4 (quadrant in force at the previous close)`,
  unit: 'fraction of days',
  rule: `registered bands (engine/claims/forecasts.json; written after the outcomes were known, so not blind), every outcome outside a pass band fails: Q4 share ${bandText(SHARE.pass)}, longest Q4 run ${bandText(RUN.pass)} days, Q2 days − Q4 days ${bandText(Q2.pass)}; supported when all pass, contradicted when any fails; decided before ${day(C9_END)} only when the rest of the period cannot change a part, pending otherwise`,
  evaluate: evaluateC9,
};

function evaluateC9(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const { calendar, labels } = ctx;
  const end = Math.min(window.to, calendarIndexAtOrBefore(calendar, C9_END));
  const counts = [0, 0, 0, 0, 0];
  let run = 0;
  let longest = 0;
  let runs = 0;
  for (let i = window.from; i <= end; i++) {
    const q = labels[i - 1];
    counts[q <= 4 ? q : 0]++;
    if (q === 4) {
      if (run === 0) runs++;
      run++;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  const total = Math.max(0, end - window.from + 1);
  const lastDay = end >= window.from ? calendar[end] : ctx.articleDay;
  const remaining = lastDay < C9_END ? weekdaysBetween(lastDay, C9_END) : 0;
  // Each part under the best case for the forecast (no more Q4, Q2 every remaining day) and the worst (Q4 every remaining day).
  const part = (best: number, worst: number, band: typeof SHARE.pass): PartOutcome => {
    const b = inPassBand(best, band);
    const w = inPassBand(worst, band);
    return b && w ? 'pass' : !b && !w ? 'fail' : 'open';
  };
  // Days whose quadrant is not known (unlabelled: stale inputs) could be any quadrant, like the
  // days still to come; a worst-case Q4 run is bounded by joining every one of them to the longest.
  const unknown = remaining + counts[0];
  const all = total + remaining;
  const parts: PartOutcome[] = [
    part(all ? counts[4] / all : 0, all ? (counts[4] + unknown) / all : 0, SHARE.pass),
    part(longest, counts[0] ? longest + unknown : Math.max(longest, run + remaining), RUN.pass),
    part(counts[2] + unknown - counts[4], counts[2] - counts[4] - unknown, Q2.pass),
  ];
  const share = (q: number): string => (total ? `${((counts[q] / total) * 100).toFixed(0)}%` : 'n/a');
  const notes = [
    `Q1 ${share(1)}, Q2 ${share(2)}, Q3 ${share(3)}, Q4 ${share(4)} of ${total} days${counts[0] ? ` (${counts[0]} unlabelled)` : ''}`,
    `${runs} Q4 spell(s), longest ${longest} days`,
    `parts: Q4 share ${parts[0]} (pass ${bandText(SHARE.pass)}), longest Q4 run ${parts[1]} (pass ${bandText(RUN.pass)}), Q2 − Q4 days ${parts[2]} (pass ${bandText(Q2.pass)})`,
  ];
  if (remaining > 0) notes.push(`period open: data ends ${day(lastDay)}, up to ${remaining} trading days to ${day(C9_END)}`);
  notes.push(FORECASTS_NOTE);
  return forecastResult(ctx, window, {
    statistic: total ? counts[4] / total : NaN,
    n: total,
    episodes: runs,
    verdict: partsVerdict(parts),
    thin: total < 60,
    notes,
    fromIndex: window.from,
    toIndex: end,
    test: 'three registered parts, each pass or fail once the period has closed or the rest of it cannot change the part (no sampling test)',
    sample: `return days ${day(ctx.articleDay)} (exclusive) … ${day(C9_END)}`,
  });
}
