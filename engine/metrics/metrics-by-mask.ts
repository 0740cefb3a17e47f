import { badArgument } from '../stats/bad-argument.ts';
import { computeMetrics } from './compute-metrics.ts';
import type { Metrics, MetricsInput } from './types.ts';

/**
 * {@link computeMetrics} for each label value, e.g. per macro quadrant (labels 1…4).
 *
 * Timing convention (no look-ahead): day i's return `nav[i]/nav[i−1] − 1` counts for value v
 * when `labels[i − 1] === v` — the label known at the PREVIOUS close, i.e. the regime in force
 * while the return was earned. The last label is therefore never used. `input.mask`, when
 * given, still applies (both must agree). Every requested value gets an entry, in the order
 * given; a value never in force gets `days = 0` and NaN figures. `turnover` and `costDrag` are
 * NaN: the inputs are whole-period totals that cannot be split by label.
 *
 * @param labels one label per day, as long as `nav`; labels[i] = regime decided at close i.
 * @param values the label values to report.
 * @throws QuadrantError `bad-argument` when `labels` is not as long as `nav`, and as computeMetrics does.
 * @example
 * const byQuadrant = metricsByMask({ nav, days, riskFree }, quadrantLabels, [1, 2, 3, 4]);
 * byQuadrant.get(3)?.sharpe; // annualised Sharpe earned while quadrant 3 was in force
 */
export function metricsByMask(input: MetricsInput, labels: Uint8Array, values: number[]): Map<number, Metrics> {
  const n = input.nav.length;
  const { mask } = input;
  if (labels.length !== n) throw badArgument(`metricsByMask needs labels as long as nav (${n}), got ${labels.length}`);
  if (mask && mask.length !== n) throw badArgument(`metricsByMask needs mask as long as nav (${n}), got ${mask.length}`);
  const labelMask = new Uint8Array(n);
  const sub: MetricsInput = { ...input, mask: labelMask, turnover: undefined, costs: undefined };
  const out = new Map<number, Metrics>();
  for (const v of values) {
    labelMask.fill(0);
    for (let i = 1; i < n; i++) {
      if (labels[i - 1] === v && (!mask || mask[i] === 1)) labelMask[i] = 1;
    }
    out.set(v, computeMetrics(sub));
  }
  return out;
}
