import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { isRole, type Role } from '../../datasets/catalog.ts';
import { parseIsoDay } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';

/** The strategy's end-of-day weights per role, from a run's weights.csv. */
export interface RunWeights {
  days: Int32Array;
  roles: Role[];
  /** weights[k][i]: share of equity in roles[k] at the close of days[i]. */
  weights: Float64Array[];
}

/**
 * Reads weights.csv of a run directory (`date`, one column per role, then `financing`,
 * `turnover`, `costs`); undefined when the run has none (the report then draws no weights chart).
 *
 * @throws DataError (exit 2) naming the file and line for a bad header, date or number.
 */
export function readRunWeights(dir: string): RunWeights | undefined {
  const path = join(dir, 'weights.csv');
  if (!existsSync(path)) return undefined;
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const columns = (header ?? []).map((h) => h.trim());
  const roleColumns = columns.map((c, k) => (k > 0 && isRole(c) ? k : -1)).filter((k) => k > 0);
  if (columns[0] !== 'date' || roleColumns.length === 0) {
    throw new DataError('bad-header', `expected date and role columns, found ${columns.join(',') || 'nothing'}`, { file: path, line: 1 });
  }
  const days = new Int32Array(rows.length);
  const weights = roleColumns.map(() => new Float64Array(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const day = parseIsoDay(rows[i][0] ?? '');
    if (Number.isNaN(day)) throw new DataError('bad-date', `bad date "${rows[i][0]}"`, { file: path, line: i + 2 });
    days[i] = day;
    roleColumns.forEach((c, k) => {
      const text = (rows[i][c] ?? '').trim();
      const x = text === '' ? NaN : Number(text);
      if (text !== '' && !Number.isFinite(x)) throw new DataError('bad-number', `bad weight "${text}" for ${columns[c]}`, { file: path, line: i + 2 });
      weights[k][i] = x;
    });
  }
  return { days, roles: roleColumns.map((c) => columns[c] as Role), weights };
}
