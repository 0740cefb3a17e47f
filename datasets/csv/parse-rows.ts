import Papa from 'papaparse';
import { DataError } from '../errors.ts';

/**
 * Reads CSV rows: strips a byte-order mark, accepts CRLF, skips blank lines, and hands the
 * header and then each row, with 1-based line numbers, to the visitor. Quoted fields go through
 * papaparse's step mode; rows are handled one at a time so a file never sits in memory as
 * arrays of strings. A visitor that throws stops the parse; the error propagates.
 */
export interface RowVisitor {
  onHeader: (header: string[], line: number) => void;
  onRow: (row: string[], line: number) => void;
}

export function forEachRow(text: string, file: string, visitor: RowVisitor): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new DataError('file-empty', 'file is empty', { file, hint: 'download it again or remove it' });
  let header: string[] | undefined;
  let line = 0;
  let count = 0;
  let failure: unknown;
  const newline = body.includes('\r\n') ? '\r\n' : '\n';
  const visit = (row: string[]): boolean => {
    line++;
    if (row.length === 1 && row[0].trim() === '') return true;
    try {
      if (header) {
        visitor.onRow(row, line);
        count++;
      } else {
        header = row.map((h) => h.trim());
        visitor.onHeader(header, line);
      }
      return true;
    } catch (err) {
      failure = err;
      return false;
    }
  };
  if (!body.includes('"')) {
    forEachPlainRow(body, newline, visit);
  } else {
    Papa.parse<string[]>(body, {
      header: false,
      delimiter: ',',
      newline,
      skipEmptyLines: false,
      step: (result, handle) => {
        if (!visit(result.data)) handle.abort();
      },
    });
  }
  if (failure) throw failure;
  if (!header) throw new DataError('file-empty', 'file is empty', { file });
  if (count === 0) throw new DataError('file-empty', 'file has a header but no rows', { file, hint: 'download it again' });
}

/**
 * Rows of text without quotes (every FRED and Yahoo file): lines split at commas, which is what
 * papaparse's fast mode does too, but in one pass over the text with no per-line copies or
 * per-row result objects. Reading the macro series was a quarter of `quadrant regimes`'s start.
 */
function forEachPlainRow(body: string, newline: string, visit: (row: string[]) => boolean): void {
  const n = body.length;
  let comma = body.indexOf(',');
  for (let start = 0; start <= n; ) {
    let end = body.indexOf(newline, start);
    if (end < 0) end = n;
    const row: string[] = [];
    let from = start;
    // `comma` is always the first comma at or after `from`: found once, never searched for twice.
    while (comma >= 0 && comma < end) {
      row.push(body.slice(from, comma));
      from = comma + 1;
      comma = body.indexOf(',', from);
    }
    row.push(body.slice(from, end));
    if (!visit(row)) return;
    start = end + newline.length;
  }
}
