/**
 * The renderers as the library entry point (index.ts) exports them: each loads its module on
 * first call. vega, vega-lite and pdfkit take most of a second to import, and a script that only
 * labels regimes or runs backtests never needs them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model.ts';
import type { PdfResult } from './pdf.ts';
import type { RenderedReport, RenderOptions } from './render-report.ts';
import type { ChartTarget, RenderedChart } from './vega-svg.ts';

export type { ReportFormat, RenderOptions, RenderProgress, RenderedReport } from './render-report.ts';
export type { PdfResult } from './pdf.ts';
export type { ChartTarget, RenderedChart } from './vega-svg.ts';
export { renderHtml } from './html.ts';
export { pdfText } from './pdf-text.ts';

/** Renders a report model to HTML and/or PDF files (see render-report.ts). */
export async function renderReport(model: ReportModel, options: RenderOptions): Promise<RenderedReport> {
  return (await import('./render-report.ts')).renderReport(model, options);
}

/** Renders a report model's PDF (see pdf.ts). */
export async function renderPdf(model: ReportModel, charts: ReadonlyMap<string, RenderedChart>): Promise<PdfResult> {
  return (await import('./pdf.ts')).renderPdf(model, charts);
}

/** Renders one chart for both targets (see vega-svg.ts). */
export async function renderChart(spec: TopLevelSpec, idPrefix: string, options: { compact?: boolean } = {}): Promise<Record<ChartTarget, RenderedChart>> {
  return (await import('./vega-svg.ts')).renderChart(spec, idPrefix, options);
}

/** Renders one chart for one target (see vega-svg.ts). */
export async function renderChartSvg(spec: TopLevelSpec, target: ChartTarget, idPrefix: string): Promise<RenderedChart> {
  return (await import('./vega-svg.ts')).renderChartSvg(spec, target, idPrefix);
}
