import type { TopLevelSpec } from 'vega-lite';
import type { Json } from './layers.ts';

/** Total width in px of the phone variant of a chart. */
export const COMPACT_WIDTH = 380;

/**
 * The phone variant of a chart spec: the same marks and data laid out 380 px wide instead of
 * 720, so its text keeps its size on a narrow screen: stacked panels narrow too, time axes get
 * at most 4 ticks, legends fall back to one or two columns (one when a label is long) and
 * right-hand legends move below the plot. The input is not changed.
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
    if (key === 'data' || key === 'values' || value === null || typeof value !== 'object') continue;
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
