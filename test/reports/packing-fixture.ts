/**
 * A report model built to stress the PDF's page packing: sections from one line to several
 * pages, tall charts right after half a page of text, a heading and a lead-in before a chart,
 * long tables with wrapped cells, many key figures, and a compact appendix (parameters and
 * checksums) that should fold into side-by-side columns. Deterministic text and data.
 */
import { barChart, heatmapChart, timeSeriesChart } from '../../reports/charts/index.ts';
import type { ReportBlock, ReportModel, TableBlock } from '../../reports/model.ts';
import { makeCalendar } from '../builders.ts';

const WORDS = 'liquidity dollar regime quadrant balance sheet reserves yield curve equities gold emerging treasuries spread momentum'.split(' ');

/** `n` sentences of pseudo-text, the same every time (word k of sentence s is WORDS[(7s + 3k) mod 15]). */
export function sentences(n: number, seed = 0): string {
  const out: string[] = [];
  for (let s = 0; s < n; s++) {
    const len = 9 + ((s + seed) % 7);
    const words = Array.from({ length: len }, (_, k) => WORDS[(7 * (s + seed) + 3 * k) % WORDS.length]);
    out.push(`${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`);
  }
  return out.join(' ');
}

function longTable(id: string, caption: string, rows: number, wrap: boolean): TableBlock {
  return {
    kind: 'table',
    id,
    caption,
    columns: [
      { key: 'name', label: 'Name', align: 'left' },
      { key: 'a', label: 'Value A', format: { style: 'percent', digits: 1 } },
      { key: 'b', label: 'Value B', format: { style: 'number', digits: 2 } },
      { key: 'text', label: 'Remark', align: 'left' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      key: `${id}-${i}`,
      cells: [`row ${i + 1}`, Math.sin(i) / 10, Math.cos(i) * 3, wrap ? sentences(1 + (i % 3), i) : WORDS[i % WORDS.length]],
    })),
  };
}

function heatmap(id: string, title: string, rows: number): ReportBlock {
  const names = Array.from({ length: rows }, (_, i) => `series ${i + 1}`);
  return {
    kind: 'chart',
    id,
    title,
    alt: title,
    caption: sentences(2, rows),
    spec: heatmapChart({
      rows: names,
      columns: ['Q1', 'Q2', 'Q3', 'Q4'],
      values: names.map((_, i) => [0, 1, 2, 3].map((q) => Math.sin(i + q) / 10)),
      format: { style: 'percent', digits: 1 },
      legendTitle: 'return',
    }),
  };
}

function lines(id: string, title: string, days: ReturnType<typeof makeCalendar>, phase: number): ReportBlock {
  const n = days.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = 100 + 10 * Math.sin(i / 40 + phase);
    b[i] = 95 + 8 * Math.cos(i / 70 + phase);
  }
  return {
    kind: 'chart',
    id,
    title,
    alt: title,
    caption: sentences(1, phase),
    spec: timeSeriesChart({
      days,
      series: [
        { label: 'A', values: a },
        { label: 'B', values: b },
      ],
      yTitle: 'level',
      format: { style: 'number', digits: 1 },
    }),
  };
}

