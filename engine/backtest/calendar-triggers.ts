import { dayOf, dayParts } from '../../datasets/day.ts';
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
 * Cost: O(n) (calendar parts use one Date per day).
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
  for (const anchor of rule.calendar) {
    for (let t = 1; t < n; t++) if (anchorBetween(anchor, calendar[t - 1], calendar[t])) out[t] = 1;
  }
  return out;
}

/** Is there an anchor date in (prev, cur]? */
export function anchorBetween(anchor: CalendarAnchor, prev: number, cur: number): boolean {
  switch (anchor.kind) {
    case 'weekly':
      return countWeekday(1, prev, cur) > 0;
    case 'weekday':
      return countWeekday(anchor.weekday, prev, cur) > 0;
    case 'monthly':
    case 'quarterly':
    case 'yearly': {
      const a = dayParts(prev);
      const b = dayParts(cur);
      if (anchor.kind === 'yearly') return a.year !== b.year;
      if (anchor.kind === 'monthly') return a.year !== b.year || a.month !== b.month;
      return a.year * 4 + Math.floor((a.month - 1) / 3) !== b.year * 4 + Math.floor((b.month - 1) / 3);
    }
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
