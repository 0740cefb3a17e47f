/**
 * Pieces every chart kind shares: the UTC time axis, the hover layer, the series colour scale
 * and the top-level frame (size, autosize, config). Specs are plain JSON objects typed loosely
 * here (`Json`) and checked as a whole by the chart kind's return type.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SERIES_COLOURS, SERIES_DASHES } from './palette.ts';
import { CHART_WIDTH, chartConfig } from './theme.ts';
import type { HoverRow } from './time-rows.ts';

// Vega-Lite's own types for nested layers are very wide unions; the chart kinds build plain
// objects and the top level is typed once.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = Record<string, any>;

/** The name given to hover layers: the PDF renderer drops layers so named, HTML keeps them. */
export const HOVER_LAYER = 'hover';

/** x encoding on the `t` field (epoch ms), UTC scale, no axis title. */
export function timeX(field = 't', extra: Json = {}): Json {
  return {
    field,
    type: 'temporal',
    scale: { type: 'utc' },
    axis: { title: null, labelOverlap: true, tickCount: 8, grid: true },
    ...extra,
  };
}

/**
 * Transparent vertical bands, one per hover row: in HTML each carries its tooltip text as an
 * SVG <title> (see render/svg-post.ts), so hovering anywhere over a date shows every value.
 */
export function hoverLayer(rows: HoverRow[]): Json {
  return {
    name: HOVER_LAYER,
    data: { values: rows },
    mark: { type: 'rect', fill: '#000000', opacity: 0 },
    encoding: {
      x: { field: 't0', type: 'temporal', scale: { type: 'utc' }, title: null },
      x2: { field: 't1' },
      description: { field: 'tip' },
    },
  };
}

/**
 * Colour (and, beyond ten series, dash) encodings for series labels in the given order; a
 * series' own colour, when given, wins over the palette's.
 */
export function seriesEncodings(labels: readonly string[], legendTitle: string | null = null, own: readonly (string | undefined)[] = []): Json {
  const colours = labels.map((_, i) => own[i] ?? SERIES_COLOURS[i % SERIES_COLOURS.length]);
  const dashes = labels.map((_, i) => SERIES_DASHES[Math.floor(i / SERIES_COLOURS.length) % SERIES_DASHES.length]);
  const legend = labels.length > 1 ? { title: legendTitle, columns: Math.min(labels.length, 4), symbolType: 'stroke' } : null;
  const enc: Json = {
    color: { field: 's', type: 'nominal', sort: labels, scale: { domain: labels, range: colours }, legend },
  };
  if (labels.length > SERIES_COLOURS.length) {
    enc.strokeDash = { field: 's', type: 'nominal', sort: labels, scale: { domain: labels, range: dashes }, legend: null };
  }
  return enc;
}

/**
 * The top-level frame: a fixed total width (the plot narrows to make room for axes and
 * legends), the plot height as given (legends and axes add to it), the shared config, and
 * layers or a concat body.
 */
export function frame(body: Json, height: number, options: { fit?: boolean; width?: number } = {}): TopLevelSpec {
  const fit = options.fit ?? true;
  return {
    ...(fit ? { width: options.width ?? CHART_WIDTH, height, autosize: { type: 'fit-x', contains: 'padding' } } : { autosize: { type: 'pad' } }),
    config: chartConfig(),
    ...body,
  } as TopLevelSpec;
}
