import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from '../format.ts';
import type { ValueFormat } from '../model.ts';
import { frame, type Json } from './layers.ts';
import { SERIES_COLOURS } from './palette.ts';

export interface Bar {
  label: string;
  value: number;
  /** Interval drawn as a whisker (e.g. a bootstrap 90% interval). */
  low?: number;
  high?: number;
  /** Extra tooltip line. */
  tip?: string;
}

export interface BarChartInput {
  bars: readonly Bar[];
  format: ValueFormat;
  /** d3 format of the value axis, e.g. ".0%". */
  axisFormat?: string;
  valueTitle: string;
  /** Bar height in px (default 24). */
  barHeight?: number;
}

/** Up bars blue, down bars orange (the Okabe-Ito pair, readable by colour-blind readers). */
const UP = SERIES_COLOURS[1];
const DOWN = SERIES_COLOURS[2];

/**
 * Horizontal bar chart, one bar per label in the given order, coloured by sign, with optional
 * interval whiskers and the value written at the end of each bar.
 */
export function barChart(input: BarChartInput): TopLevelSpec {
  const rows = input.bars.map((b) => ({
    label: b.label,
    v: Number.isFinite(b.value) ? b.value : null,
    lo: b.low ?? null,
    hi: b.high ?? null,
    text: formatValue(b.value, input.format),
    tip: [
      b.label,
      `${input.valueTitle}: ${formatValue(b.value, input.format)}`,
      ...(b.low !== undefined && b.high !== undefined ? [`interval: ${formatValue(b.low, input.format)} to ${formatValue(b.high, input.format)}`] : []),
      ...(b.tip ? [b.tip] : []),
    ].join('\n'),
  }));
  const labels = input.bars.map((b) => b.label);
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: { ticks: false, domain: false } };
  const x: Json = { field: 'v', type: 'quantitative', title: input.valueTitle, axis: input.axisFormat ? { format: input.axisFormat } : {} };
  const layers: Json[] = [
    {
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y,
        x,
        color: { condition: { test: 'datum.v < 0', value: DOWN }, value: UP },
        description: { field: 'tip' },
      },
    },
  ];
  if (input.bars.some((b) => b.low !== undefined && b.high !== undefined)) {
    layers.push({
      transform: [{ filter: 'datum.lo !== null && datum.hi !== null' }],
      mark: { type: 'rule', aria: false, color: '#333333', strokeWidth: 1.5 },
      encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
    });
  }
  // Value labels at the end of each bar: right of positive bars, left of negative ones.
  for (const positive of [true, false]) {
    layers.push({
      transform: [{ filter: positive ? 'datum.v >= 0' : 'datum.v < 0' }],
      mark: { type: 'text', aria: false, fontSize: 11, dx: positive ? 4 : -4, align: positive ? 'left' : 'right', baseline: 'middle', color: '#111111' },
      encoding: { y, x: { field: 'v', type: 'quantitative' }, text: { field: 'text' } },
    });
  }
  return frame({ data: { values: rows }, layer: layers }, (input.barHeight ?? 24) * input.bars.length);
}
