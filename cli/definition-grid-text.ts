import type { VerdictGrid } from '../engine/analysis/verdicts-across-definitions.ts';
import { formatTable } from './output.ts';

/** Short codes for the per-definition columns: s supported, c contradicted, i inconclusive, p pending, u untestable, - n/a. */
const CODE: Record<string, string> = { supported: 's', contradicted: 'c', inconclusive: 'i', pending: 'p', untestable: 'u' };

/** The definition grid for the terminal: one row per claim and sample, a stability column, one letter per definition. */
export function definitionGridText(grid: VerdictGrid): string {
  const names = grid.definitions.map((d) => d.name);
  const body = grid.rows.map((r) => [
    r.claim,
    r.sample === 'in-sample' ? 'in' : 'out',
    r.defaultVerdict,
    `${r.agree}/${r.total}`,
    names.map((n) => CODE[r.verdicts[n]] ?? '-').join(' '),
  ]);
  const key = names.map((n, i) => `  ${String(i + 1).padStart(2)}. ${n}: ${grid.definitions[i].change}`);
  return [
    formatTable(['claim', 'sample', 'default verdict', 'stability', `verdict under definitions 1..${names.length} (s/c/i/p/u)`], body, {
      short: { [`verdict under definitions 1..${names.length} (s/c/i/p/u)`]: `definitions 1..${names.length}` },
    }),
    'definitions (1 is the default; stability = how many agree with its verdict; each counts as a trial for the deflated Sharpe ratio):',
    ...key,
  ].join('\n');
}

/** CSV rows: one per claim, sample and definition. */
export function definitionGridRecords(grid: VerdictGrid): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const r of grid.rows) for (const d of grid.definitions) out.push([r.claim, r.sample, d.name, r.verdicts[d.name], r.defaultVerdict, r.agree, r.total]);
  return out;
}

export const DEFINITION_GRID_HEADER = ['claim', 'sample', 'definition', 'verdict', 'default_verdict', 'stability', 'definitions'];
