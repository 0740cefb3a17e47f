import Papa from 'papaparse';
import { isoDay } from '../day.ts';
import type { Series } from '../series.ts';

/** FRED's CSV form of a series: `observation_date,<ID>`, blank for missing values, LF line ends. */
export function writeFredCsv(series: Series): string {
  const rows: string[][] = [['observation_date', series.id]];
  for (let i = 0; i < series.days.length; i++) {
    const v = series.values[i];
    rows.push([isoDay(series.days[i]), Number.isNaN(v) ? '' : String(v)]);
  }
  return Papa.unparse(rows, { newline: '\n' }) + '\n';
}
