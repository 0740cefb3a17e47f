import { dayParts } from '../../datasets/day.ts';
import { badArgument } from '../stats/bad-argument.ts';

/** The compounded return of one calendar month or year. */
export interface PeriodReturn {
  year: number;
  /** 1..12 for a month; 0 for a whole year. */
  month: number;
  /** Compounded simple return over the period's trading days, a fraction. */
  ret: number;
  /** Trading days with a return in the period (a partial first or last period has fewer). */
  days: number;
}

/**
 * Compounded returns by calendar month or year: Π(1 + rᵢ) − 1 over the days whose return falls
 * in the period (day i's return `nav[i]/nav[i−1] − 1` belongs to day i's month). The first and
 * last periods may be partial and are kept, as quantstats' `monthly_returns` keeps them.
 *
 * Cost: O(n), one civil-date split per period boundary check.
 *
 * @throws QuadrantError `bad-argument` when lengths differ or there are fewer than 2 NAVs.
 * @example
 * // NAV 100 on 2024-01-30, 110 on 2024-01-31, 99 on 2024-02-01:
 * periodReturns(nav, days, 'month'); // [{ year: 2024, month: 1, ret: 0.1, days: 1 }, { …, month: 2, ret: −0.1, days: 1 }]
 */
export function periodReturns(nav: Float64Array, days: Int32Array, period: 'month' | 'year'): PeriodReturn[] {
  const n = nav.length;
  if (n < 2 || days.length !== n) throw badArgument(`periodReturns needs at least 2 NAVs and days as long, got ${n} and ${days.length}`);
  const out: PeriodReturn[] = [];
  let key = -1;
  let startNav = nav[0];
  let count = 0;
  let year = 0;
  let month = 0;
  for (let i = 1; i < n; i++) {
    const parts = dayParts(days[i]);
    const k = period === 'month' ? parts.year * 12 + parts.month : parts.year;
    if (k !== key) {
      if (count > 0) out.push({ year, month, ret: nav[i - 1] / startNav - 1, days: count });
      key = k;
      year = parts.year;
      month = period === 'month' ? parts.month : 0;
      startNav = nav[i - 1];
      count = 0;
    }
    count++;
  }
  if (count > 0) out.push({ year, month, ret: nav[n - 1] / startNav - 1, days: count });
  return out;
}

/** The best and worst of a list of period returns (NaN-free input), or undefined when empty. */
export function bestAndWorst(periods: readonly PeriodReturn[]): { best: PeriodReturn; worst: PeriodReturn } | undefined {
  if (periods.length === 0) return undefined;
  let best = periods[0];
  let worst = periods[0];
  for (const p of periods) {
    if (p.ret > best.ret) best = p;
    if (p.ret < worst.ret) worst = p;
  }
  return { best, worst };
}
