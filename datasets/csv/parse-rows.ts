import Papa from 'papaparse';
import { DataError } from '../errors.ts';

/**
 * Splits CSV text into rows with papaparse. Strips a byte-order mark, accepts CRLF, skips
 * blank lines while keeping each row's 1-based line number for messages.
 */
export function parseRows(text: string, file: string): { header: string[]; rows: string[][]; lines: Int32Array } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new DataError('file-empty', 'file is empty', { file, hint: 'download it again or remove it' });
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: ',' });
  const data = parsed.data;
  const rows: string[][] = [];
  const lines: number[] = [];
  let header: string[] | undefined;
  for (let i = 0; i < data.length; i++) {
    const row = data[i];
    if (row.length === 1 && row[0].trim() === '') continue;
    if (!header) {
      header = row.map((h) => h.trim());
      continue;
    }
    rows.push(row);
    lines.push(i + 1);
  }
  if (!header) throw new DataError('file-empty', 'file is empty', { file });
  if (rows.length === 0) throw new DataError('file-empty', 'file has a header but no rows', { file, hint: 'download it again' });
  return { header, rows, lines: Int32Array.from(lines) };
}
