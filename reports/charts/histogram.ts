import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from '../format.ts';
import type { ValueFormat } from '../model.ts';
import { frame, type Json } from './layers.ts';
import { RULE_COLOUR, SERIES_COLOURS } from './palette.ts';

/** Counts of values in equal bins, computed in the report so the chart carries no raw data. */
export interface Histogram {
  /** Left edge of the first bin and the bin width. */
  start: number;
  width: number;
  counts: number[];
  /** Values below the first bin and above the last (drawn into the end bins, said in the tip). */
  below: number;
  above: number;
  total: number;
}

/**
 * Bins finite values into `bins` equal bins spanning [lo, hi]; values outside go to the end bins
 * (counted in `below` / `above` too). A value on an inner edge belongs to the bin on its right.
 * NaN is skipped.
 */
export function binValues(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    total++;
    // A value within a billionth of a bin of an edge is on it (0.36 − 0.12 is 11.999… bins of 0.02).
    let k = Math.floor((v - lo) / width + 1e-9);
    if (k < 0) {
      below++;
      k = 0;
    } else if (k >= bins) {
      if (v > hi) above++;
      k = bins - 1;
    }
    counts[k]++;
  }
  return { start: lo, width, counts, below, above, total };
}

export interface HistogramChartInput {
  histogram: Histogram;
  format: ValueFormat;
  /** d3 format of the x axis, e.g. ".0%". */
  axisFormat?: string;
  xTitle: string;
  /** Vertical marker lines with a label (e.g. VaR 95%). */
  /** `side`: where the label sits, left or right of its line (default left). */
  markers?: readonly { value: number; label: string; side?: 'left' | 'right' }[];
  /** Plot height in px (default 180). */
  height?: number;
  /** What one value is, for the tips and the y axis (default "day": "Share of days"). */
  unit?: { one: string; many: string };
}

/** Vertical bars of bin counts as shares of all values, with labelled vertical markers. */
export function histogramChart(input: HistogramChartInput): TopLevelSpec {
  const h = input.histogram;
  const last = h.counts.length - 1;
  const unit = input.unit ?? { one: 'day', many: 'days' };
  const rows = h.counts.map((count, k) => {
    const x0 = h.start + k * h.width;
    const x1 = x0 + h.width;
    const range = `${formatValue(x0, input.format)} to ${formatValue(x1, input.format)}`;
    const extra = k === 0 && h.below ? ` (incl. ${h.below} below)` : k === last && h.above ? ` (incl. ${h.above} above)` : '';
    return {
      x0,
      x1,
      share: h.total ? count / h.total : 0,
      tip: `${range}\n${count} ${count === 1 ? unit.one : unit.many}${extra}, ${formatValue(h.total ? count / h.total : 0, { style: 'percent', digits: 1 })}`,
    };
  });
  const x: Json = {
    field: 'x0',
    type: 'quantitative',
    title: input.xTitle,
    scale: { domain: [h.start, h.start + h.width * h.counts.length], nice: false },
    axis: input.axisFormat ? { format: input.axisFormat } : {},
  };
  // Headroom above the tallest bar for the markers' labels, which sit at the top.
  const top = Math.max(...rows.map((r) => r.share));
  const y: Json = {
    field: 'share',
    type: 'quantitative',
    title: `Share of ${unit.many}`,
    axis: { format: '.0%' },
    ...(input.markers?.length && top > 0 ? { scale: { domainMax: top * 1.2 } } : {}),
  };
  const layers: Json[] = [
    {
      data: { values: rows },
      mark: { type: 'rect', color: SERIES_COLOURS[1], stroke: 'white', strokeWidth: 0.5 },
      encoding: { x, x2: { field: 'x1' }, y, description: { field: 'tip' } },
    },
  ];
  if (input.markers?.length) {
    const marks = input.markers.map((m) => ({ x0: m.value, label: m.label, right: m.side === 'right' }));
    layers.push(
      {
        data: { values: marks },
        mark: { type: 'rule', aria: false, color: RULE_COLOUR, strokeDash: [4, 3] },
        encoding: { x: { field: 'x0', type: 'quantitative' } },
      },
      // Each label twice, first as a white outline, so it stays readable where it crosses a bar.
      ...[false, true].flatMap((right) =>
        [{ color: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round' }, { color: RULE_COLOUR }].map((paint) => ({
          data: { values: marks },
          transform: [{ filter: right ? 'datum.right' : '!datum.right' }],
          mark: { type: 'text', aria: false, ...paint, align: right ? 'left' : 'right', dx: right ? 3 : -3, baseline: 'top', y: 2, fontSize: 11 },
          encoding: { x: { field: 'x0', type: 'quantitative' }, text: { field: 'label' } },
        })),
      ),
    );
  }
  // A bin of a handful among thousands is under a pixel tall: a line on the axis under every
  // bin that holds any value shows how far the tails reach.
  layers.push({
    data: { values: rows.filter((r) => r.share > 0) },
    mark: { type: 'rule', aria: false, color: SERIES_COLOURS[1], strokeWidth: 2 },
    encoding: { x: { field: 'x0', type: 'quantitative' }, x2: { field: 'x1' }, y: { datum: 0 } },
  });
  return frame({ layer: layers }, input.height ?? 180);
}
