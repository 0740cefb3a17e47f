import type { MacroEntry } from '../catalog.ts';
import { availableFrom } from '../publication.ts';
import type { Issue } from '../issues.ts';
import type { Series } from '../series.ts';
import { readDatedTable } from './read-table.ts';

/**
 * Reads a series in FRED's CSV format (`observation_date,<ID>`; older downloads say `DATE`).
 * Each observation's availability day follows the catalog's publication rule.
 */
export function readFredCsv(text: string, file: string, entry: MacroEntry, warnings: Issue[]): Series {
  const table = readDatedTable(
    text,
    file,
    {
      headers: [
        ['observation_date', entry.id],
        ['DATE', entry.id],
      ],
      valueColumns: [1],
    },
    warnings,
  );
  const available = new Int32Array(table.days.length);
  for (let i = 0; i < available.length; i++) available[i] = availableFrom(table.days[i], entry.publication);
  return {
    id: entry.id,
    days: table.days,
    values: table.columns[0],
    available,
    meta: { title: entry.title, units: entry.units, frequency: entry.frequency, source: 'FRED', publication: entry.publication, file },
  };
}
