import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macroEntry, priceEntry } from '../../datasets/catalog.ts';
import { readFredCsv } from '../../datasets/csv/read-fred-csv.ts';
import { readPriceCsv } from '../../datasets/csv/read-price-csv.ts';
import { writeFredCsv } from '../../datasets/csv/write-csv.ts';
import { parseIsoDay } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import type { Issue } from '../../datasets/issues.ts';
import { fredCsv, priceCsv, thrown } from '../builders.ts';

const WALCL = macroEntry('WALCL')!;
const SPY = priceEntry('SPY')!;

const failure = (fn: () => unknown): DataError => thrown(fn, DataError);

describe('reading FRED CSV', () => {
  it('reads values, treats "." and blanks as missing, and dates availability by the H.4.1 rule', () => {
    const warnings: Issue[] = [];
    const s = readFredCsv(
      fredCsv('WALCL', [
        ['2026-01-07', '6580000'],
        ['2026-01-14', '.'],
        ['2026-01-21', ''],
      ]),
      'WALCL.csv',
      WALCL,
      warnings,
    );
    expect(Array.from(s.values)).toEqual([6580000, NaN, NaN]);
    expect(s.available[0]).toBe(parseIsoDay('2026-01-09')); // Wednesday → Friday
    expect(warnings).toEqual([]);
  });

  it('accepts the older DATE header', () => {
    const s = readFredCsv('DATE,WALCL\n2026-01-07,1\n', 'f.csv', WALCL, []);
    expect(s.values[0]).toBe(1);
  });

  // Each validation case: the file that triggers it, and a message naming file and line.
  const cases: [string, string, DataError['code'], number][] = [
    ['empty file', '', 'file-empty', 0],
    ['header only', 'observation_date,WALCL\n', 'file-empty', 0],
    ['unexpected header', 'date,value\n2026-01-07,1\n', 'bad-header', 1],
    [
      'bad date',
      fredCsv('WALCL', [
        ['2026-01-07', '1'],
        ['2026-02-30', '2'],
      ]),
      'bad-date',
      3,
    ],
    [
      'non-numeric value',
      fredCsv('WALCL', [
        ['2026-01-07', '1'],
        ['2026-01-14', 'n/a'],
      ]),
      'bad-number',
      3,
    ],
    ['non-finite value', fredCsv('WALCL', [['2026-01-07', 'Infinity']]), 'non-finite', 2],
    [
      'duplicate date, different values',
      fredCsv('WALCL', [
        ['2026-01-07', '1'],
        ['2026-01-14', '2'],
        ['2026-01-14', '3'],
      ]),
      'duplicate-date',
      4,
    ],
    ['wrong number of fields', 'observation_date,WALCL\n2026-01-07,1,2\n', 'bad-number', 2],
  ];
  for (const [name, text, code, line] of cases) {
    it(`rejects: ${name}`, () => {
      const err = failure(() => readFredCsv(text, 'fred/WALCL.csv', WALCL, []));
      expect(err.code).toBe(code);
      expect(err.details.file).toBe('fred/WALCL.csv');
      if (line) expect(err.details.line).toBe(line);
      expect(err.describe()).toContain('fred/WALCL.csv');
    });
  }

  it('sorts unsorted dates with a warning naming the first line out of order', () => {
    const warnings: Issue[] = [];
    const s = readFredCsv(
      fredCsv('WALCL', [
        ['2026-01-14', '2'],
        ['2026-01-07', '1'],
      ]),
      'w.csv',
      WALCL,
      warnings,
    );
    expect(Array.from(s.values)).toEqual([1, 2]);
    expect(warnings).toMatchObject([{ code: 'unsorted-dates-sorted', file: 'w.csv', line: 3 }]);
  });

  it('drops an exactly repeated row with a warning', () => {
    const warnings: Issue[] = [];
    const s = readFredCsv(
      fredCsv('WALCL', [
        ['2026-01-07', '1'],
        ['2026-01-07', '1'],
      ]),
      'w.csv',
      WALCL,
      warnings,
    );
    expect(s.days.length).toBe(1);
    expect(warnings).toMatchObject([{ code: 'duplicate-row', line: 3 }]);
  });

  const rows = fc
    .uniqueArray(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 40 })
    .chain((days) =>
      fc.tuple(
        fc.constant(days),
        fc.array(fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null }), { minLength: days.length, maxLength: days.length }),
      ),
    );

  it('is invariant to row order, CRLF line ends and a byte-order mark', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), fc.boolean(), fc.integer(), ([days, values], crlf, bom, seed) => {
        const lines: [string, string][] = days.map((d, i) => [
          new Date(d * 86_400_000).toISOString().slice(0, 10),
          values[i] === null ? '' : String(values[i]),
        ]);
        const reference = readFredCsv(fredCsv('WALCL', [...lines].sort()), 'a.csv', WALCL, []);
        const shuffled = [...lines].sort((a, b) => (hash(a[0] + seed) - hash(b[0] + seed)) | 0);
        const text = (bom ? '\uFEFF' : '') + fredCsv('WALCL', shuffled, crlf ? '\r\n' : '\n');
        const s = readFredCsv(text, 'b.csv', WALCL, []);
        expect(Array.from(s.days)).toEqual(Array.from(reference.days));
        expect(Array.from(s.values)).toEqual(Array.from(reference.values));
      }),
      { numRuns: 200 },
    );
  });

  it('writes and re-reads a series losslessly', () => {
    fc.assert(
      fc.property(rows, ([days, values]) => {
        const lines: [string, string][] = days.map((d, i) => [
          new Date(d * 86_400_000).toISOString().slice(0, 10),
          values[i] === null ? '.' : String(values[i]),
        ]);
        const s = readFredCsv(fredCsv('WALCL', lines), 'a.csv', WALCL, []);
        const again = readFredCsv(writeFredCsv(s), 'b.csv', WALCL, []);
        expect(Array.from(again.days)).toEqual(Array.from(s.days));
        expect(Array.from(again.values)).toEqual(Array.from(s.values)); // toEqual treats NaN as equal to NaN
        expect(Array.from(again.available)).toEqual(Array.from(s.available));
      }),
      { numRuns: 200 },
    );
  });
});

