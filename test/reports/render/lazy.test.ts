import { describe, expect, it } from 'vitest';
import * as library from '../../../index.ts';
import { barChart } from '../../../reports/charts/bar-chart.ts';
import { renderChart, renderChartSvg } from '../../../reports/render/vega-svg.ts';

// The library entry point loads the renderers on first call; the reference is the renderer
// module itself, called directly with the same arguments.
describe('the renderers as the library exports them', () => {
  const spec = barChart({
    bars: [
      { label: 'Q1', value: 0.12 },
      { label: 'Q4', value: -0.08 },
    ],
    format: { style: 'percent' },
    valueTitle: 'CAGR',
  });

  it('pass their arguments through in order: the same SVG as the renderer module', async () => {
    expect(await library.renderChartSvg(spec, 'pdf', 'lazy')).toEqual(await renderChartSvg(spec, 'pdf', 'lazy'));
    expect(await library.renderChart(spec, 'both', { compact: true })).toEqual(await renderChart(spec, 'both', { compact: true }));
  });

  it('are exported, the light ones directly', () => {
    const renderers = [library.renderReport, library.renderPdf, library.renderChart, library.renderChartSvg, library.renderHtml, library.pdfText];
    expect(renderers.map((f) => typeof f)).toEqual(Array(6).fill('function'));
  });
});
