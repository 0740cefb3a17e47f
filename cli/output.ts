import { writeFilesAtomic } from '../datasets/write-files-atomic.ts';

export type Format = 'table' | 'csv' | 'json';

/** A plain-text table with right-aligned numbers, for the terminal. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === ''));
  const line = (r: (string | number)[]) =>
    r
      .map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '';
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(digits + 2)).toString();
}

/** CSV text of rows: datasets/csv/write-csv.ts, the one CSV writer (NaN blank, formulas neutralised). */
export { toCsv } from '../datasets/csv/write-csv.ts';

/** Writes a file atomically: a temporary name in the same directory, then a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeFilesAtomic([{ path, content }]);
}

/**
 * Control characters other than newline and tab (ESC, BEL, CR, C1 …) as "?": text from files
 * and names reaches the terminal, and none may retitle, clear or rewrite it.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/** Prints to stdout (terminal-safe), or writes atomically to `out` when given. */
export function emit(text: string, out?: string): void {
  if (out) {
    writeFilesAtomic([{ path: out, content: text.endsWith('\n') ? text : text + '\n' }], 'out');
    process.stderr.write(`wrote ${terminalSafe(out)}\n`);
  } else {
    process.stdout.write(terminalSafe(text.endsWith('\n') ? text : text + '\n'));
  }
}
