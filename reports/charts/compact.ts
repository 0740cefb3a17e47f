import type { TopLevelSpec } from 'vega-lite';
import type { Json } from './layers.ts';

/** Total width in px of the phone variant of a chart. */
export const COMPACT_WIDTH = 380;

/**
 * The phone variant of a chart spec: the same marks and data laid out 380 px wide instead of
 * 720, so its text keeps its size on a narrow screen: stacked panels narrow too, time axes get
 * at most 4 ticks, legends fall back to one or two columns (one when a label is long),
 * right-hand legends move below the plot, and long lines are thinned to about 320 points each
 * (see thinLines). The input is not changed.
 */
export function compactSpec(spec: TopLevelSpec): TopLevelSpec {
  const out = structuredClone(spec) as Json;
  if (typeof out.width === 'number') out.width = COMPACT_WIDTH;
  for (const key of ['vconcat', 'concat'] as const) {
    if (!Array.isArray(out[key])) continue;
    for (const panel of out[key] as Json[]) if (typeof panel.width === 'number') panel.width = COMPACT_WIDTH - (out.width === undefined ? 70 : 0);
  }
  walk(out);
  // A touch larger type: the phone variant is shown at about its own size.
  const config = (out.config ?? {}) as Json;
  for (const part of ['axis', 'legend'] as const) {
    const c = (config[part] ?? {}) as Json;
    c.labelFontSize = 13;
    c.titleFontSize = 13;
    config[part] = c;
  }
  out.config = config;
  return out as TopLevelSpec;
}

function walk(node: Json): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data' && value && typeof value === 'object' && Array.isArray((value as Json).values)) {
      (value as Json).values = thinLines((value as Json).values as Json[]);
      continue;
    }
    if (key === 'values' || value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object') walk(v as Json);
      continue;
    }
    const child = value as Json;
    if (key === 'axis' && typeof child.tickCount === 'number') child.tickCount = Math.min(child.tickCount, 4);
    if (key === 'legend') compactLegend(child, node);
    walk(child);
  }
}

/** Most points per line in the phone variant (about one per pixel of its plot). */
export const COMPACT_POINTS = 320;

/**
 * Thins long-format line rows ({t, s, v}) for the phone variant by min–max decimation: each
 * line's points are cut into runs and every run keeps its lowest and highest point, in time
 * order, so peaks and troughs survive. Other data (hover bands, bands, cells) is kept whole.
 */
export function thinLines(rows: Json[]): Json[] {
  if (rows.length === 0 || !('t' in rows[0] && 's' in rows[0] && 'v' in rows[0])) return rows;
  const bySeries = new Map<unknown, Json[]>();
  for (const r of rows) {
    const list = bySeries.get(r.s);
    if (list) list.push(r);
    else bySeries.set(r.s, [r]);
  }
  const out: Json[] = [];
  for (const list of bySeries.values()) {
    const run = Math.ceil((2 * list.length) / COMPACT_POINTS);
    if (run <= 2) {
      out.push(...list);
      continue;
    }
    for (let a = 0; a < list.length; a += run) {
      const b = Math.min(list.length, a + run);
      let lo = a;
      let hi = a;
      for (let i = a + 1; i < b; i++) {
        if (list[i].v < list[lo].v) lo = i;
        if (list[i].v > list[hi].v) hi = i;
      }
      if (lo === hi) out.push(list[lo]);
      else out.push(list[Math.min(lo, hi)], list[Math.max(lo, hi)]);
    }
    const last = list[list.length - 1];
    if (out[out.length - 1] !== last) out.push(last);
  }
  return out;
}

function compactLegend(legend: Json, channel: Json): void {
  const domain = (channel.scale as Json | undefined)?.domain;
  const longest = Array.isArray(domain) ? Math.max(0, ...domain.map((d) => String(d).length)) : 0;
  legend.columns = longest > 20 ? 1 : Math.min(typeof legend.columns === 'number' ? legend.columns : 2, 2);
  if (legend.orient === 'right' || legend.orient === 'left') {
    legend.orient = 'bottom';
    legend.direction = 'horizontal';
    if (typeof legend.gradientLength === 'number') legend.gradientLength = Math.min(legend.gradientLength, COMPACT_WIDTH - 120);
  }
}
