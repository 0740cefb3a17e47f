/**
 * A small synthetic report model with every chart kind and block type, for rendering tests:
 * deterministic data (sines and steps), a headline table, hostile strings in titles, labels
 * and cells (they must come out escaped).
 */
import { barChart, drawdownChart, heatmapChart, regimeTimelineChart, timeSeriesChart, eventPathChart } from '../../reports/charts/index.ts';
import type { ReportModel } from '../../reports/model.ts';
import { makeCalendar } from '../builders.ts';

export const HOSTILE = `<script>alert("x")</script> & 'quotes'`;

export function makeModel(): ReportModel {
  const days = makeCalendar('2020-01-01', 600);
  const n = days.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const dd = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = 100 * Math.exp(i / 500 + 0.05 * Math.sin(i / 20));
    b[i] = 90 + 10 * Math.sin(i / 60);
    dd[i] = -Math.abs(0.2 * Math.sin(i / 80));
    labels[i] = i < 30 ? 0 : 1 + (Math.floor(i / 90) % 4);
  }
  return {
    schema: 'quadrant.report/1',
    title: `Test report ${HOSTILE}`,
    subtitle: 'synthetic',
    createdAt: '2026-01-19T00:00:00Z',
    question: 'Does rendering work?',
    config: [{ key: 'param', value: HOSTILE }],
    headline: {
      from: '2020-01-01',
      to: '2022-04-19',
      metrics: [
        { key: 'cagr', label: 'CAGR', format: { style: 'percent', digits: 1 } },
        { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
      ],
      portfolios: [
        { key: 'strategy', label: 'Strategy', values: [0.0812345, 0.61234], emphasis: true },
        { key: 'us-large', label: 'US large', values: [0.105, null] },
      ],
    },
    sections: {
      summary: { title: 'Summary', blocks: [{ kind: 'metrics', items: [{ id: 'supported', label: 'Supported', value: 3, format: { style: 'integer' } }] }] },
      'regime-timeline': {
        title: 'Regime timeline',
        blocks: [
          {
            kind: 'chart',
            id: 'timeline',
            title: 'Timeline',
            alt: 'timeline',
            spec: regimeTimelineChart({
              days,
              labels,
              panels: [
                { label: 'Equity', values: a, log: true, format: { style: 'number', digits: 2 } },
                { label: 'Dollar', values: b, format: { style: 'number', digits: 2 } },
              ],
            }),
          },
        ],
      },
      liquidity: {
        title: 'Liquidity',
        blocks: [
          { kind: 'text', paragraphs: [`A paragraph with ${HOSTILE}.`] },
          {
            kind: 'chart',
            id: 'lines',
            title: `Lines ${HOSTILE}`,
            alt: 'two lines',
            spec: timeSeriesChart({
              days,
              series: [
                { label: `A ${HOSTILE}`, values: a },
                { label: 'B', values: b },
              ],
              yTitle: 'level',
              format: { style: 'number', digits: 1 },
              rules: [{ value: 100, label: 'line at 100' }],
            }),
          },
        ],
      },
      performance: {
        title: 'Performance',
        blocks: [
          { kind: 'heading', text: 'Drawdowns' },
          { kind: 'chart', id: 'dd', title: 'Drawdown', alt: 'drawdown', spec: drawdownChart({ days, series: [{ label: 'A', values: dd }] }) },
          {
            kind: 'chart',
            id: 'path',
            title: 'Event path',
            alt: 'event path',
            spec: eventPathChart({
              series: [{ label: 'E1', values: a.subarray(0, 50).map((x) => x / 100 - 1) }],
              xTitle: 'day',
              yTitle: 'return',
              format: { style: 'percent', digits: 1 },
            }),
          },
        ],
      },
      'regime-heatmap': {
        title: 'Heatmap',
        blocks: [
          {
            kind: 'chart',
            id: 'heat',
            title: 'Heatmap',
            alt: 'heatmap',
            spec: heatmapChart({
              rows: ['r1', 'r2'],
              columns: ['Q1', 'Q2'],
              values: [
                [0.1, -0.2],
                [null, 0.05],
              ],
              sublabels: [
                ['[0%, 1%]', null],
                [null, 'x'],
              ],
              format: { style: 'percent', digits: 1 },
              legendTitle: 'ret',
            }),
          },
        ],
      },
      scorecard: {
        title: 'Claims scorecard',
        blocks: [
          {
            kind: 'table',
            id: 'scorecard',
            caption: 'Claims scorecard',
            columns: [
              { key: 'claim', label: 'Claim', align: 'left' },
              { key: 'stat', label: 'Statistic', format: { style: 'percent', digits: 1 } },
              { key: 'verdict', label: 'Verdict', align: 'left' },
            ],
            rows: [
              { key: 'C1', cells: ['C1 broad rally', 0.0373, 'supported'], tones: [null, null, 'good'] },
              { key: 'C4', cells: ['C4 non-US beats US', -0.1548, 'contradicted'], tones: [null, null, 'bad'] },
              { key: 'C9', cells: [HOSTILE, null, 'inconclusive'] },
            ],
          },
          { kind: 'note', tone: 'warning', text: `Note ${HOSTILE}` },
          {
            kind: 'chart',
            id: 'bars',
            title: 'Bars',
            alt: 'bars',
            spec: barChart({
              bars: [
                { label: 'x', value: 0.1, low: 0.05, high: 0.2 },
                { label: 'y', value: -0.05 },
              ],
              format: { style: 'percent', digits: 1 },
              valueTitle: 'ret',
            }),
          },
        ],
      },
    },
  };
}

/** Number of chart blocks in {@link makeModel}. */
export const MODEL_CHARTS = 6;
