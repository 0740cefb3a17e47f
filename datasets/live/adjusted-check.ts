import type { ChartEvents } from './yahoo.ts';
import type { PriceRow } from './snapshot-format.ts';

/**
 * Checks Yahoo's dividend-adjusted closes against what the closes and the listed events imply.
 *
 * Yahoo's closes are split-adjusted only; its adjusted close multiplies every earlier price by
 * (1 − D / previous close) at each ex-dividend date D. So from day t−1 to t a total-return
 * path moves by close_t / (close_{t−1} − D_t), D_t the dividends going ex after t−1 and up to t
 * (0 on most days; a bar missing on the ex-date moves its dividend to the next bar).
 * The path rebuilt that way is compared with adj_close day by day: a day whose move differs by
 * more than the tolerance is a disagreement (a dividend missing from the events, one the
 * adjustment ignored, capital-gain distributions, which Quadrant does not request, or closes
 * that are not split-adjusted).
 */

/** Largest tolerated difference between the two day-over-day moves: 0.1% (10 bp). */
export const ADJUSTED_TOLERANCE = 0.001;

/** Dates listed in a warning before "and N more". */
const LISTED = 5;

export interface AdjustedDisagreement {
  date: string;
  /** adj_close's move over the rebuilt move, minus one. */
  difference: number;
  /** The split of that date, as "4:1", when there is one. */
  split?: string;
}

/** The rebuilt total-return path, anchored on the first adjusted close (NaN where a close is missing). */
export function rebuildTotalReturn(rows: readonly PriceRow[], events: ChartEvents): Float64Array {
  const dividends = events.dividends; // sorted by date
  const path = new Float64Array(rows.length).fill(NaN);
  let prev = -1;
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const { close, adjClose } = rows[i];
    if (!(close > 0)) continue;
    let paid = 0;
    while (k < dividends.length && dividends[k].date <= rows[i].date) {
      if (prev >= 0 && dividends[k].date > rows[prev].date) paid += dividends[k].amount;
      k++;
    }
    if (prev < 0 || Number.isNaN(path[prev])) path[i] = adjClose;
    else path[i] = (path[prev] * close) / (rows[prev].close - paid);
    prev = i;
  }
  return path;
}

/** Every day whose adjusted move disagrees with the rebuilt path by more than `tolerance`. */
export function adjustedDisagreements(rows: readonly PriceRow[], events: ChartEvents, tolerance = ADJUSTED_TOLERANCE): AdjustedDisagreement[] {
  const path = rebuildTotalReturn(rows, events);
  const splits = new Map(events.splits.map((s) => [s.date, `${s.numerator}:${s.denominator}`]));
  const out: AdjustedDisagreement[] = [];
  let prev = -1;
  for (let i = 0; i < rows.length; i++) {
    if (!(rows[i].close > 0) || !(rows[i].adjClose > 0) || Number.isNaN(path[i])) continue;
    if (prev >= 0) {
      const difference = rows[i].adjClose / rows[prev].adjClose / (path[i] / path[prev]) - 1;
      if (Math.abs(difference) > tolerance) {
        const split = splits.get(rows[i].date);
        out.push({ date: rows[i].date, difference, ...(split ? { split } : {}) });
      }
    }
    prev = i;
  }
  return out;
}

/** One warning line naming the ticker and the dates, or undefined when adj_close agrees. */
export function adjustedCloseWarning(ticker: string, rows: readonly PriceRow[], events: ChartEvents, tolerance = ADJUSTED_TOLERANCE): string | undefined {
  const found = adjustedDisagreements(rows, events, tolerance);
  if (found.length === 0) return undefined;
  const shown = found
    .slice(0, LISTED)
    .map((d) => `${d.date} by ${(d.difference * 100).toFixed(2)}%${d.split ? ` (a ${d.split} split that day: closes not split-adjusted?)` : ''}`);
  const more = found.length > LISTED ? ` and ${found.length - LISTED} more` : '';
  return (
    `${ticker}: adj_close disagrees with the closes, dividends and splits Yahoo lists on ${found.length} ` +
    `date${found.length === 1 ? '' : 's'} beyond ${(tolerance * 100).toFixed(1)}%: ${shown.join(', ')}${more}`
  );
}
