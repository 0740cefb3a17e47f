import Papa from 'papaparse';
import { isoDay } from '../day.ts';
import type { Series } from '../series.ts';

/**
 * Text cells a spreadsheet would run as a formula: starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP's CSV-injection list), unless the whole cell is a number such as
 * `-0.5` or `+1e-3`. papaparse prefixes them with `'`, which spreadsheets show as text.
 */
export const FORMULA_START = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

/**
 * CSV text of a header and rows, the one way Quadrant writes CSV: papaparse, `\n` line ends, a
 * trailing newline, NaN written blank, and formula-like text cells neutralised (FORMULA_START),
 * headers included; numbers are written as numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const data = rows.map((r) => r.map((c) => (typeof c === 'number' && Number.isNaN(c) ? '' : c)));
  return Papa.unparse({ fields: [...header], data }, { newline: '\n', escapeFormulae: FORMULA_START }) + '\n';
}

/** FRED's CSV form of a series: `observation_date,<ID>`, blank for missing values, LF line ends. */
export function writeFredCsv(series: Series): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < series.days.length; i++) {
    const v = series.values[i];
    rows.push([isoDay(series.days[i]), Number.isNaN(v) ? '' : String(v)]);
  }
  return toCsv(['observation_date', series.id], rows);
}
