import { isoDay, type Day } from '../../datasets/day.ts';
import { formatValue } from '../format.ts';
import type { ValueFormat } from '../model.ts';
import { makeBuckets, reduceBuckets, type Buckets } from './downsample.ts';

const MS_PER_DAY = 86_400_000;

/** One line of a time-series chart: values on the same days as the chart's `days`. */
export interface LineSeries {
  /** Legend and tooltip label. */
  label: string;
  values: ArrayLike<number>;
  /** How this series' values are written in tooltips (default: the chart's format). */
  format?: ValueFormat;
  /** Line colour (default: the palette colour of its position), to keep one colour per series across charts. */
  colour?: string;
}

/** The time axis every time chart shares: ascending days, an optional window, a point budget. */
export interface TimeWindow {
  days: ArrayLike<Day>;
  /** First and last day drawn (default: all). */
  from?: Day;
  to?: Day;
  /** Most points per line; daily data is thinned to weeks or months to fit (default 2000). */
  maxPoints?: number;
  /** Most hover targets (vertical bands with a tooltip) across the chart (default 420). */
  maxHover?: number;
}

/** A row of long-format chart data: time (epoch ms, UTC), series label, value. */
export interface LongRow {
  t: number;
  s: string;
  v: number;
}

/** Epoch milliseconds of a Day (what Vega's temporal fields read, with a UTC scale). */
export function dayMs(day: Day): number {
  return day * MS_PER_DAY;
}

/** Rounds to 6 significant digits: below any pixel, and keeps inline specs small. */
export function round6(x: number): number {
  return Number(x.toPrecision(6));
}

/**
 * Long-format rows for lines: each series thinned to the window's buckets (last value of each
 * bucket, or the minimum with `reduce: 'min'` for drawdowns); NaN points are left out.
 */
export function longRows(window: TimeWindow, series: readonly LineSeries[], reduce: 'last' | 'min' = 'last'): LongRow[] {
  const buckets = makeBuckets(window.days, { from: window.from, to: window.to, maxPoints: window.maxPoints });
  const rows: LongRow[] = [];
  for (const s of series) {
    const reduced = reduceBuckets(s.values, buckets, reduce);
    for (let k = 0; k < reduced.length; k++) {
      if (Number.isNaN(reduced[k])) continue;
      rows.push({ t: dayMs(window.days[buckets.end[k]]), s: s.label, v: round6(reduced[k]) });
    }
  }
  return rows;
}

/** A hover target: a vertical band from t0 to t1 whose tooltip lists every series' value. */
export interface HoverRow {
  t0: number;
  t1: number;
  tip: string;
}

/**
 * Hover bands over the window, each covering one bucket (from its first day to the next
 * bucket's first day). The tooltip gives the bucket's last day, then `label: value` per series
 * (the value on that day), then any `extra` line for that day index.
 */
export function hoverRows(window: TimeWindow, series: readonly LineSeries[], format: ValueFormat, extra?: (index: number) => string | undefined): HoverRow[] {
  const buckets: Buckets = makeBuckets(window.days, { from: window.from, to: window.to, maxPoints: window.maxHover ?? 420 });
  const rows: HoverRow[] = [];
  const n = buckets.start.length;
  for (let k = 0; k < n; k++) {
    const i = buckets.end[k];
    const lines = [isoDay(window.days[i])];
    const more = extra?.(i);
    if (more) lines.push(more);
    let any = false;
    for (const s of series) {
      const v = s.values[i];
      if (!Number.isNaN(v)) any = true;
      lines.push(`${s.label}: ${formatValue(v, s.format ?? format)}`);
    }
    if (!any && !more) continue;
    const t0 = dayMs(window.days[buckets.start[k]]);
    const t1 = k + 1 < n ? dayMs(window.days[buckets.start[k + 1]]) : dayMs(window.days[i]);
    rows.push({ t0, t1: Math.max(t1, t0 + MS_PER_DAY), tip: lines.join('\n') });
  }
  return rows;
}
