export * from './render-report.ts';
export { renderHtml } from './html.ts';
export { renderPdf, type PdfResult } from './pdf.ts';
export { renderChart, renderChartSvg, type ChartTarget, type RenderedChart } from './vega-svg.ts';
export { writeFilesAtomic } from '../../datasets/write-files-atomic.ts';
export { pdfText } from './pdf-text.ts';
