import type { TopLevelSpec } from 'vega-lite';
import { isoDay } from '../../datasets/day.ts';
import type { ValueFormat } from '../model.ts';
import { hoverLayer, seriesEncodings, timeX, frame, type Json } from './layers.ts';
import { RULE_COLOUR, SERIES_COLOURS, tint } from './palette.ts';
import { dayMs, hoverRows, longRows, type LineSeries, type TimeWindow } from './time-rows.ts';

/** A horizontal reference line with a label, e.g. reserves at $3 trillion. */
export interface ReferenceRule {
  value: number;
  /** Written above the line at its left end (may be empty). */
  label: string;
  /** Line colour (default a dark red). */
  colour?: string;
}

export interface TimeSeriesChartInput extends TimeWindow {
  series: readonly LineSeries[];
  yTitle: string;
  /** Log y scale (equity curves, growth of $1). */
  log?: boolean;
  /** d3 format of the y axis labels, e.g. ",.0f" or ".1%" (default: Vega's). */
  yAxisFormat?: string;
  /** How values are written in hover tooltips. */
  format: ValueFormat;
  rules?: readonly ReferenceRule[];
  /** Plot height in px (default 260). */
  height?: number;
  /** Start the y axis at zero (levels such as balances); ignored on log scales. */
  zero?: boolean;
  /**
   * Index of the series to emphasise among many overlapping lines: drawn wide, last (on top) and
   * in full colour, the others thin in pale tints of their colours (opaque, so the PDF prints them alike).
   */
  emphasis?: number;
}

/**
 * Multi-line time series: one coloured line per series (thinned to weeks or months for long
 * histories), optional log scale, labelled reference rules, and hover bands that list every
 * series' value for the hovered week or month.
 */
export function timeSeriesChart(input: TimeSeriesChartInput): TopLevelSpec {
  const labels = input.series.map((s) => s.label);
  const e = input.emphasis;
  const emphasised = e !== undefined && e >= 0 && e < input.series.length;
  const colours = input.series.map((s, i) => {
    const c = s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length];
    return emphasised && i !== e ? tint(c, 0.45) : c;
  });
  const rows = longRows(input, input.series);
  const y: Json = {
    field: 'v',
    type: 'quantitative',
    title: input.yTitle,
    scale: input.log ? { type: 'log', nice: false, padding: 6 } : { zero: input.zero ?? false },
    axis: { ...(input.yAxisFormat ? { format: input.yAxisFormat } : {}), ...(input.log ? { values: logTicks(rows.map((r) => r.v)) } : {}) },
  };
  const line = (values: typeof rows, width?: number): Json => ({
    data: { values },
    mark: { type: 'line', aria: false, interpolate: 'linear', ...(width ? { strokeWidth: width } : {}) },
    encoding: { x: timeX(), y, ...seriesEncodings(labels, null, colours) },
  });
  // The emphasised line is a layer of its own after the others, so it is drawn over them.
  const layers: Json[] = emphasised
    ? [
        line(
          rows.filter((r) => r.s !== labels[e]),
          1,
        ),
        line(
          rows.filter((r) => r.s === labels[e]),
          2.4,
        ),
      ]
    : [line(rows)];
  if (input.rules?.length) layers.push(...ruleLayers(input, input.rules));
  layers.push(hoverLayer(hoverRows(input, input.series, input.format)));
  return frame({ layer: layers }, input.height ?? 260);
}

/**
 * A dashed rule per reference value, labelled above its left end; the label is drawn twice,
 * first as a thick white outline, so it stays readable where a line crosses it.
 */
export function ruleLayers(window: TimeWindow, rules: readonly ReferenceRule[]): Json[] {
  const t = dayMs(firstInWindow(window));
  return rules.flatMap((r) => {
    const colour = r.colour ?? RULE_COLOUR;
    const data = { values: [{ v: r.value, label: r.label, t }] };
    const y = { field: 'v', type: 'quantitative' };
    const layers: Json[] = [{ data, mark: { type: 'rule', aria: false, color: colour, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y } }];
    if (!r.label) return layers;
    const text = { type: 'text', aria: false, align: 'left', baseline: 'bottom', dx: 4, dy: -3, fontSize: 12, fontWeight: 'bold' };
    const encoding = { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y, text: { field: 'label' } };
    layers.push({ data, mark: { ...text, color: 'white', stroke: 'white', strokeWidth: 4, strokeJoin: 'round' }, encoding });
    layers.push({ data, mark: { ...text, color: colour }, encoding });
    return layers;
  });
}

/**
 * Tick values for a log axis: the 1-2-5 sequence (…, 0.5, 1, 2, 5, 10, …) within the data's
 * range; 1-1.5-2-3-5-7 steps when it spans less than a decade; about five evenly spaced round
 * numbers when it spans less than a factor of three.
 */
export function logTicks(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  if (hi / lo < 3) {
    // Under a factor of three a log axis looks linear: evenly spaced round numbers.
    const raw = (hi - lo) / 5;
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw)!;
    const out: number[] = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(Number(t.toPrecision(6)));
    return out;
  }
  const steps = hi / lo < 10 ? [1, 1.5, 2, 3, 5, 7] : [1, 2, 5];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const s of steps) {
      const t = Number((s * 10 ** e).toPrecision(3));
      if (t >= lo && t <= hi) out.push(t);
    }
  }
  return out;
}

/** The first day of the window present in `days`. */
export function firstInWindow(window: TimeWindow): number {
  const from = window.from ?? -Infinity;
  for (let i = 0; i < window.days.length; i++) if (window.days[i] >= from) return window.days[i];
  return window.days[window.days.length - 1];
}

/** The last day of the window present in `days`. */
export function lastInWindow(window: TimeWindow): number {
  const to = window.to ?? Infinity;
  for (let i = window.days.length - 1; i >= 0; i--) if (window.days[i] <= to) return window.days[i];
  return window.days[0];
}

/** "2003-01-02 to 2026-09-14" for captions. */
export function windowText(window: TimeWindow): string {
  return `${isoDay(firstInWindow(window))} to ${isoDay(lastInWindow(window))}`;
}