describe('reading price CSV', () => {
  it('reads adjusted closes and puts the open on the same adjusted basis', () => {
    const s = readPriceCsv('date,open,high,low,close,adj_close,volume\n2026-01-02,100,101,99,110,55,1\n2026-01-05,,,,,56,\n', 'p.csv', SPY, []);
    expect(Array.from(s.values)).toEqual([55, 56]);
    expect(s.open[0]).toBeCloseTo((100 * 55) / 110, 12);
    expect(s.open[1]).toBeNaN();
  });

  it('rejects a non-positive price, naming file and line', () => {
    const err = failure(() =>
      readPriceCsv(
        priceCsv([
          ['2026-01-02', 10],
          ['2026-01-05', 0],
        ]),
        'prices/SPY.csv',
        SPY,
        [],
      ),
    );
    expect(err.code).toBe('non-positive-price');
    expect(err.details).toMatchObject({ file: 'prices/SPY.csv', line: 3 });
  });

  it('warns about a split-like jump in adjusted closes, naming file and line', () => {
    const warnings: Issue[] = [];
    readPriceCsv(
      priceCsv([
        ['2026-01-02', 100],
        ['2026-01-05', 101],
        ['2026-01-06', 50.4],
      ]),
      'prices/SPY.csv',
      SPY,
      warnings,
    );
    expect(warnings).toMatchObject([{ code: 'split-like-jump', file: 'prices/SPY.csv', line: 4 }]);
  });

  it('flags a 50% one-day jump in an ETF (beyond ×1.3), naming the day', () => {
    const warnings: Issue[] = [];
    readPriceCsv(
      priceCsv([
        ['2026-01-02', 100],
        ['2026-01-05', 150],
      ]),
      'prices/SPY.csv',
      SPY,
      warnings,
    );
    expect(warnings).toMatchObject([{ code: 'split-like-jump', series: 'SPY', line: 3 }]);
    expect(warnings[0].message).toBe(
      'adjusted close moves ×1.500 on 2026-01-05, beyond the ×1.3 an ETF is checked against: an unadjusted split or a bad print?',
    );
  });

  it('does not flag large but real moves: an ETF falling 22% (÷1.28), an index falling 28% (÷1.39)', () => {
    const warnings: Issue[] = [];
    readPriceCsv(
      priceCsv([
        ['2026-01-02', 100],
        ['2026-01-05', 78],
      ]),
      'p.csv',
      SPY,
      warnings,
    );
    readPriceCsv(
      priceCsv([
        ['2026-01-02', 100],
        ['2026-01-05', 72],
      ]),
      'p.csv',
      priceEntry('GSPC')!,
      warnings,
    );
    expect(warnings).toEqual([]);
  });
});

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

describe('quoted fields', () => {
  it('still parse when a file quotes its values (papaparse leaves its fast path)', () => {
    const s = readFredCsv('"observation_date","WALCL"\n"2026-01-07","6580000"\n', 'q.csv', WALCL, []);
    expect(Array.from(s.values)).toEqual([6580000]);
  });
});
