import { formatValue } from '../format.ts';
import type { ValueFormat } from '../model.ts';

/** The panel's metrics (engine/metrics names), with the report's headline formats and sign conventions. */
export const WHAT_IF_METRICS: readonly {
  key: 'cagr' | 'volatility' | 'sharpe' | 'maxDrawdown' | 'turnover' | 'costDrag';
  label: string;
  format: ValueFormat;
  negate?: boolean;
}[] = [
  { key: 'cagr', label: 'CAGR', format: { style: 'percent', digits: 1 } },
  { key: 'volatility', label: 'Volatility', format: { style: 'percent', digits: 1 } },
  { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
  // Shown as a fall (negative), as in the headline table and the drawdown chart.
  { key: 'maxDrawdown', label: 'Max drawdown', format: { style: 'percent', digits: 1 }, negate: true },
  { key: 'turnover', label: 'Turnover / yr', format: { style: 'percent', digits: 0 } },
  { key: 'costDrag', label: 'Costs / yr', format: { style: 'percent', digits: 2 } },
];

/**
 * A fraction as a percentage for an input or a label: 12 significant digits, so 0.15 reads
 * "15" and not "15.000000000000002"; `unit` adds "%".
 */
export function percentText(x: number, unit = true): string {
  return `${Number((x * 100).toPrecision(12))}${unit ? '%' : ''}`;
}

/** A metric's value written as the report writes it. */
export function metricText(value: number, format: ValueFormat): string {
  return formatValue(Number.isFinite(value) ? value : null, format);
}
