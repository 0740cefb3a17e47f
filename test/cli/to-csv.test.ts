import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_START, toCsv } from '../../datasets/csv/write-csv.ts';

// The independent reference is papaparse's own unparse with the same options (the implementation
// toCsv's loop replaced), with NaN blanked first as toCsv documents.
const reference = (header: string[], rows: (string | number)[][]) =>
  Papa.unparse(
    { fields: header, data: rows.map((r) => r.map((c) => (typeof c === 'number' && Number.isNaN(c) ? '' : c))) },
    { newline: '\n', escapeFormulae: FORMULA_START },
  ) + '\n';

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', ' ', '\n', '\r', '\ufeff', '\t', '=', '+', '-', '@', '1', '.', 'e') }),
  fc.double(),
  fc.integer(),
);

describe('toCsv', () => {
  it('writes what Papa.unparse writes, byte for byte, on random tables with commas, quotes, line breaks, spaces, formulas, NaN and empty rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.oneof(fc.array(cell, { minLength: 5, maxLength: 5 }), fc.constant([])), { maxLength: 6 }),
        (width, rows) => {
          const header = ['date', 'x y', 'a,b', ' lead', '=q"'].slice(0, width);
          const table = rows.map((r) => r.slice(0, width));
          expect(toCsv(header, table)).toBe(reference(header, table));
        },
      ),
    );
  });

  it('quotes and neutralises by hand-checked examples', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [NaN, 1.5],
          [' pad', '=SUM(A1)'],
          [-0.5, '-0.5'],
        ],
      ),
    ).toBe('a,b\n"x,y","say ""hi"""\n,1.5\n" pad","\'=SUM(A1)"\n-0.5,-0.5\n');
  });
});
