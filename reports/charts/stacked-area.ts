import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from '../format.ts';
import { frame, hoverLayer, seriesEncodings, timeX, type Json } from './layers.ts';
import { hoverRows, longRows, type LineSeries, type TimeWindow } from './time-rows.ts';

export interface StackedAreaChartInput extends TimeWindow {
  /** Shares stacked bottom to top in this order (e.g. portfolio weights, summing to about 1). */
  series: readonly LineSeries[];
  yTitle: string;
  /** Plot height in px (default 220). */
  height?: number;
}

/**
 * Stacked areas of shares over time (portfolio weights): each series thinned to the last value
 * of its week or month, stacked in the given order with its own colour, a 0–100% axis, and
 * hover bands listing every share held that week (shares of zero left out of the tooltip).
 */
export function stackedAreaChart(input: StackedAreaChartInput): TopLevelSpec {
  const labels = input.series.map((s) => s.label);
  const order = new Map(labels.map((l, i) => [l, i]));
  const rows = longRows(input, input.series).map((r) => ({ ...r, o: order.get(r.s) ?? 0 }));
  const percent = { style: 'percent', digits: 0 } as const;
  const hover = hoverRows(input, input.series, percent).map((h) => ({
    ...h,
    tip: h.tip
      .split('\n')
      .filter((line, i) => i === 0 || !line.endsWith(`: ${formatValue(0, percent)}`))
      .join('\n'),
  }));
  const layers: Json[] = [
    {
      data: { values: rows },
      mark: { type: 'area', aria: false, interpolate: 'step-after', line: false },
      encoding: {
        x: timeX(),
        y: {
          field: 'v',
          type: 'quantitative',
          stack: 'zero',
          title: input.yTitle,
          axis: { format: '.0%' },
          scale: { domain: [0, 1], nice: false, clamp: true },
        },
        order: { field: 'o', type: 'quantitative' },
        ...seriesEncodings(
          labels,
          null,
          input.series.map((s) => s.colour),
        ),
      },
    },
    hoverLayer(hover),
  ];
  const spec = frame({ layer: layers }, input.height ?? 220) as Json;
  // Legend swatches as filled squares (areas), not strokes.
  spec.layer[0].encoding.color.legend = { ...spec.layer[0].encoding.color.legend, symbolType: 'square', columns: 5 };
  return spec as TopLevelSpec;
}
