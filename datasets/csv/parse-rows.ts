import Papa from 'papaparse';
import { DataError } from '../errors.ts';

/**
 * Streams CSV rows through papaparse: strips a byte-order mark, accepts CRLF, skips blank
 * lines, and hands the header and then each row, with 1-based line numbers, to the visitor.
 * Rows are handled one at a time (papaparse's step mode) so a large file never sits in
 * memory as arrays of strings. A visitor that throws stops the parse; the error propagates.
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
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: ',',
    // Said rather than guessed: papaparse's guess scans the text again.
    newline: body.includes('\r\n') ? '\r\n' : '\n',
    // Without quotes papaparse may split on commas alone, which is faster.
    fastMode: !body.includes('"'),
    skipEmptyLines: false,
    step: (result, handle) => {
      line++;
      const row = result.data;
      if (row.length === 1 && row[0].trim() === '') return;
      try {
        if (header) {
          visitor.onRow(row, line);
          count++;
        } else {
          header = row.map((h) => h.trim());
          visitor.onHeader(header, line);
        }
      } catch (err) {
        failure = err;
        handle.abort();
      }
    },
  });
  if (failure) throw failure;
  if (!header) throw new DataError('file-empty', 'file is empty', { file });
  if (count === 0) throw new DataError('file-empty', 'file has a header but no rows', { file, hint: 'download it again' });
}
