import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from '../format.ts';
import type { ValueFormat } from '../model.ts';
import { frame } from './layers.ts';
import { DIVERGING_SCHEME } from './palette.ts';

export interface HeatmapInput {
  /** Row labels, top to bottom (e.g. asset roles). */
  rows: readonly string[];
  /** Column labels, left to right (e.g. Q1..Q4). */
  columns: readonly string[];
  /** values[r][c]; null for an empty cell (drawn grey, labelled "n/a"). */
  values: readonly (readonly (number | null)[])[];
  /** Second line of each cell's label, e.g. an interval "[-2.1%, 8.4%]" (optional). */
  sublabels?: readonly (readonly (string | null)[])[];
  /** Extra tooltip lines per cell, e.g. "n = 812 days" (optional). */
  tips?: readonly (readonly (string | null)[])[];
  format: ValueFormat;
  /** Colour scale runs from -max to +max around zero (default: the largest |value|). */
  max?: number;
  /**
   * A colour scale fitted to the values instead: from the smallest to the largest, diverging at
   * `mid` (e.g. a reference's value, so cells better than it are blue and worse orange; NaN: the middle of the range).
   */
  fitted?: { mid: number };
  legendTitle: string;
  xTitle?: string;
  yTitle?: string;
  /** Height of one row in px (default 36, or 46 with sublabels). */
  rowHeight?: number;
}

interface Cell {
  r: string;
  c: string;
  v: number | null;
  text: string;
  tip: string;
  dark: boolean;
}

/**
 * Heatmap with text labels: rows × columns of values on a diverging colour-blind-safe scale
 * centred on zero (blue up, orange down), each cell labelled with its value (and a second line
 * such as an interval). Label colour flips to white on the darkest cells.
 */
export function heatmapChart(input: HeatmapInput): TopLevelSpec {
  let max = input.max ?? 0;
  if (input.max === undefined) {
    for (const row of input.values) for (const v of row) if (v !== null && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  }
  if (!(max > 0)) max = 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of input.values) for (const v of row) if (v !== null && Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const centre = input.fitted && Number.isFinite(input.fitted.mid) ? input.fitted.mid : (lo + hi) / 2;
  const fitted = input.fitted && hi > lo ? { lo, hi, mid: Math.min(hi, Math.max(lo, centre)) } : undefined;
  // How far a value sits from the scale's middle, 0..1, for the white-on-dark labels.
  const strength = (v: number) => (fitted ? Math.abs(v - fitted.mid) / Math.max(fitted.hi - fitted.mid, fitted.mid - fitted.lo) : Math.abs(v) / max);
  const cells: Cell[] = [];
  input.rows.forEach((r, i) => {
    input.columns.forEach((c, j) => {
      const raw = input.values[i]?.[j] ?? null;
      const v = raw !== null && Number.isFinite(raw) ? raw : null;
      const sub = input.sublabels?.[i]?.[j];
      const value = v === null ? 'n/a' : formatValue(v, input.format);
      const extra = input.tips?.[i]?.[j];
      cells.push({
        r,
        c,
        v,
        text: sub ? `${value}\n${sub}` : value,
        tip: [`${r} · ${c}`, `${input.legendTitle}: ${value}`, ...(sub ? [sub] : []), ...(extra ? [extra] : [])].join('\n'),
        dark: v !== null && strength(v) > 0.62,
      });
    });
  });
  const rowHeight = input.rowHeight ?? (input.sublabels ? 46 : 36);
  const x = {
    field: 'c',
    type: 'nominal',
    sort: input.columns,
    title: input.xTitle ?? null,
    axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false },
  };
  const y = {
    field: 'r',
    type: 'nominal',
    sort: input.rows,
    title: input.yTitle ?? null,
    // The title sits level above the row labels (rotated, it would overrun a chart of few rows).
    axis: { domain: false, ticks: false, titleAngle: 0, titleAnchor: 'end', titleAlign: 'right', titleBaseline: 'bottom', titleX: 0, titleY: -6 },
  };
  return frame(
    {
      data: { values: cells },
      encoding: { x, y },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
          encoding: {
            color: {
              field: 'v',
              type: 'quantitative',
              title: input.legendTitle,
              scale: fitted
                ? { scheme: DIVERGING_SCHEME, reverse: true, domain: [fitted.lo, fitted.hi], domainMid: fitted.mid, clamp: true }
                : { scheme: DIVERGING_SCHEME, reverse: true, domain: [-max, max], domainMid: 0, clamp: true },
              legend: {
                orient: 'right',
                direction: 'vertical',
                format: legendFormat(input.format),
                gradientLength: Math.max(60, rowHeight * input.rows.length - 60),
              },
              condition: { test: 'datum.v === null', value: '#eeeeee' },
            },
            description: { field: 'tip' },
          },
        },
        {
          mark: { type: 'text', aria: false, lineBreak: '\n', fontSize: 12, lineHeight: 15 },
          encoding: {
            text: { field: 'text' },
            color: { condition: { test: 'datum.dark', value: 'white' }, value: '#111111' },
          },
        },
      ],
    },
    rowHeight * input.rows.length,
  );
}

function legendFormat(format: ValueFormat): string {
  if (format.style === 'percent') return `.${Math.max(0, (format.digits ?? 1) - 1)}%`;
  return `.${format.digits ?? 2}f`;
}
