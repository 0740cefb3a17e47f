import { dayParts } from '../../datasets/day.ts';
import { badArgument } from '../stats/bad-argument.ts';
import { computeMetrics } from './compute-metrics.ts';
import type { Metrics, MetricsInput } from './types.ts';

/**
 * {@link computeMetrics} for each calendar year (UTC): day i's return belongs to the year of
 * `days[i]` (the close at which it is realised), so the first return of a year is earned from
 * the previous year's last close. `input.mask`, when given, still applies. Years are the keys,
 * ascending; a year with no counted return is absent. `turnover` and `costDrag` are NaN: the
 * inputs are whole-period totals that cannot be split by year.
 *
 * @throws QuadrantError `bad-argument` as computeMetrics does.
 * @example
 * metricsByYear({ nav, days }).get(2008)?.maxDrawdown; // the 2008 drawdown, fraction
 */
export function metricsByYear(input: MetricsInput): Map<number, Metrics> {
  const { days, mask } = input;
  const n = days.length;
  if (input.nav.length !== n) throw badArgument(`metricsByYear needs days as long as nav (${input.nav.length}), got ${n}`);
  if (mask && mask.length !== n) throw badArgument(`metricsByYear needs mask as long as nav (${n}), got ${mask.length}`);
  const out = new Map<number, Metrics>();
  if (n < 2) return out;
  const years = new Int32Array(n);
  for (let i = 0; i < n; i++) years[i] = dayParts(days[i]).year;
  const yearMask = new Uint8Array(n);
  const sub: MetricsInput = { ...input, mask: yearMask, turnover: undefined, costs: undefined };
  for (let y = years[1]; y <= years[n - 1]; y++) {
    yearMask.fill(0);
    let any = false;
    for (let i = 1; i < n; i++) {
      if (years[i] === y && (!mask || mask[i] === 1)) {
        yearMask[i] = 1;
        any = true;
      }
    }
    if (any) out.set(y, computeMetrics(sub));
  }
  return out;
}
