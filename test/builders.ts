import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDay, parseIsoDay, type Day } from '../datasets/day.ts';
import type { PublicationRule } from '../datasets/publication.ts';
import { availableFrom } from '../datasets/publication.ts';
import type { Series } from '../datasets/series.ts';

/** Weekdays from `start` (ISO), `n` of them: a stand-in trading calendar. */
export function makeCalendar(start: string, n: number): Int32Array {
  const out = new Int32Array(n);
  let d = parseIsoDay(start);
  for (let i = 0; i < n; i++) {
    while ((((d + 4) % 7) + 7) % 7 === 0 || (((d + 4) % 7) + 7) % 7 === 6) d++;
    out[i] = d++;
  }
  return out;
}

/** A series from days and values with availability from a publication rule (default same day). */
export function makeSeries(id: string, days: ArrayLike<Day>, values: ArrayLike<number>, publication: PublicationRule = { kind: 'same-day' }): Series {
  const d = Int32Array.from(days);
  return {
    id,
    days: d,
    values: Float64Array.from(values),
    available: d.map((x) => availableFrom(x, publication)),
    meta: { title: id, units: 'u', frequency: 'daily', source: 'test', publication },
  };
}

/** FRED CSV text for rows of [iso date, value text]. */
export function fredCsv(id: string, rows: [string, string][], newline = '\n'): string {
  return [`observation_date,${id}`, ...rows.map(([d, v]) => `${d},${v}`)].join(newline) + newline;
}

/** Price CSV text; each row gives date and adjusted close (close = adj × 1.1, open = close). */
export function priceCsv(rows: [string, number][]): string {
  return (
    ['date,open,high,low,close,adj_close,volume', ...rows.map(([d, adj]) => `${d},${adj * 1.1},${adj * 1.1},${adj * 1.1},${adj * 1.1},${adj},100`)].join('\n') +
    '\n'
  );
}

/** A temporary snapshot directory holding the given files (paths relative to it). */
export function makeSnapshot(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-test-'));
  mkdirSync(join(dir, 'fred'));
  mkdirSync(join(dir, 'prices'));
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
  return dir;
}

export { isoDay };

/** The error of class `kind` that `fn` throws, so a test can assert on its code and details. */
export function thrown<E extends Error>(fn: () => unknown, kind: abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (err) {
    if (err instanceof kind) return err;
    throw err;
  }
  throw new Error(`expected a ${kind.name}`);
}

/** The real snapshot beside the repository. */
export const SNAPSHOT = join(import.meta.dirname, '..', '..', 'shared', 'datasets');