export function makePackingModel(): ReportModel {
  const days = makeCalendar('2019-01-01', 900);
  const hash = (i: number) => Array.from({ length: 64 }, (_, k) => '0123456789abcdef'[(i * 31 + k * 7 + ((i * k) % 5)) % 16]).join('');
  return {
    schema: 'quadrant.report/1',
    title: 'Packing test report',
    subtitle: 'synthetic',
    createdAt: '2026-01-19T00:00:00Z',
    question: sentences(2),
    answer: sentences(1, 3),
    config: [
      { key: 'strategy', value: 'article' },
      { key: 'costs', value: '5 bps' },
    ],
    headline: {
      metrics: [
        { key: 'cagr', label: 'CAGR', format: { style: 'percent', digits: 1 } },
        { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
      ],
      portfolios: [
        { key: 's', label: 'Strategy', values: [0.06, 0.4], emphasis: true },
        { key: 'b', label: 'Benchmark', values: [0.08, 0.5] },
      ],
    },
    sections: {
      summary: {
        title: 'Summary',
        blocks: [
          {
            kind: 'metrics',
            items: Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, label: `Verdict count ${i + 1}`, value: i, format: { style: 'integer' as const } })),
          },
        ],
      },
      'regime-timeline': { title: 'Regime timeline', blocks: [{ kind: 'text', paragraphs: [sentences(3, 1)] }] },
      liquidity: {
        title: 'Liquidity dashboard',
        blocks: [
          { kind: 'heading', text: 'Balance sheet' },
          { kind: 'text', paragraphs: [sentences(2, 2)] },
          lines('liq-a', 'Balance sheet and net liquidity', days, 0),
          lines('liq-b', 'Reserves and the Treasury account', days, 1),
          { kind: 'note', tone: 'info', text: sentences(2, 4) },
        ],
      },
      performance: {
        title: 'Performance',
        blocks: [
          { kind: 'text', paragraphs: [sentences(8, 5), sentences(8, 6), sentences(6, 7)] },
          heatmap('perf-heat', 'Returns by quadrant and series', 24),
          { kind: 'note', tone: 'warning', text: sentences(1, 8) },
          longTable('perf-years', 'Calendar-year returns', 60, false),
          lines('perf-roll', 'Rolling one-year Sharpe ratio', days, 2),
        ],
      },
      'regime-heatmap': { title: 'Returns by regime', blocks: [longTable('rh-small', 'Per-regime statistics', 8, false)] },
      scorecard: {
        title: 'Claims scorecard',
        blocks: [
          longTable('sc-main', 'Scorecard', 20, true),
          { kind: 'heading', text: 'What each claim measures' },
          longTable('sc-defs', 'Definitions', 14, true),
          {
            kind: 'chart',
            id: 'sc-bars',
            title: 'Effect sizes',
            alt: 'bars',
            spec: barChart({
              bars: Array.from({ length: 10 }, (_, i) => ({ label: `C${i + 1}`, value: Math.sin(i) / 10 })),
              format: { style: 'percent', digits: 1 },
              valueTitle: 'effect',
            }),
          },
        ],
      },
      episodes: {
        title: 'Episode comparison',
        blocks: [
          { kind: 'text', paragraphs: [sentences(2, 9)] },
          heatmap('ep-heat', 'Total return in each episode', 14),
          lines('ep-a', 'Cumulative return in event time', days, 3),
          lines('ep-b', 'US large caps in event time', days, 4),
        ],
      },
      robustness: {
        title: 'Robustness',
        blocks: [
          { kind: 'metrics', items: [0, 1, 2].map((i) => ({ id: `r${i}`, label: `Robustness ${i}`, value: i / 10, format: { style: 'percent' as const } })) },
          { kind: 'text', paragraphs: [sentences(2, 10)] },
        ],
      },
      appendix: {
        title: 'Appendix: reproducibility',
        blocks: [
          { kind: 'text', paragraphs: [sentences(2, 11)] },
          {
            kind: 'table',
            id: 'appendix-parameters',
            caption: 'Parameters',
            compact: true,
            columns: [
              { key: 'key', label: 'Parameter', align: 'left' },
              { key: 'value', label: 'Value', align: 'left' },
            ],
            rows: Array.from({ length: 80 }, (_, i) => ({ key: `p${i}`, cells: [`regime.windows.param${i}`, String((i * 37) % 101)] })),
          },
          {
            kind: 'table',
            id: 'appendix-files',
            caption: 'Data files',
            compact: true,
            columns: [
              { key: 'file', label: 'File', align: 'left' },
              { key: 'rows', label: 'Values', format: { style: 'integer' } },
              { key: 'sha256', label: 'sha256', align: 'left', pdfChars: 12 },
            ],
            rows: Array.from({ length: 40 }, (_, i) => ({ key: `f${i}`, cells: [`fred/SERIES${i}.csv`, 1000 + i * 17, hash(i)] })),
          },
        ],
      },
    },
  };
}
