import { parseIsoDay } from '../day.ts';
import { DataError } from '../errors.ts';
import type { Issue } from '../issues.ts';
import { forEachRow } from './parse-rows.ts';

/** A dated table read from CSV: sorted unique days and one Float64Array per value column. */
export interface DatedTable {
  days: Int32Array;
  columns: Float64Array[];
  /** The CSV line each row came from, for messages about values. */
  lines: Int32Array;
}

export interface TableSpec {
  /** Accepted headers, each a full list of column names; the first is the canonical one. */
  headers: string[][];
  /** Index of each value column to read, in the order of `columns` in the result. */
  valueColumns: number[];
  /** Value columns that must be > 0 when present (prices). */
  positive?: boolean;
}

/**
 * Reads a dated CSV: checks the header, parses ISO dates and numbers ("" and "." are
 * missing values, FRED's convention), sorts rows that arrive out of order and drops exact
 * duplicates (both with a warning). Throws a DataError naming file and line for anything
 * that cannot be trusted: a bad header, date or number, a non-finite or non-positive value,
 * or one date with two different values.
 */
export function readDatedTable(text: string, file: string, spec: TableSpec, warnings: Issue[]): DatedTable {
  // Rows are unknown in number until parsed: grow plain arrays, then copy once into typed arrays.
  const days: number[] = [];
  const lines: number[] = [];
  const columns: number[][] = spec.valueColumns.map(() => []);
  let header: string[] = [];
  forEachRow(text, file, {
    onHeader: (names, line) => {
      header = checkHeader(names, line, file, spec);
    },
    onRow: (row, line) => {
      if (row.length !== header.length) {
        throw new DataError('bad-number', `expected ${header.length} fields, found ${row.length}`, { file, line });
      }
      const day = parseIsoDay(row[0].length === 10 ? row[0] : row[0].trim());
      if (Number.isNaN(day)) {
        throw new DataError('bad-date', `bad date "${row[0]}"`, { file, line, hint: 'dates must be YYYY-MM-DD' });
      }
      days.push(day);
      lines.push(line);
      for (let c = 0; c < spec.valueColumns.length; c++) {
        const k = spec.valueColumns[c];
        columns[c].push(parseValue(row[k], file, line, header[k], spec.positive === true));
      }
    },
  });
  const table = { days: Int32Array.from(days), columns: columns.map((c) => Float64Array.from(c)), lines: Int32Array.from(lines) };
  return sortAndDedupe(table, file, warnings);
}

function checkHeader(header: string[], line: number, file: string, spec: TableSpec): string[] {
  const accepted = spec.headers.find((h) => h.length === header.length && h.every((name, i) => name === header[i]));
  if (!accepted) {
    throw new DataError('bad-header', `unexpected header "${header.join(',')}"`, {
      file,
      line,
      hint: `expected "${spec.headers[0].join(',')}"`,
    });
  }
  return header;
}

function parseValue(raw: string, file: string, line: number, column: string, positive: boolean): number {
  if (raw === '' || raw === '.') return NaN;
  // Number() ignores surrounding white space, so only odd cells pay for a trim.
  const value = Number(raw);
  if (value === 0 && raw.trim() === '') return NaN;
  if (Number.isNaN(value)) {
    throw new DataError('bad-number', `${column} "${raw}" is not a number`, { file, line, hint: 'leave it blank or "." for a missing value' });
  }
  if (!Number.isFinite(value)) {
    throw new DataError('non-finite', `${column} "${raw}" is not finite`, { file, line });
  }
  if (positive && value <= 0) {
    throw new DataError('non-positive-price', `${column} ${raw} is not a positive price`, { file, line });
  }
  return value;
}

function sortAndDedupe(table: DatedTable, file: string, warnings: Issue[]): DatedTable {
  const n = table.days.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    if (table.days[i] < table.days[i - 1]) {
      sorted = false;
      warnings.push({
        severity: 'warning',
        code: 'unsorted-dates-sorted',
        file,
        line: table.lines[i],
        message: 'dates are not in ascending order; rows were sorted',
      });
    }
  }
  let order: Int32Array | undefined;
  if (!sorted) {
    // Stable order by (day, line) so the result never depends on the order rows arrived in.
    order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => table.days[a] - table.days[b] || table.lines[a] - table.lines[b]);
  }
  const at = (i: number) => (order ? order[i] : i);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const cur = at(i);
    const prev = keep.length ? keep[keep.length - 1] : -1;
    if (prev >= 0 && table.days[prev] === table.days[cur]) {
      const same = table.columns.every((col) => Object.is(col[prev], col[cur]));
      // Rows are in (day, line) order here, so `prev` is the earlier line.
      if (!same) {
        throw new DataError('duplicate-date', `duplicate date with a different value (first at line ${table.lines[prev]})`, {
          file,
          line: table.lines[cur],
          hint: 'keep one row per date',
        });
      }
      warnings.push({ severity: 'warning', code: 'duplicate-row', file, line: table.lines[cur], message: 'repeated row dropped' });
      continue;
    }
    keep.push(cur);
  }
  if (sorted && keep.length === n) return table;
  const pick = Int32Array.from(keep);
  return {
    days: pick.map((i) => table.days[i]),
    columns: table.columns.map((col) => Float64Array.from(pick, (i) => col[i])),
    lines: pick.map((i) => table.lines[i]),
  };
}
