import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { QuadrantError } from '../../datasets/errors.ts';
import { compactSpec } from '../charts/compact.ts';
import { ariaToTitles, prefixIds, removeHoverGroups, roundGeometry, stripAriaAttributes, svgSize } from './svg-post.ts';
import { installTextMetrics } from './text-metrics.ts';

/** What a chart is rendered for: HTML keeps hover layers and tooltips, the PDF drops them. */
export type ChartTarget = 'html' | 'pdf';

export interface RenderedChart {
  /** The phone-width variant for HTML (see charts/compact.ts), when one was drawn. */
  compact?: { svg: string; width: number; height: number };
  /** The SVG document as text (no XML declaration), ready to inline in HTML or draw in PDF. */
  svg: string;
  /** Size in px of the SVG's own coordinate system. */
  width: number;
  height: number;
  /** Warnings Vega or Vega-Lite logged while compiling and rendering. */
  warnings: string[];
}

/**
 * Renders a Vega-Lite spec to SVG in Node: vega-lite compiles it to Vega, a headless Vega View
 * (renderer 'none': no canvas, no browser, no network: data is inline) draws it with
 * `toSVG()`. One drawing serves both targets: for HTML, mark descriptions become <title>
 * tooltips and ids get `idPrefix` so many charts can share a page; for the PDF, the hover
 * layers' groups and every ARIA attribute are removed.
 *
 * @throws QuadrantError('internal') naming the chart when Vega-Lite or Vega rejects the spec.
 */
export async function renderChart(spec: TopLevelSpec, idPrefix: string, options: { compact?: boolean } = {}): Promise<Record<ChartTarget, RenderedChart>> {
  installTextMetrics();
  const warnings: string[] = [];
  const raw = await drawSvg(spec, idPrefix, warnings);
  const { width, height } = svgSize(raw);
  let compact: RenderedChart['compact'];
  if (options.compact) {
    const small = await drawSvg(compactSpec(spec), `${idPrefix} (compact)`, warnings);
    compact = { svg: prefixIds(ariaToTitles(small), `${idPrefix}-m`), ...svgSize(small) };
  }
  return {
    html: { svg: prefixIds(ariaToTitles(raw), idPrefix), width, height, warnings, compact },
    pdf: { svg: prefixIds(stripAriaAttributes(removeHoverGroups(raw)), 'p'), width, height, warnings },
  };
}

/** Vega-Lite → Vega → headless View → SVG text, geometry rounded. */
async function drawSvg(spec: TopLevelSpec, name: string, warnings: string[]): Promise<string> {
  const logger = collectingLogger(warnings);
  try {
    const compiled = vl.compile(spec, { logger }).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
    try {
      return roundGeometry(await view.toSVG());
    } finally {
      view.finalize();
    }
  } catch (err) {
    throw new QuadrantError('internal', `chart ${name}: ${(err as Error).message}`, { hint: 'a chart specification is invalid (a bug in its builder)' });
  }
}

/** One target of {@link renderChart}. */
export async function renderChartSvg(spec: TopLevelSpec, target: ChartTarget, idPrefix: string): Promise<RenderedChart> {
  return (await renderChart(spec, idPrefix))[target];
}

/** A Vega logger that keeps warnings and errors instead of printing them. */
function collectingLogger(sink: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const keep =
    (kind: string) =>
    (...args: readonly unknown[]) => {
      sink.push(`${kind}: ${args.map(String).join(' ')}`);
      return logger;
    };
  const logger = {
    level(_?: number) {
      if (_ === undefined) return level;
      level = _;
      return logger;
    },
    error: keep('error'),
    warn: keep('warn'),
    info: () => logger,
    debug: () => logger,
  } as unknown as vega.LoggerInterface;
  return logger;
}
