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
 * CSV text of a header and rows, the one way Quadrant writes CSV: papaparse's unparse rules, `\n`
 * line ends, a trailing newline, NaN written blank, and formula-like text cells neutralised
 * (FORMULA_START), headers included; numbers are written as numbers. The loop below writes
 * exactly what `Papa.unparse({ fields, data }, { newline: '\n', escapeFormulae: FORMULA_START })`
 * writes (the tests compare the two on random tables) without its copy of every row, a tenth of
 * `quadrant regimes --format csv`'s time.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  if (rows.length === 0) return Papa.unparse({ fields: [...header], data: [] }, { newline: '\n', escapeFormulae: FORMULA_START }) + '\n';
  const width = header.length;
  let out = '';
  for (let k = 0; k < width; k++) out += (k ? ',' : '') + csvCell(header[k]);
  out += '\n';
  for (const row of rows) {
    let line = '';
    // papaparse writes a row with no cells as an empty line, and any other row `width` cells wide.
    if (row.length > 0) for (let k = 0; k < width; k++) line += (k ? ',' : '') + csvCell(row[k]);
    out += line + '\n';
  }
  return out;
}

/** Papa's quoting: a comma, quote, line break or byte-order mark, or a space at either end. */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

function csvCell(cell: string | number | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isNaN(cell) ? '' : String(cell);
  if (FORMULA_START.test(cell)) return `"'${cell.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
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
