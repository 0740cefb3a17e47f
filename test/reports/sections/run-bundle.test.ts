import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../datasets/day.ts';
import { DataError } from '../../../datasets/errors.ts';
import { readRunBundle } from '../../../engine/run-bundle/index.ts';
import { checkRunData, runDataWarnings } from '../../../reports/sections/run-data-check.ts';
import { writeBundle } from './run-bundle-fixture.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'quadrant-bundle-'));

function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('no DataError thrown');
}

describe('readRunBundle', () => {
  it('reads the NAVs to the exact doubles written, in manifest order (blank = NaN)', () => {
    const b = readRunBundle(writeBundle(tmp()));
    expect([...b.days]).toEqual(['2024-01-02', '2024-01-03', '2024-01-04'].map(parseIsoDay));
    expect(b.navs.map((r) => r.name)).toEqual(['article', 'us-large']);
    // 0.1 + 0.2 in binary is 0.30000000000000004: the text round-trips to that double, not 0.3.
    expect(b.navs[0].nav[2]).toBe(0.1 + 0.2);
    expect([...b.navs[1].nav]).toEqual([1, 0.9, NaN]);
    expect(b.config.strategy).toBe('article');
    expect(b.metrics.runs['us-large'].overall.sharpe).toBe(0.7);
  });

  it('names the missing directory or file (exit code 2)', () => {
    const missing = join(tmpdir(), 'quadrant-no-such-bundle');
    const e1 = dataError(() => readRunBundle(missing));
    expect([e1.code, e1.details.file, e1.exitCode]).toEqual(['file-missing', missing, 2]);
    for (const name of ['manifest.json', 'metrics.json', 'nav.csv', 'benchmarks.csv'] as const) {
      const dir = writeBundle(tmp(), { [name]: null });
      const e = dataError(() => readRunBundle(dir));
      expect(e.code).toBe('file-missing');
      expect(e.details.file).toBe(join(dir, name));
      expect(e.message).toBe(`the run directory has no ${name}`);
    }
  });

  it('names the file, line or field of bad contents', () => {
    const cases: [Parameters<typeof writeBundle>[1], string, string, number | undefined][] = [
      [{ 'metrics.json': '{"runs": ' }, 'metrics.json', 'file-unreadable', undefined],
      [{ 'manifest.json': '{"data": {"files": {}}, "runs": [{"name": "article"}]}' }, 'manifest.json', 'file-unreadable', undefined],
      [{ 'nav.csv': 'date,nav\n2024-01-02,1\n2024-01-32,1.1\n' }, 'nav.csv', 'bad-date', 3],
      [{ 'nav.csv': 'date,nav\n2024-01-03,1\n2024-01-02,1.1\n' }, 'nav.csv', 'unsorted-dates', 3],
      [{ 'nav.csv': 'date,nav\n2024-01-02,1\n2024-01-03,abc\n' }, 'nav.csv', 'bad-number', 3],
      [{ 'benchmarks.csv': 'date,article,60-40\n2024-01-02,1,1\n2024-01-03,1,1\n' }, 'benchmarks.csv', 'bad-header', 1],
      [{ 'benchmarks.csv': 'date,article,us-large\n2024-01-02,1,1\n2024-01-03,1.1,0.9\n' }, 'benchmarks.csv', 'file-unreadable', undefined],
    ];
    for (const [override, file, code, line] of cases) {
      const dir = writeBundle(tmp(), override);
      const e = dataError(() => readRunBundle(dir));
      expect([e.code, e.details.file, e.details.line], JSON.stringify(override)).toEqual([code, join(dir, file), line]);
    }
    const e = dataError(() => readRunBundle(writeBundle(tmp(), { 'manifest.json': '{"data": {"files": {}}, "runs": [{"name": "article"}]}' })));
    expect(e.details.field).toBe('data.dir');
  });
});

describe('readRunBundle verifies the bundle against its own checksums', () => {
  it('refuses a bundle whose nav.csv comes from another run (same dates, another strategy)', () => {
    const dir = writeBundle(tmp());
    // What a second run into the same directory used to leave: its nav.csv beside this metrics.json.
    writeFileSync(join(dir, 'nav.csv'), 'date,nav\n2024-01-02,1\n2024-01-03,0.9\n2024-01-04,\n');
    const e = dataError(() => readRunBundle(dir));
    expect([e.code, e.details.file]).toEqual(['file-unreadable', join(dir, 'nav.csv')]);
    expect(e.message).toMatch(/does not match the checksum manifest.json records for it/);
  });

  it('refuses a bundle without checksums (hand-made or older)', () => {
    const dir = writeBundle(tmp());
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    delete manifest.bundle;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    expect(dataError(() => readRunBundle(dir)).details.field).toBe('bundle');
  });
});

describe('checkRunData', () => {
  it('sorts the files a run read into matched, changed and missing, and warns naming them', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'same.csv'), 'abc');
    writeFileSync(join(dir, 'edited.csv'), 'abd');
    // sha256("abc"), the FIPS 180-2 test vector.
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    const manifest = {
      data: {
        dir,
        files: {
          SAME: { file: 'same.csv', sha256: abc, bytes: 3 },
          EDITED: { file: 'edited.csv', sha256: abc, bytes: 3 },
          GONE: { file: 'gone.csv', sha256: abc, bytes: 3 },
        },
      },
    } as unknown as Parameters<typeof checkRunData>[0];
    const check = checkRunData(manifest, dir);
    expect([check.matched, check.changed, check.missing]).toEqual([['same.csv'], ['edited.csv'], ['gone.csv']]);
    expect(runDataWarnings(check)).toEqual([
      `the data changed since the run: edited.csv in ${dir} differ from the checksums in manifest.json`,
      `the data changed since the run: gone.csv missing from ${dir}`,
    ]);
    expect(runDataWarnings({ ...check, changed: [], missing: [] })).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
