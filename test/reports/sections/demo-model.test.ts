import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoModel } from '../../../reports/sections/demo-model.ts';
import { presentSections, type TableBlock } from '../../../reports/model.ts';
import { SNAPSHOT } from '../../builders.ts';

function findTable(model: ReturnType<typeof buildDemoModel>, id: string): TableBlock {
  for (const [, s] of presentSections(model)) for (const b of s.blocks) if (b.kind === 'table' && b.id === id) return b;
  throw new Error(`no table ${id}`);
}

/** Every value reachable from `x` is plain JSON data (no typed arrays, Maps, Dates, functions). */
function plain(x: unknown): boolean {
  if (x === null || ['string', 'number', 'boolean'].includes(typeof x)) return true;
  if (Array.isArray(x)) return x.every(plain);
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) return Object.values(x as object).every(plain);
  return false;
}

describe('buildDemoModel on the real snapshot', () => {
  const model = buildDemoModel(SNAPSHOT, { createdAt: '2026-09-15T00:00:00Z' });

  it('holds every section it can build today, as plain data', () => {
    expect(presentSections(model).map(([id]) => id)).toEqual([
      'summary',
      'regime-timeline',
      'liquidity',
      'performance',
      'regime-heatmap',
      'scorecard',
      'episodes',
      'appendix',
    ]);
    expect(plain(model)).toBe(true);
    expect(model.headline?.portfolios[0].key).toBe('article');
  });

  it('shows the last Fed balance sheet of the file, in trillions', () => {
    // Independent read: the last non-empty row of fred/WALCL.csv (millions of USD).
    const rows = readFileSync(join(SNAPSHOT, 'fred', 'WALCL.csv'), 'utf8')
      .trim()
      .split('\n');
    const [date, value] = rows
      .filter((r) => /,\d/.test(r))
      .at(-1)!
      .split(',');
    const walcl = findTable(model, 'liquidity-latest').rows.find((r) => r.key === 'WALCL')!;
    expect(walcl.cells[1]).toBeCloseTo(Number(value) / 1e6, 12);
    expect(walcl.cells[3]).toBe(date);
  });

  it('lists the checksum sha256sum gives for each data file', () => {
    const files = findTable(model, 'appendix-files');
    const row = files.rows.find((r) => r.key === 'fred/WALCL.csv')!;
    const expected = execFileSync('sha256sum', [join(SNAPSHOT, 'fred', 'WALCL.csv')], { encoding: 'utf8' }).split(' ')[0];
    expect(row.cells[files.columns.findIndex((c) => c.key === 'sha256')]).toBe(expected);
  });

  it('splits the labelled days among the four quadrants', () => {
    const shares = findTable(model, 'regime-shares').rows.map((r) => r.cells[2] as number);
    expect(shares).toHaveLength(4);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('scores all ten claims', () => {
    // One row per claim and sample.
    expect(findTable(model, 'scorecard').rows.map((r) => r.key)).toEqual(
      ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10'].flatMap((c) => [`${c}-in`, `${c}-out`]),
    );
  });
});
