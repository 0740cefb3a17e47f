import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

const GRID = 'strategies/robustness/example-grid.json';
const sweep = (...extra: string[]) => runCli(['sweep', '--data', SNAPSHOT, '--grid', GRID, '--permutations', '0', ...extra]);

describe('quadrant sweep --format parquet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-sweep-parquet-'));
  const file = join(dir, 'sweep.parquet');
  let csv: { header: string[]; rows: Record<string, string>[] };
  let buffer: ArrayBuffer;

  beforeAll(() => {
    const p = sweep('--format', 'parquet', '--out', file);
    expect(p.code, p.stderr).toBe(0);
    const bytes = readFileSync(file);
    buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const c = sweep('--format', 'csv');
    expect(c.code, c.stderr).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(c.stdout, { header: true, skipEmptyLines: true });
    csv = { header: parsed.meta.fields ?? [], rows: parsed.data };
  });

  it('writes the CSV table: same rows, same columns, same figures', async () => {
    const schema = parquetMetadata(buffer).schema.slice(1);
    expect(schema.map((s) => s.name)).toEqual(csv.header);
    expect(schema.find((s) => s.name === 'sharpe')?.type).toBe('DOUBLE');
    expect(schema.find((s) => s.name === 'rebalance')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    const rows = await parquetReadObjects({ file: buffer });
    expect(csv.rows.length).toBe(54);
    expect(rows.length).toBe(csv.rows.length);
    rows.forEach((r, i) => {
      expect(r.id).toBe(Number(csv.rows[i].id));
      expect(r.rebalance).toBe(csv.rows[i].rebalance);
      const want = csv.rows[i].sharpe === '' ? null : Number(csv.rows[i].sharpe);
      if (want === null) expect(r.sharpe).toBeNull();
      else expect(Math.abs((r.sharpe as number) - want)).toBeLessThanOrEqual(1e-12);
    });
    // Only the file itself: the temporary name was renamed away.
    expect(readdirSync(dir)).toEqual(['sweep.parquet']);
  });

  it('exits 2 naming --out, and writes nothing, without --out', () => {
    const empty = mkdtempSync(join(tmpdir(), 'quadrant-sweep-parquet-'));
    const r = runCli(['sweep', '--data', join(empty, 'no-such-snapshot'), '--grid', GRID, '--format', 'parquet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format parquet needs --out');
    expect(r.stdout).toBe('');
    expect(readdirSync(empty)).toEqual([]);
    expect(existsSync(join(empty, 'no-such-snapshot'))).toBe(false);
  });
});
