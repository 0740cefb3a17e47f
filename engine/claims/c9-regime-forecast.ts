import { dayOf } from '../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { day, forecastResult, weekdaysBetween } from './forecast-helpers.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow, Verdict } from './types.ts';

/** End of "the first three quarters of 2026". */
export const C9_END = dayOf(2026, 9, 30);
/** Q4 share at or below which Q4 was "unlikely". */
export const C9_SHARE_PASS = 0.15;
/** Q4 share above which the forecast failed. */
export const C9_SHARE_FAIL = 1 / 3;
/** Longest Q4 run (trading days) that still counts as "short": about a month. */
export const C9_RUN_PASS = 21;
/** A Q4 run longer than this (a quarter) contradicts "short". */
export const C9_RUN_FAIL = 63;

/**
 * C9 on the return days after 2026-01-19 up to 2026-09-30, each in the quadrant in force
 * (labels[i − 1]). Statistic: the share of those days in Q4. Supported when the Q4 share is at
 * most 15 %, the longest Q4 run at most 21 trading days, and Q2 took at least as many days as
 * Q4 (Q2 the main risk); contradicted when the Q4 share exceeds 1/3 or a Q4 run exceeds 63
 * days. While the period is not over, each condition is judged on the best and worst cases for
 * the remaining weekdays (all not Q4 / all Q4): supported or contradicted only when both agree.
 */
export const C9: Claim = {
  id: 'C9',
  title: 'Forecast: Q2 risk, Q4 rare',
  text: 'Forecast: in the short term, the main risk is a switch to Q2 (stronger dollar); Q4 is unlikely in the first three quarters of 2026 and short if it comes.',
  kind: 'forecast',
  statistic: 'share of trading days 2026-01-20 … 2026-09-30 in Q4 (quadrant in force at the previous close)',
  unit: 'fraction of days',
  rule: `supported when the Q4 share ≤ ${C9_SHARE_PASS * 100}%, the longest Q4 run ≤ ${C9_RUN_PASS} days and Q2 days ≥ Q4 days; contradicted when the Q4 share > 33% or a Q4 run > ${C9_RUN_FAIL} days; decided early only when the rest of the period cannot change it`,
  evaluate: evaluateC9,
};

function judge(q4: number, q2: number, total: number, longest: number): Verdict {
  const share = total > 0 ? q4 / total : 0;
  if (share > C9_SHARE_FAIL || longest > C9_RUN_FAIL) return 'contradicted';
  if (share <= C9_SHARE_PASS && longest <= C9_RUN_PASS && q2 >= q4) return 'supported';
  return 'inconclusive';
}

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
  // Best case for the forecast: no more Q4 (Q2 days may come). Worst case: Q4 every remaining day.
  const best = judge(counts[4], counts[2] + remaining, total + remaining, longest);
  const worst = judge(counts[4] + remaining, counts[2], total + remaining, Math.max(longest, run + remaining));
  const verdict: Verdict = best === worst ? best : best === 'contradicted' ? 'contradicted' : 'inconclusive';
  const share = (q: number): string => (total ? `${((counts[q] / total) * 100).toFixed(0)}%` : 'n/a');
  const notes = [
    `Q1 ${share(1)}, Q2 ${share(2)}, Q3 ${share(3)}, Q4 ${share(4)} of ${total} days${counts[0] ? ` (${counts[0]} unlabelled)` : ''}`,
    `${runs} Q4 spell(s), longest ${longest} days`,
  ];
  if (remaining > 0) notes.push(`period not over: data ends ${day(lastDay)}, up to ${remaining} trading days to ${day(C9_END)}`);
  return forecastResult(ctx, window, {
    statistic: total ? counts[4] / total : NaN,
    n: total,
    episodes: runs,
    verdict,
    thin: remaining > 0 || total < 60,
    notes,
    fromIndex: window.from,
    toIndex: end,
  });
}
