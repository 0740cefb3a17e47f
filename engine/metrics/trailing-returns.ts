import { dayOf, dayParts } from '../../datasets/day.ts';
import { badArgument } from '../stats/bad-argument.ts';

/** A trailing return over the last `years` calendar years to the last day. */
export interface TrailingReturn {
  years: number;
  /** Annualised: (NAV_end / NAV_start)^(1/years) − 1; for one year, the plain return. NaN when the history is shorter. */
  annualised: number;
}

/**
 * Trailing 1-, 3-, 5- and 10-year returns to the last NAV, annualised over calendar years (as
 * Portfolio Visualizer reports them): the start is the last close on or before the same
 * calendar date `years` earlier (29 February falls back to the 28th). NaN when the path starts
 * after that date.
 *
 * @throws QuadrantError `bad-argument` when lengths differ or there are fewer than 2 NAVs.
 * @example
 * // NAV 100 on 2020-06-30 and 121 on 2022-06-30: 2-year trailing annualised return 10%.
 */
export function trailingReturns(nav: Float64Array, days: Int32Array, horizons: readonly number[] = [1, 3, 5, 10]): TrailingReturn[] {
  const n = nav.length;
  if (n < 2 || days.length !== n) throw badArgument(`trailingReturns needs at least 2 NAVs and days as long, got ${n} and ${days.length}`);
  const end = dayParts(days[n - 1]);
  return horizons.map((years) => {
    const date = end.month === 2 && end.date === 29 ? 28 : end.date;
    const from = dayOf(end.year - years, end.month, date);
    if (days[0] > from) return { years, annualised: NaN };
    let i = n - 1;
    while (i > 0 && days[i] > from) i--;
    return { years, annualised: (nav[n - 1] / nav[i]) ** (1 / years) - 1 };
  });
}
