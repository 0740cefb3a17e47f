/**
 * The report model: plain, JSON-serialisable data that says WHAT a report shows, independent of
 * how it was computed (run, validate, or the demo builder) and of how it is drawn (HTML or PDF).
 * Builders fill it; `renderReport` draws it. Nothing here holds typed arrays, functions, Dates or
 * class instances, so `JSON.parse(JSON.stringify(model))` renders to the same bytes.
 *
 * Number conventions: fractions for percentages (0.125 renders "12.5%"), ISO `YYYY-MM-DD`
 * strings for dates, `null` for a missing value (rendered "–").
 */
import type { WhatIfData } from './what-if/what-if-replay.ts';
import type { TopLevelSpec } from 'vega-lite';

/** The sections a report can hold, in the order they are always drawn. */
export const SECTION_IDS = [
  'summary',
  'regime-timeline',
  'liquidity',
  'performance',
  'regime-heatmap',
  'scorecard',
  'episodes',
  'robustness',
  'appendix',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Default titles, used by builders that do not name a section themselves. */
export const SECTION_TITLES: Record<SectionId, string> = {
  summary: 'Summary',
  'regime-timeline': 'Regime timeline',
  liquidity: 'Liquidity dashboard',
  performance: 'Performance',
  'regime-heatmap': 'Returns by regime',
  scorecard: 'Claims scorecard',
  episodes: 'Episode comparison',
  robustness: 'Robustness',
  appendix: 'Appendix: reproducibility',
};

/** How a number is written. Percent styles expect fractions. */
export interface ValueFormat {
  style: 'number' | 'integer' | 'percent' | 'text' | 'date';
  /** Digits after the decimal point (number: 2, percent: 1 by default). */
  digits?: number;
  /** Write a + before positive numbers. */
  signed?: boolean;
  /** Text after the number, e.g. " bn". */
  suffix?: string;
}

export type CellValue = string | number | null;

/** Colour hint for a cell: verdicts, good and bad numbers. */
export type Tone = 'good' | 'bad' | 'neutral' | 'muted';

export interface TableColumn {
  /** Stable key, written as `data-col` in HTML so tests and tools can find a value. */
  key: string;
  label: string;
  format?: ValueFormat;
  align?: 'left' | 'right';
  /** Relative width weight for the PDF layout (default from content). */
  width?: number;
  /**
   * Reference values too long to read in print (checksums): the PDF shows their first this many
   * characters and an ellipsis, the HTML the whole value.
   */
  pdfChars?: number;
}

export interface TableRow {
  /** Stable key, written as `data-row` in HTML. */
  key?: string;
  cells: CellValue[];
  /** One tone per cell (null for none). */
  tones?: (Tone | null)[];
  /** Bold row (e.g. the strategy among benchmarks). */
  emphasis?: boolean;
}

export interface TableBlock {
  kind: 'table';
  id: string;
  caption?: string;
  columns: TableColumn[];
  rows: TableRow[];
  note?: string;
  /**
   * Reference data rather than findings (parameters, checksums): small type, and in the PDF the
   * rows fold into side-by-side column groups when the table is narrow enough; in the HTML the
   * table sits in a <details> the reader opens.
   */
  compact?: boolean;
}

export interface TextBlock {
  kind: 'text';
  /** Plain-text paragraphs (escaped when drawn; no markup). */
  paragraphs: string[];
}

/** A sub-heading inside a section. */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

/** A boxed remark, e.g. "waits for run outputs" or a data caveat. */
export interface NoteBlock {
  kind: 'note';
  tone: 'info' | 'warning';
  text: string;
}

/** One chart: a Vega-Lite specification with inline data (see reports/charts/). */
export interface ChartBlock {
  kind: 'chart';
  /** Unique within the report; becomes the HTML element id `chart-<id>`. */
  id: string;
  title: string;
  caption?: string;
  /** Text alternative read by screen readers and shown when SVG is unavailable. */
  alt: string;
  spec: TopLevelSpec;
  /**
   * Draw a phone-width variant too (default true; see charts/compact.ts). Set false for charts
   * that cannot narrow (a wide heatmap): on a phone they then scroll sideways.
   */
  compact?: boolean;
}

/** Key figures, each with a stable id written as `data-metric` in HTML. */
export interface MetricsBlock {
  kind: 'metrics';
  items: MetricItem[];
}

export interface MetricItem {
  id: string;
  label: string;
  value: number | null;
  format: ValueFormat;
  note?: string;
}

/**
 * The what-if panel: the data a strategy was replayed on and its settings. HTML draws an
 * editable weight table, cost and rule replayed in the page by the engine's own code
 * (reports/what-if/); the PDF says in one line that the panel is in the HTML version.
 */
export interface WhatIfBlock {
  kind: 'what-if';
  data: WhatIfData;
}

export type ReportBlock = HeadingBlock | TableBlock | TextBlock | NoteBlock | ChartBlock | MetricsBlock | WhatIfBlock;

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

/** Headline metrics: one row per portfolio (the strategy, then each benchmark). */
export interface HeadlineTable {
  metrics: { key: string; label: string; format: ValueFormat }[];
  portfolios: { key: string; label: string; values: (number | null)[]; emphasis?: boolean }[];
  /** Period the metrics cover, ISO dates. */
  from?: string;
  to?: string;
}

/** One configuration value as shown to the reader (flattened path → value text). */
export interface ConfigEntry {
  key: string;
  value: string;
}

/** A two-column Parameter / Value table of configuration entries (summary and appendix). */
export function configTable(id: string, caption: string, entries: readonly ConfigEntry[]): TableBlock {
  return {
    kind: 'table',
    id,
    caption,
    columns: [
      { key: 'key', label: 'Parameter', align: 'left' },
      { key: 'value', label: 'Value', align: 'left' },
    ],
    rows: entries.map((c) => ({ key: c.key, cells: [c.key, c.value] })),
  };
}

export interface ReportModel {
  schema: 'quadrant.report/1';
  title: string;
  subtitle?: string;
  /** ISO timestamp, given by the caller so the same inputs render byte-identical files. */
  createdAt: string;
  /** The research question, one or two sentences. */
  question?: string;
  /** Its answer from the numbers, one or two sentences naming the test behind them (drawn under the question). */
  answer?: string;
  config: ConfigEntry[];
  headline?: HeadlineTable;
  /** Absent sections are simply not drawn; the table of contents lists the present ones. */
  sections: Partial<Record<SectionId, ReportSection>>;
}

/**
 * The sections to draw, in order. A model with a question, headline metrics or configuration
 * but no summary section still gets a (otherwise empty) summary to show them in.
 */
export function presentSections(model: ReportModel): [SectionId, ReportSection][] {
  const out: [SectionId, ReportSection][] = [];
  for (const id of SECTION_IDS) {
    let section = model.sections[id];
    if (!section && id === 'summary' && (model.question || model.headline || model.config.length > 0)) {
      section = { title: SECTION_TITLES.summary, blocks: [] };
    }
    if (section) out.push([id, section]);
  }
  return out;
}

/** Every chart in a model, in drawing order (summary first). */
export function modelCharts(model: ReportModel): ChartBlock[] {
  const out: ChartBlock[] = [];
  for (const [, section] of presentSections(model)) {
    for (const block of section.blocks) if (block.kind === 'chart') out.push(block);
  }
  return out;
}
