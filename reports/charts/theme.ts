import type { Config } from 'vega-lite';

/** Every chart is laid out at this total width in px; HTML scales it, the PDF fits it to the page. */
export const CHART_WIDTH = 720;

/** The font named in every chart: Helvetica metrics (Arial / Liberation Sans on screens). */
export const CHART_FONT = 'Helvetica, Arial, "Liberation Sans", sans-serif';

/** Vega-Lite config shared by every chart: readable sizes, light grid, no frame. */
export function chartConfig(): Config {
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 6,
    view: { stroke: null },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      titleColor: '#333333',
      labelColor: '#333333',
      gridColor: '#e6e6e6',
      domainColor: '#888888',
      tickColor: '#888888',
      labelLimit: 220,
      labelOverlap: true,
    },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      labelLimit: 400,
      orient: 'top',
      direction: 'horizontal',
      symbolStrokeWidth: 3,
      columnPadding: 14,
      rowPadding: 4,
      titleFontWeight: 'bold',
    },
    title: { fontSize: 13, anchor: 'start', fontWeight: 'bold', subtitleFontSize: 12 },
    line: { strokeWidth: 1.6 },
  };
}
