import type { TopLevelSpec } from 'vega-lite';
import type { ValueFormat } from '../model.ts';
import { frame, hoverLayer, timeX, type Json } from './layers.ts';
import { SERIES_COLOURS, tint } from './palette.ts';
import { CHART_WIDTH } from './theme.ts';
import { hoverRows, longRows, type LineSeries, type TimeWindow } from './time-rows.ts';

export interface SmallMultiplesInput extends TimeWindow {
  series: readonly LineSeries[];
  /** How values are written in hover tooltips. */
  format: ValueFormat;
  /** d3 format of the y axis labels. */
  yAxisFormat?: string;
  /** Index of the series to emphasise: its own panel drawn bold, and a pale copy behind every other panel to compare with. */
  emphasis?: number;
  /** A value drawn as a grey rule in every panel (e.g. 0). */
  rule?: number;
  /** Height of each panel in px (default 64). */
  panelHeight?: number;
}

/**
 * Small multiples of time series: one panel per series, stacked on one time axis with one
 * y scale for all (fitted to every series' values), so levels compare across panels as well as
 * within. The emphasised series gets a bold line in its own panel and a pale line behind the
 * others, so each panel reads against it; hovering shows the panel's value (and the emphasised
 * one's) for the hovered week or month.
 */
export function smallMultiplesChart(input: SmallMultiplesInput): TopLevelSpec {
  const e = input.emphasis !== undefined && input.emphasis >= 0 && input.emphasis < input.series.length ? input.emphasis : -1;
  // A panel is about 650 px wide and 64 high: 600 points a line and 120 hover bands a panel are
  // below what it can show, and keep seven panels (thirteen lines) about as light as one chart.
  const thinned = { ...input, maxPoints: Math.min(input.maxPoints ?? 2000, 600), maxHover: Math.min(input.maxHover ?? 420, 120) };
  const rows = input.series.map((s) => longRows(thinned, [s]));
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...rows.flatMap((list) => list.map((r) => r.v)), ...(input.rule !== undefined ? [input.rule] : [])]) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const domain = Number.isFinite(lo) ? [lo, hi] : [0, 1];
  const height = input.panelHeight ?? 64;
  const last = input.series.length - 1;
  const panels: Json[] = input.series.map((s, k) => {
    const colour = s.colour ?? SERIES_COLOURS[k % SERIES_COLOURS.length];
    const x = timeX('t', k === last ? {} : { axis: { title: null, labels: false, ticks: false, grid: true, tickCount: 8 } });
    const y: Json = {
      field: 'v',
      type: 'quantitative',
      title: null,
      scale: { domain, nice: true, zero: false },
      axis: { tickCount: 3, ...(input.yAxisFormat ? { format: input.yAxisFormat } : {}) },
    };
    const layers: Json[] = [];
    if (e >= 0 && k !== e) {
      const ref = input.series[e];
      layers.push({
        data: { values: rows[e] },
        mark: { type: 'line', aria: false, color: tint(ref.colour ?? SERIES_COLOURS[e % SERIES_COLOURS.length], 0.3), strokeWidth: 1.2 },
        encoding: { x, y },
      });
    }
    if (input.rule !== undefined)
      layers.push({ data: { values: [{ v: input.rule }] }, mark: { type: 'rule', aria: false, color: '#777777', strokeDash: [4, 3] }, encoding: { y } });
    layers.push({
      data: { values: rows[k] },
      mark: { type: 'line', aria: false, color: colour, strokeWidth: k === e ? 2.2 : 1.4 },
      encoding: { x, y },
    });
    layers.push(hoverLayer(hoverRows(thinned, e >= 0 && k !== e ? [s, input.series[e]] : [s], input.format)));
    return {
      width: CHART_WIDTH - 70,
      height,
      title: { text: s.label, fontSize: 12, fontWeight: k === e ? 'bold' : 'normal', color: k === e ? '#1a1a1a' : '#333333', offset: 2 },
      layer: layers,
    };
  });
  return frame({ vconcat: panels, spacing: 8, resolve: { scale: { x: 'shared' } } }, 0, { fit: false });
}
