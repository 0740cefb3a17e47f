import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from '../format.ts';
import type { ValueFormat } from '../model.ts';
import { frame, HOVER_LAYER, seriesEncodings, type Json } from './layers.ts';
import { round6 } from './time-rows.ts';

export interface EventPathInput {
  /** One line per series: values[k] at event day k (0 = the base close); NaN ends the line. */
  series: readonly { label: string; values: ArrayLike<number>; colour?: string }[];
  xTitle: string;
  yTitle: string;
  /** d3 format of the y axis, e.g. ".0%". */
  yAxisFormat?: string;
  format: ValueFormat;
  height?: number;
}

/**
 * Lines over event time (trading days since a base day) rather than dates, for comparing
 * episodes side by side; hover bands every few days list each line's value.
 */
export function eventPathChart(input: EventPathInput): TopLevelSpec {
  const labels = input.series.map((s) => s.label);
  const length = Math.max(0, ...input.series.map((s) => s.values.length));
  const rows: { k: number; s: string; v: number }[] = [];
  for (const s of input.series)
    for (let k = 0; k < s.values.length; k++) if (Number.isFinite(s.values[k])) rows.push({ k, s: s.label, v: round6(s.values[k]) });
  const step = Math.max(1, Math.ceil(length / 120));
  const hover: { k0: number; k1: number; tip: string }[] = [];
  for (let k = 0; k < length; k += step) {
    const at = Math.min(length - 1, k + step - 1);
    hover.push({
      k0: k,
      k1: k + step,
      tip: [`day ${at}`, ...input.series.map((s) => `${s.label}: ${formatValue(at < s.values.length ? s.values[at] : NaN, input.format)}`)].join('\n'),
    });
  }
  const x: Json = { field: 'k', type: 'quantitative', title: input.xTitle, scale: { domain: [0, Math.max(1, length - 1)], nice: false } };
  const layers: Json[] = [
    {
      data: { values: rows },
      mark: { type: 'line', aria: false },
      encoding: {
        x,
        y: { field: 'v', type: 'quantitative', title: input.yTitle, axis: input.yAxisFormat ? { format: input.yAxisFormat } : {} },
        ...seriesEncodings(
          labels,
          null,
          input.series.map((s) => s.colour),
        ),
      },
    },
    {
      data: { values: [{ v: 0 }] },
      mark: { type: 'rule', aria: false, color: '#777777', strokeDash: [4, 3] },
      encoding: { y: { field: 'v', type: 'quantitative' } },
    },
    {
      name: HOVER_LAYER,
      data: { values: hover },
      mark: { type: 'rect', fill: '#000000', opacity: 0 },
      encoding: { x: { field: 'k0', type: 'quantitative' }, x2: { field: 'k1' }, description: { field: 'tip' } },
    },
  ];
  return frame({ layer: layers }, input.height ?? 240);
}
