import type { TopLevelSpec } from 'vega-lite';
import { hoverLayer, seriesEncodings, timeX, frame, type Json } from './layers.ts';
import { SERIES_COLOURS, tint } from './palette.ts';
import { hoverRows, longRows, type LineSeries, type TimeWindow } from './time-rows.ts';

export interface DrawdownChartInput extends TimeWindow {
  /** Drawdowns as fractions ≤ 0 (−0.25 = 25% below the running peak); the first is shaded. */
  series: readonly LineSeries[];
  /** Plot height in px (default 200). */
  height?: number;
}

/**
 * Drawdown chart: the first series as an opaque shaded area down from zero, the others as lines
 * on top (so no translucent overlaps). Thinning keeps each week's or month's deepest point, so
 * troughs are never lost.
 */
export function drawdownChart(input: DrawdownChartInput): TopLevelSpec {
  const labels = input.series.map((s) => s.label);
  const rows = longRows(input, input.series, 'min');
  const first = labels[0];
  const y: Json = { field: 'v', type: 'quantitative', title: 'Drawdown', axis: { format: '.0%' }, scale: { zero: true } };
  const layers: Json[] = [
    {
      data: { values: rows },
      transform: [{ filter: { field: 's', equal: first } }],
      mark: { type: 'area', aria: false, color: tint(input.series[0]?.colour ?? SERIES_COLOURS[0], 0.18), line: false },
      encoding: { x: timeX(), y, y2: { datum: 0 } },
    },
    {
      data: { values: rows },
      mark: { type: 'line', aria: false, strokeWidth: 1.2 },
      encoding: {
        x: timeX(),
        y,
        ...seriesEncodings(
          labels,
          null,
          input.series.map((s) => s.colour),
        ),
      },
    },
    hoverLayer(hoverRows(input, input.series, { style: 'percent', digits: 1 })),
  ];
  return frame({ layer: layers }, input.height ?? 200);
}
