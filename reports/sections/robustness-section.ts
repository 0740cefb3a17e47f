import { heatmapChart } from '../charts/heatmap.ts';
import { permutationHistogram } from './permutation-histogram.ts';
import type { MetricItem, ReportSection, ValueFormat } from '../model.ts';
import type { RobustnessReportInput } from '../../strategies/robustness/report-input.ts';

/** A parameter sweep's result: one metric over a grid of two parameters. */
export interface SensitivityGrid {
  metric: string;
  format: ValueFormat;
  rowTitle: string;
  columnTitle: string;
  rows: string[];
  columns: string[];
  /** values[r][c]; null where the run failed or was skipped. */
  values: (number | null)[][];
  /** Colour scale half-range (default: the largest |value|). */
  max?: number;
}

/**
 * What the robustness checks produced; every part is optional. The fields are those of
 * strategies/robustness/report-input.ts, with the sensitivity as the chart reads it.
 */
export interface RobustnessInput extends Omit<RobustnessReportInput, 'sensitivity'> {
  sensitivity?: SensitivityGrid;
}

/** Plain words for the grid's parameter paths (a path not listed is spelled out from its last parts). */
const PARAMETER_TITLES: Record<string, string> = {
  'windows.balanceSheetWeeks': 'Balance-sheet change window (weeks)',
  'windows.netLiquidityWeeks': 'Net-liquidity change window (weeks)',
  'windows.reservesWeeks': 'Reserves change window (weeks)',
  'windows.dollarMomentumDays': 'Dollar momentum window (days)',
  'windows.dollarTrendDays': 'Dollar trend window (days)',
  'windows.dollarAccelerationDays': 'Dollar acceleration window (days)',
  'stability.confirmDays': 'Days to confirm a new quadrant',
  'stability.minDwellDays': 'Minimum days in a quadrant',
  playbook: 'Playbook',
  rebalance: 'Rebalancing rule',
  costBps: 'Cost (bps per trade)',
  all: 'All',
};

