import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Papa from 'papaparse';

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

/** CSV text of rows (NaN written blank), via papaparse. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const clean = rows.map((r) => r.map((c) => (typeof c === 'number' && Number.isNaN(c) ? '' : c)));
  return Papa.unparse({ fields: header, data: clean }, { newline: '\n' }) + '\n';
}

/** Writes a file atomically: a temporary name in the same directory, then a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/**
 * Writes several files into `dir` together: all are written into a temporary directory beside
 * it first, then each is renamed into place. A failure while writing leaves `dir` as it was.
 */
export function writeFilesTogether(dir: string, files: Record<string, string | Uint8Array>): void {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(join(dirname(dir), `.${basename(dir)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, name), content);
    mkdirSync(dir, { recursive: true });
    for (const name of Object.keys(files)) renameSync(join(tmp, name), join(dir, name));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
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
