import { heatmapChart } from '../charts/heatmap.ts';
import type { MetricItem, ReportSection, ValueFormat } from '../model.ts';

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

/** What the robustness checks produced; every part is optional. */
export interface RobustnessInput {
  sensitivity?: SensitivityGrid;
  /** Deflated Sharpe ratio (a probability) and the number of trials it deflates for. */
  deflatedSharpe?: { probability: number; trials: number; sharpe?: number };
  /** Probability of backtest overfitting (CSCV), and the number of splits. */
  pbo?: { probability: number; splits?: number };
  /** Permutation test of the strategy against shuffled regime labels. */
  permutation?: { pValue: number; permutations: number; statistic?: string };
  notes?: string[];
}

/**
 * Robustness: the sensitivity heatmap of a parameter sweep, and the deflated Sharpe ratio, the
 * probability of backtest overfitting and the permutation p-value as headline figures. Built
 * from plain numbers so the sweep and validation code can fill it however it computes them.
 */
export function robustnessSection(input: RobustnessInput): ReportSection {
  const items: MetricItem[] = [];
  const prob = { style: 'percent' as const, digits: 1 };
  if (input.deflatedSharpe) {
    items.push({ id: 'deflated-sharpe', label: 'Deflated Sharpe ratio (probability)', value: input.deflatedSharpe.probability, format: prob, note: `${input.deflatedSharpe.trials} trials` });
  }
  if (input.pbo) items.push({ id: 'pbo', label: 'Probability of overfitting', value: input.pbo.probability, format: prob, note: input.pbo.splits ? `${input.pbo.splits} splits` : undefined });
  if (input.permutation) {
    items.push({ id: 'permutation-p', label: 'Permutation p-value', value: input.permutation.pValue, format: { style: 'number', digits: 3 }, note: `${input.permutation.permutations} permutations` });
  }
  const blocks: ReportSection['blocks'] = [];
  if (items.length) blocks.push({ kind: 'metrics', items });
  const s = input.sensitivity;
  if (s) {
    blocks.push({
      kind: 'chart',
      id: 'sensitivity',
      title: `Sensitivity: ${s.metric} by ${s.rowTitle} and ${s.columnTitle}`,
      alt: `Heatmap of ${s.metric} over ${s.rows.length} values of ${s.rowTitle} and ${s.columns.length} values of ${s.columnTitle}.`,
      caption: 'A robust result changes little from cell to cell.',
      compact: s.columns.length <= 5,
      spec: heatmapChart({ rows: s.rows, columns: s.columns, values: s.values, format: s.format, legendTitle: s.metric, xTitle: s.columnTitle, yTitle: s.rowTitle, max: s.max }),
    });
  }
  if (input.notes?.length) blocks.push({ kind: 'text', paragraphs: input.notes });
  return { title: 'Robustness', blocks };
}