/** A grid parameter in plain words: "windows.balanceSheetWeeks" → "Balance-sheet change window (weeks)". */
export function parameterTitle(path: string): string {
  if (PARAMETER_TITLES[path]) return PARAMETER_TITLES[path];
  const words = path
    .split('.')
    .slice(-2)
    .join(' ')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Robustness: the sensitivity heatmap of a parameter sweep, and the deflated Sharpe ratio, the
 * probability of backtest overfitting and the permutation p-value as headline figures, the
 * permutation histogram, the top configurations and the walk-forward years. Built
 * from plain numbers so the sweep and validation code can fill it however it computes them.
 */
export function robustnessSection(input: RobustnessInput): ReportSection {
  const items: MetricItem[] = [];
  const prob = { style: 'percent' as const, digits: 1 };
  if (input.deflatedSharpe) {
    const d = input.deflatedSharpe;
    items.push({
      id: 'deflated-sharpe',
      label: 'Deflated Sharpe ratio (probability)',
      value: d.probability,
      format: prob,
      note: `${d.subject ? `of ${d.subject}` : ''}${d.sharpe !== undefined ? `, Sharpe ${d.sharpe.toFixed(2)}` : ''}; ${d.trials} trials`,
    });
  }
  if (input.pbo)
    items.push({
      id: 'pbo',
      label: 'Probability of overfitting',
      value: input.pbo.probability,
      format: prob,
      note: `of choosing the best configuration in sample${input.pbo.splits ? `; ${input.pbo.splits} splits` : ''}`,
    });
  if (input.permutation) {
    items.push({
      id: 'permutation-p',
      label: 'Permutation p-value',
      value: input.permutation.pValue,
      format: { style: 'number', digits: 3 },
      note: `${input.permutation.subject ? `of ${input.permutation.subject} against shuffled regime labels; ` : ''}${input.permutation.permutations} permutations`,
    });
  }
  const blocks: ReportSection['blocks'] = [];
  if (items.length) blocks.push({ kind: 'metrics', items });
  const permutation = input.permutation && permutationHistogram(input.permutation);
  if (permutation) blocks.push(permutation);
  const s = input.sensitivity;
  if (s) {
    const rowTitle = parameterTitle(s.rowTitle);
    const columnTitle = parameterTitle(s.columnTitle);
    const mid = input.referenceSharpe;
    blocks.push({
      kind: 'chart',
      id: 'sensitivity',
      title: `Sensitivity: ${s.metric} by ${rowTitle.toLowerCase()} and ${columnTitle.toLowerCase()}`,
      alt: `Heatmap of ${s.metric} over ${s.rows.length} values of ${rowTitle} and ${s.columns.length} values of ${columnTitle}.`,
      caption: `A robust result changes little from cell to cell. Colours span the cells' own range${mid !== undefined ? `, blue above and orange below the article table's ${mid.toFixed(2)} (the grid replays tables: the Q2 tilt on every Q2 day, the article-unconditional variant, not the playbook's Sharpe with its conditional tilt)` : ''}.`,
      compact: s.columns.length <= 5,
      spec: heatmapChart({
        rows: s.rows,
        columns: s.columns,
        values: s.values,
        format: s.format,
        legendTitle: s.metric,
        xTitle: columnTitle,
        yTitle: rowTitle,
        max: s.max,
        fitted: { mid: mid ?? NaN },
      }),
    });
  }
  if (input.top?.length) {
    const params = Object.keys(input.top[0].params);
    blocks.push({
      kind: 'table',
      id: 'robustness-top',
      caption: `The ${input.top.length} best configurations by Sharpe`,
      columns: [
        { key: 'id', label: '#', format: { style: 'integer' } },
        ...params.map((p) => ({ key: p, label: parameterTitle(p), align: 'left' as const })),
        { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
        { key: 'cagr', label: 'CAGR', format: { style: 'percent', digits: 1 } },
        { key: 'maxDrawdown', label: 'Max drawdown', format: { style: 'percent', digits: 1 } },
        { key: 'turnover', label: 'Turnover / yr', format: { style: 'percent', digits: 0 } },
      ],
      rows: input.top.map((c) => ({
        key: String(c.id),
        cells: [c.id, ...params.map((p) => String(c.params[p])), c.sharpe, c.cagr, 0 - c.maxDrawdown, c.turnover],
      })),
      note: 'In sample over the whole window: the best of many tries is flattered, which the deflated Sharpe ratio and the walk-forward below correct for. Max drawdown as a fall (negative); turnover one-way, in percent of equity a year.',
    });
  }
  if (input.walkForward?.length) {
    blocks.push({
      kind: 'table',
      id: 'robustness-walk-forward',
      caption: 'Walk-forward: each year, the configuration with the best Sharpe on all earlier years',
      columns: [
        { key: 'year', label: 'Year', align: 'left' },
        { key: 'chosen', label: 'Chosen #', format: { style: 'integer' } },
        { key: 'inSample', label: 'Its Sharpe before', format: { style: 'number', digits: 2 } },
        { key: 'return', label: 'Return that year', format: { style: 'percent', digits: 1, signed: true } },
        { key: 'reference', label: 'Article default', format: { style: 'percent', digits: 1, signed: true } },
      ],
      rows: input.walkForward.map((y) => ({
        key: String(y.year),
        cells: [String(y.year), y.chosen, y.inSampleSharpe, y.return, y.referenceReturn],
        tones: [null, null, null, y.return < y.referenceReturn ? 'bad' : null, null],
      })),
      note: 'Out of sample: the choice uses only returns before 1 January of its year. Red: the chosen configuration did worse than the article table that year.',
    });
  }
  if (input.notes?.length) blocks.push({ kind: 'text', paragraphs: input.notes });
  return { title: 'Robustness', blocks };
}
