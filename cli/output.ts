import { writeFilesAtomic } from '../datasets/write-files-atomic.ts';

export type Format = 'table' | 'csv' | 'json';

/** A plain-text table with right-aligned numbers, for the terminal. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === ''));
  const line = (r: (string | number)[]) =>
    r.map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '';
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(digits + 2)).toString();
}

/**
 * CSV text of rows (NaN written blank), quoted by papaparse's rule: a field holding a comma,
 * quote, line break or byte-order mark, or starting or ending with a space, is quoted with its
 * quotes doubled. Written out here because Papa.unparse builds a copy of every row first, a
 * tenth of `quadrant regimes --format csv`'s time; the tests compare both on random tables.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  let out = header.map(csvField).join(',') + '\n';
  for (const row of rows) {
    let line = '';
    for (let k = 0; k < row.length; k++) line += (k ? ',' : '') + csvField(row[k]);
    out += line + '\n';
  }
  return out;
}

const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

function csvField(cell: string | number): string {
  if (typeof cell === 'number') return Number.isNaN(cell) ? '' : String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes a file atomically: a temporary name in the same directory, then a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeFilesAtomic([{ path, content }]);
}

/** Prints to stdout, or writes atomically to `out` when given. */
export function emit(text: string, out?: string): void {
  if (out) {
    writeFileAtomic(out, text.endsWith('\n') ? text : text + '\n');
    process.stderr.write(`wrote ${out}\n`);
  } else {
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }
}
