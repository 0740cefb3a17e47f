import type { TopLevelSpec } from 'vega-lite';
import type { Day } from '../../datasets/day.ts';
import type { ValueFormat } from '../model.ts';
import { hoverLayer, timeX, frame, type Json } from './layers.ts';
import { QUADRANT_BANDS, quadrantLabel } from './palette.ts';
import { CHART_WIDTH } from './theme.ts';
import { logTicks } from './time-series.ts';
import { dayMs, hoverRows, longRows, type TimeWindow } from './time-rows.ts';

/** One stacked panel of the timeline: a line drawn over the quadrant shading. */
export interface TimelinePanel {
  label: string;
  values: ArrayLike<number>;
  log?: boolean;
  /** How values are written in hover tooltips. */
  format: ValueFormat;
  /** d3 format of the y axis labels. */
  yAxisFormat?: string;
}

export interface RegimeTimelineInput extends TimeWindow {
  /** Regime label per day of `days`: 0 = not yet known, 1..4 = Q1..Q4. */
  labels: ArrayLike<number>;
  panels: readonly TimelinePanel[];
  /** Height of each panel in px (default 170). */
  panelHeight?: number;
}

/** A run of one quadrant: shaded from its first day to the next run's first day. */
export interface RegimeBand {
  t0: number;
  t1: number;
  q: string;
}

/**
 * The runs of equal labels within the window as bands (label 0, "not yet known", is left
 * unshaded). Adjacent bands touch, so the shading has no gaps between regimes.
 */
export function regimeBands(days: ArrayLike<Day>, labels: ArrayLike<number>, from = -Infinity, to = Infinity): RegimeBand[] {
  const out: RegimeBand[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < days.length; i++) {
    if (days[i] < from) continue;
    if (days[i] > to) break;
    if (start >= 0 && labels[i] !== labels[start]) {
      if (labels[start] >= 1 && labels[start] <= 4) out.push({ t0: dayMs(days[start]), t1: dayMs(days[i]), q: quadrantLabel(labels[start]) });
      start = i;
    }
    if (start < 0) start = i;
    last = i;
  }
  if (start >= 0 && labels[start] >= 1 && labels[start] <= 4 && last > start) {
    out.push({ t0: dayMs(days[start]), t1: dayMs(days[last]), q: quadrantLabel(labels[start]) });
  }
  return out;
}

/**
 * Regime timeline: stacked panels (e.g. US large caps on a log scale, then the dollar index)
 * sharing one time axis, each shaded by quadrant with opaque colour-blind-safe tints and a
 * legend of the four quadrants; hovering shows the date, the quadrant and every panel's value.
 */
export function regimeTimelineChart(input: RegimeTimelineInput): TopLevelSpec {
  const bands = regimeBands(input.days, input.labels, input.from, input.to);
  const domain = [1, 2, 3, 4].map(quadrantLabel);
  const height = input.panelHeight ?? 170;
  const hover = hoverRows(
    input,
    input.panels.map((p) => ({ label: p.label, values: p.values, format: p.format })),
    input.panels[0]?.format ?? { style: 'number' },
    (i) => quadrantLabel(input.labels[i]),
  );
  const panels: Json[] = input.panels.map((panel, k) => {
    const last = k === input.panels.length - 1;
    const lineRows = longRows(input, [{ label: panel.label, values: panel.values }]);
    const x = (field: string) => timeX(field, last ? {} : { axis: { title: null, labels: false, ticks: false, grid: true, tickCount: 8 } });
    const colour: Json = {
      field: 'q',
      type: 'nominal',
      scale: { domain, range: QUADRANT_BANDS.slice(1) },
      legend: { title: null, columns: 2, symbolType: 'square', symbolSize: 160, symbolStrokeWidth: 0 },
    };
    return {
      width: CHART_WIDTH - 86,
      height,
      layer: [
        { data: { values: bands }, mark: { type: 'rect', aria: false }, encoding: { x: x('t0'), x2: { field: 't1' }, color: colour } },
        {
          data: { values: lineRows },
          mark: { type: 'line', aria: false, color: '#1a1a1a', strokeWidth: 1.4 },
          encoding: {
            x: x('t'),
            y: {
              field: 'v',
              type: 'quantitative',
              title: panel.label,
              scale: panel.log ? { type: 'log', nice: false, padding: 6 } : { zero: false },
              axis: { ...(panel.yAxisFormat ? { format: panel.yAxisFormat } : {}), ...(panel.log ? { values: logTicks(lineRows.map((r) => r.v)) } : {}) },
            },
          },
        },
        hoverLayer(hover),
      ],
    };
  });
  return frame({ vconcat: panels, spacing: 6, resolve: { scale: { x: 'shared' } } }, 0, { fit: false });
}
