import { dayOf, dayParts, monthKey, monthKeys, nextMonthStart } from '../../datasets/day.ts';
import type { CalendarAnchor, RebalanceRule } from './rebalance-rule.ts';

/**
 * The days a rule's calendar and regime parts ask for a rebalance: `out[t] = 1` when the
 * decision at the close of day t should trade. Drift and `change` depend on the portfolio and
 * are checked inside the replay.
 *
 * Timing: a calendar trigger falls on the first trading day t whose interval
 * (calendar[t−1], calendar[t]] contains an anchor date (a Monday, the 1st of a month, …); the
 * trading calendar is known in advance, so this never reads data after t. A regime trigger
 * falls on t when `labels[t] !== labels[t−1]` and both are non-zero (labels at t are known at
 * t's close). Day 0 never triggers (the first target is traded anyway).
 *
 * A month-end trigger falls on the last trading day of a month: the next day of the trading
 * calendar (known in advance) is in another month; the last day of the calendar never triggers.
 *
 * Cost: O(n) integer comparisons (a monthKey per month, no Date).
 */
export function ruleTriggers(rule: RebalanceRule, calendar: Int32Array, labels?: Uint8Array): Uint8Array {
  const n = calendar.length;
  const out = new Uint8Array(n);
  if (rule.daily) {
    out.fill(1, 1);
    return out;
  }
  if (rule.regime && labels) {
    for (let t = 1; t < n; t++) if (labels[t] !== labels[t - 1] && labels[t] !== 0 && labels[t - 1] !== 0) out[t] = 1;
  }
  let months: Int32Array | undefined;
  for (const anchor of rule.calendar) {
    if (anchor.kind === 'month-end' || anchor.kind === 'monthly') {
      // Day t + 1 is in a later month than day t when it falls on or after the 1st of the month
      // after t's (the calendar is sorted): one comparison per day, the boundary once a month.
      const last = anchor.kind === 'month-end' ? 0 : 1; // mark t (month-end) or t + 1 (the 1st)
      let next = -Infinity;
      for (let t = 0; t < n - 1; t++) {
        if (calendar[t] >= next) next = nextMonthStart(calendar[t]);
        if (calendar[t + 1] >= next && t + last >= 1) out[t + last] = 1;
      }
    } else if (anchor.kind === 'quarterly' || anchor.kind === 'yearly') {
      months ??= monthKeys(calendar);
      const per = anchor.kind === 'quarterly' ? 3 : 12;
      for (let t = 1; t < n; t++) if (Math.floor(months[t] / per) !== Math.floor(months[t - 1] / per)) out[t] = 1;
    } else for (let t = 1; t < n; t++) if (anchorBetween(anchor, calendar[t - 1], calendar[t])) out[t] = 1;
  }
  return out;
}

/** Is there an anchor date in (prev, cur]? (`month-end` is not an interval rule: see ruleTriggers.) */
export function anchorBetween(anchor: CalendarAnchor, prev: number, cur: number): boolean {
  switch (anchor.kind) {
    case 'weekly':
      return countWeekday(1, prev, cur) > 0;
    case 'weekday':
      return countWeekday(anchor.weekday, prev, cur) > 0;
    case 'monthly':
      return monthKey(prev) !== monthKey(cur);
    case 'quarterly':
      return Math.floor(monthKey(prev) / 3) !== Math.floor(monthKey(cur) / 3);
    case 'yearly':
      return Math.floor(monthKey(prev) / 12) !== Math.floor(monthKey(cur) / 12);
    case 'month-end':
      // The last trading day of a month: the next trading day (known in advance) is in another.
      return false;
    case 'monthday': {
      // The anchors of prev's month and cur's month cover any gap shorter than a month.
      const a = dayParts(prev);
      const b = dayParts(cur);
      const inA = monthAnchor(a.year, a.month, anchor.date);
      const inB = monthAnchor(b.year, b.month, anchor.date);
      return (inA > prev && inA <= cur) || (inB > prev && inB <= cur);
    }
  }
}

/** How many days with weekday w (0 = Sunday) lie in (prev, cur]. 1970-01-04 (day 3) was a Sunday. */
function countWeekday(w: number, prev: number, cur: number): number {
  const a = 3 + w;
  return Math.floor((cur - a) / 7) - Math.floor((prev - a) / 7);
}

function monthAnchor(year: number, month: number, date: number): number {
  const last = dayOf(year, month + 1, 0);
  return Math.min(dayOf(year, month, date), last);
}
