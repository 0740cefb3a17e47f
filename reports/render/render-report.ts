import { join } from 'node:path';
import { ConfigError } from '../../datasets/errors.ts';
import { SECTION_IDS, modelCharts, type ReportModel } from '../model.ts';
import { hasWhatIf, renderHtml } from './html.ts';
import { whatIfScript } from '../what-if/what-if-bundle.ts';
import { renderPdf } from './pdf.ts';
import { renderChart, type ChartTarget, type RenderedChart } from './vega-svg.ts';
import { writeFilesAtomic } from '../../datasets/write-files-atomic.ts';

export const REPORT_FORMATS = ['html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderProgress {
  done: number;
  total: number;
  /** What was just finished, e.g. "chart liquidity-reserves" or "pdf". */
  step: string;
}

export interface RenderOptions {
  formats: readonly ReportFormat[];
  /** Directory the files are written to (created when missing). */
  outDir: string;
  /** File name without extension (default "report"): report.html, report.pdf. */
  name?: string;
  onProgress?: (progress: RenderProgress) => void;
}

export interface RenderedReport {
  /** Written files, in the order of `formats`. */
  files: { format: ReportFormat; path: string; bytes: number }[];
  /** PDF page count (when a PDF was made). */
  pdfPages?: number;
  /** Vega / Vega-Lite warnings, prefixed with the chart id. */
  warnings: string[];
}

/**
 * Renders a report model to files: every chart once to SVG (Vega-Lite → Vega → SVG in Node),
 * then the HTML page and/or the PDF from those SVGs, then writes all files atomically (temporary
 * names, renamed only when everything succeeded: nothing half-written on failure).
 * Progress is reported after each chart and each format.
 *
 * @throws ConfigError naming the field for unknown formats, an empty outDir, or a model whose
 * chart ids repeat or whose section ids are unknown.
 */
export async function renderReport(model: ReportModel, options: RenderOptions): Promise<RenderedReport> {
  const formats = checkOptions(model, options);
  const charts = modelCharts(model);
  const total = charts.length + formats.length + 1;
  let done = 0;
  const tick = (step: string) => options.onProgress?.({ done: ++done, total, step });

  const rendered: Record<ChartTarget, Map<string, RenderedChart>> = { html: new Map(), pdf: new Map() };
  const warnings: string[] = [];
  for (const chart of charts) {
    const both = await renderChart(chart.spec, `c-${chart.id}`, { compact: formats.includes('html') && chart.compact !== false });
    rendered.html.set(chart.id, both.html);
    rendered.pdf.set(chart.id, both.pdf);
    for (const w of both.html.warnings) warnings.push(`${chart.id}: ${w}`);
    tick(`chart ${chart.id}`);
  }

  const name = options.name ?? 'report';
  const outputs: { format: ReportFormat; path: string; content: string | Uint8Array }[] = [];
  let pdfPages: number | undefined;
  for (const format of formats) {
    const path = join(options.outDir, `${name}.${format}`);
    if (format === 'html') {
      const script = hasWhatIf(model) ? await whatIfScript() : undefined;
      outputs.push({ format, path, content: renderHtml(model, rendered.html, script) });
    } else {
      const pdf = await renderPdf(model, rendered.pdf);
      pdfPages = pdf.pages;
      outputs.push({ format, path, content: pdf.bytes });
    }
    tick(format);
  }
  writeFilesAtomic(outputs);
  tick('write');
  return {
    files: outputs.map((o) => ({ format: o.format, path: o.path, bytes: typeof o.content === 'string' ? Buffer.byteLength(o.content) : o.content.byteLength })),
    pdfPages,
    warnings,
  };
}

/**
 * Parses a comma-separated format list such as "html,pdf" (for `--format` and `--report`).
 * @throws ConfigError naming `field` for an empty list or an unknown format.
 */
export function parseFormats(text: string, field = 'format'): ReportFormat[] {
  const parts = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  return checkFormats(parts, field);
}

function checkFormats(formats: readonly string[], field: string): ReportFormat[] {
  if (formats.length === 0) throw new ConfigError('bad-config', 'no report format given', { field, hint: `use one or more of ${REPORT_FORMATS.join(', ')}` });
  const out: ReportFormat[] = [];
  for (const f of formats) {
    if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
      throw new ConfigError('bad-config', `unknown report format "${f}"`, { field, hint: `use one or more of ${REPORT_FORMATS.join(', ')}` });
    }
    if (!out.includes(f as ReportFormat)) out.push(f as ReportFormat);
  }
  return out;
}

function checkOptions(model: ReportModel, options: RenderOptions): ReportFormat[] {
  const formats = checkFormats(options.formats, 'formats');
  if (!options.outDir) throw new ConfigError('bad-config', 'no output directory given', { field: 'outDir', hint: 'pass --out DIR' });
  if (options.name !== undefined && !/^[A-Za-z0-9._-]+$/.test(options.name)) {
    throw new ConfigError('bad-config', `bad report file name "${options.name}"`, { field: 'name', hint: 'letters, digits, dot, dash and underscore only' });
  }
  for (const id of Object.keys(model.sections)) {
    if (!(SECTION_IDS as readonly string[]).includes(id)) {
      throw new ConfigError('bad-config', `unknown report section "${id}"`, { field: `sections.${id}`, hint: `sections are ${SECTION_IDS.join(', ')}` });
    }
  }
  const seen = new Set<string>();
  for (const [sid, section] of Object.entries(model.sections)) {
    section?.blocks.forEach((block, i) => {
      if (block.kind !== 'chart') return;
      const field = `sections.${sid}.blocks[${i}].id`;
      if (!/^[A-Za-z0-9_-]+$/.test(block.id))
        throw new ConfigError('bad-config', `bad chart id "${block.id}"`, { field, hint: 'letters, digits, dash and underscore only' });
      if (seen.has(block.id))
        throw new ConfigError('bad-config', `chart id "${block.id}" is used twice`, { field, hint: 'chart ids must be unique in a report' });
      seen.add(block.id);
    });
  }
  return formats;
}
