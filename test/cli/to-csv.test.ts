import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../cli/output.ts';

// The independent reference is papaparse's own unparse (the implementation toCsv replaced),
// with NaN blanked first as toCsv documents.
const reference = (header: string[], rows: (string | number)[][]) =>
  Papa.unparse({ fields: header, data: rows.map((r) => r.map((c) => (typeof c === 'number' && Number.isNaN(c) ? '' : c))) }, { newline: '\n' }) + '\n';

const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', ' ', '\n', '\r', '\ufeff', '\t', '=', '-', '1', '.') }), fc.double(), fc.integer());

describe('toCsv', () => {
  it('writes what Papa.unparse writes, byte for byte, on random tables with commas, quotes, line breaks, spaces and NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (width, rows) => {
        const header = ['date', 'x y', 'a,b', ' lead', 'q"'].slice(0, width);
        const table = rows.map((r) => r.slice(0, width));
        expect(toCsv(header, table)).toBe(reference(header, table));
      }),
    );
  });

  it('writes a table without rows as its header line alone (Papa.unparse adds a blank line there)', () => {
    expect(toCsv(['date', 'label'], [])).toBe('date,label\n');
  });

  it('quotes by hand-checked examples', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [NaN, 1.5],
          [' pad', 'ok'],
        ],
      ),
    ).toBe('a,b\n"x,y","say ""hi"""\n,1.5\n" pad",ok\n');
  });
});
