import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MACRO_SERIES, PRICE_SERIES } from '../../datasets/catalog.ts';
import { fredCsv, makeSnapshot, priceCsv, SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

describe('quadrant data', () => {
  it('verify passes on the real snapshot and prints coverage for every catalog series', () => {
    const r = runCli(['data', 'verify', '--data', SNAPSHOT, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { usable: boolean; series: { series: string; first: string; rows: number }[] };
    expect(report.usable).toBe(true);
    const ids = [...MACRO_SERIES.map((e) => e.id), ...PRICE_SERIES.map((e) => e.ticker)];
    expect(report.series.map((s) => s.series)).toEqual(ids);
    // WALCL's first observation (PROVENANCE.md coverage table).
    expect(report.series.find((s) => s.series === 'WALCL')).toMatchObject({ first: '2002-12-18', rows: 1238 });
  });

  it('verify warns about a 50% one-day jump in SPY, naming the day (was "ok")', () => {
    const dir = makeSnapshot({
      'prices/SPY.csv': priceCsv([
        ['2024-01-02', 100],
        ['2024-01-03', 101],
        ['2024-01-04', 151.5],
      ]),
    });
    const r = runCli(['data', 'verify', '--data', dir, '--wide']);
    expect(r.stdout).toContain('SPY.csv:4: adjusted close moves ×1.500 on 2024-01-04, beyond the ×1.3 an ETF is checked against');
  });

  it('verify exits 2 and names the file and line when a required series is broken', () => {
    const dir = makeSnapshot({
      'fred/WALCL.csv': fredCsv('WALCL', [
        ['2024-01-03', '1'],
        ['2024-13-10', '2'],
      ]),
      'prices/SPY.csv': priceCsv([
        ['2024-01-02', 1],
        ['2024-01-03', 1.01],
      ]),
    });
    const r = runCli(['data', 'verify', '--data', dir, '--wide']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('WALCL.csv:3: bad date "2024-13-10"');
    expect(r.stdout).toContain('NOT USABLE');
  });

  it('show prints a series as CSV with the day each value became public', () => {
    const r = runCli(['data', 'show', 'WRESBAL', '--from', '2026-01-07', '--to', '2026-01-14', '--format', 'csv', '--data', SNAPSHOT]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('date,WRESBAL,available_from');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['2026-01-09', '2026-01-16']);
  });

  it('rejects an unknown series with exit 2 and a pointer to the catalog', () => {
    const r = runCli(['data', 'show', 'NOPE', '--data', SNAPSHOT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown series "NOPE".*quadrant data list/);
  });

  it('says how to fill an empty cache', () => {
    const r = runCli(['data', 'verify'], { QUADRANT_CACHE: '/nonexistent/quadrant-cache', QUADRANT_DATA: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('quadrant data fetch');
  });
});

describe('usage errors', () => {
  it('stop the command before it runs: a bad --format writes nothing and exits 2', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'quadrant-usage-')), 'regimes.txt');
    const r = runCli(['regimes', '--data', SNAPSHOT, '--format', 'xml', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid values:[\s\S]*format/);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('run refuses a --run-dir that is a file before doing any work', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'quadrant-usage-')), 'not-a-dir');
    writeFileSync(file, 'keep me');
    const r = runCli(['run', '--data', SNAPSHOT, '--run-dir', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`quadrant: --run-dir ${file}: is a file; name a directory to write into\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('data show refuses --from after --to', () => {
    const r = runCli(['data', 'show', 'WALCL', '--from', '2025-01-01', '--to', '2024-01-01', '--data', SNAPSHOT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from 2025-01-01 is after --to 2024-01-01');
  });
});
