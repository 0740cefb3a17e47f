import type { Day } from './day.ts';
import type { Series } from './series.ts';

export interface AlignOptions {
  /**
   * Calendar days a value may be carried past its observation before the day counts as
   * missing (NaN). Prices: a few days bridge holidays, but a price that stopped is not a flat
   * one. Macro data: unlimited (the newest release stays the best knowledge). Decided from the
   * past only: a later observation never changes whether an earlier day is filled.
   */
  maxCarryDays?: number;
  /** A value whose observation is older than this many days aligns as 0 (RRP: no listing = no operation). */
  zeroAfterDays?: number;
}

export interface AlignedColumn {
  values: Float64Array;
  /** The observation day behind each value; -1 where there is none. */
  asOf: Int32Array;
}

/**
 * Puts a series on a calendar, as of availability: on calendar day d the value is the newest
 * observation (by observation day) whose availability day is ≤ d. Missing values (NaN) never
 * replace a known one. Nothing published after d can reach d, which is what makes every
 * later computation point-in-time. O(calendar + observations).
 */
export function alignAsOf(series: Series, calendar: Int32Array, options: AlignOptions): AlignedColumn {
  const n = calendar.length;
  const values = new Float64Array(n).fill(NaN);
  const asOf = new Int32Array(n).fill(-1);
  const order = availabilityOrder(series.available);
  const m = order.length;
  const maxCarry = options.maxCarryDays ?? Infinity;
  let k = 0;
  let bestDay = -1;
  let bestValue = NaN;
  for (let t = 0; t < n; t++) {
    const d: Day = calendar[t];
    while (k < m && series.available[order[k]] <= d) {
      const j = order[k++];
      const v = series.values[j];
      if (!Number.isNaN(v) && series.days[j] > bestDay) {
        bestDay = series.days[j];
        bestValue = v;
      }
    }
    if (bestDay < 0) continue;
    if (d - bestDay > maxCarry) continue;
    if (options.zeroAfterDays !== undefined && d - bestDay > options.zeroAfterDays) {
      values[t] = 0;
      asOf[t] = d;
      continue;
    }
    values[t] = bestValue;
    asOf[t] = bestDay;
  }
  return { values, asOf };
}

/** Indices of observations by availability day; the identity when already ordered (the usual case). */
function availabilityOrder(available: Int32Array): Int32Array {
  const n = available.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && available[i] < available[i - 1]) sorted = false;
  }
  if (!sorted) order.sort((a, b) => available[a] - available[b] || a - b);
  return order;
}
