import { writeFilesAtomic } from '../datasets/write-files-atomic.ts';
import { wrapLines } from './terminal-width.ts';

export type Format = 'table' | 'csv' | 'json';

/** The terminal table, fitted to the terminal's width: cli/fit-table.ts. */
export { formatNumber, formatTable, type TableFit } from './fit-table.ts';

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

/**
 * Emits terminal text (the table format): lines wider than the terminal wrap at spaces. Tables
 * were fitted when formatted; CSV and JSON go through emit and are never touched.
 */
export function emitText(text: string, out?: string): void {
  emit(wrapLines(text), out);
}
