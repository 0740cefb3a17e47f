import type { Day } from '../../datasets/day.ts';

/** Calendar periods a daily series can be thinned to. */
export type Period = 'day' | 'week' | 'month' | 'quarter';

const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter'];

/**
 * Bucket number of a day: weeks run Monday to Sunday (1970-01-01 was a Thursday, so day + 3
 * counts from a Monday); months and quarters are UTC calendar months (H. Hinnant's
 * civil_from_days, no Date objects).
 */
export function periodKey(day: Day, period: Period): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7);
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const month = y * 12 + (m - 1);
  return period === 'month' ? month : Math.floor(month / 3);
}

/** Runs of consecutive days sharing a period: index ranges [start[k], end[k]] into `days`. */
export interface Buckets {
  period: Period;
  start: Int32Array;
  end: Int32Array;
}

/**
 * Groups the days within [from, to] into periods. `days` must be ascending. The finest period
 * giving at most `maxPoints` buckets is used unless `period` is given.
 */
export function makeBuckets(days: ArrayLike<Day>, options: { from?: Day; to?: Day; maxPoints?: number; period?: Period } = {}): Buckets {
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  let lo = 0;
  while (lo < days.length && days[lo] < from) lo++;
  let hi = days.length - 1;
  while (hi >= lo && days[hi] > to) hi--;
  const candidates = options.period ? [options.period] : PERIODS;
  const maxPoints = options.maxPoints ?? 2000;
  for (let p = 0; p < candidates.length; p++) {
    const period = candidates[p];
    let count = 0;
    let prev = NaN;
    for (let i = lo; i <= hi; i++) {
      const key = periodKey(days[i], period);
      if (key !== prev) count++;
      prev = key;
    }
    if (count > maxPoints && p < candidates.length - 1) continue;
    const start = new Int32Array(count);
    const end = new Int32Array(count);
    let k = -1;
    prev = NaN;
    for (let i = lo; i <= hi; i++) {
      const key = periodKey(days[i], period);
      if (key !== prev) start[++k] = i;
      end[k] = i;
      prev = key;
    }
    return { period, start, end };
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/**
 * One value per bucket: `last` takes the last non-NaN value of the bucket (a level such as a
 * price or a balance), `min` the smallest (keeps drawdown troughs), `max` the largest. A bucket
 * without any value gives NaN.
 */
export function reduceBuckets(values: ArrayLike<number>, buckets: Buckets, reduce: 'last' | 'min' | 'max' = 'last'): Float64Array {
  const out = new Float64Array(buckets.start.length);
  for (let k = 0; k < out.length; k++) {
    let acc = NaN;
    for (let i = buckets.start[k]; i <= buckets.end[k]; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (reduce === 'last' || Number.isNaN(acc) || (reduce === 'min' ? v < acc : v > acc)) acc = v;
    }
    out[k] = acc;
  }
  return out;
}
