import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { forEachRow } from '../../datasets/csv/parse-rows.ts';

/** What forEachRow hands its visitor, as [line, cells] pairs (the header first). */
function rowsOf(text: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  forEachRow(text, 'x.csv', { onHeader: (h, line) => out.push([line, h]), onRow: (r, line) => out.push([line, r]) });
  return out;
}

/**
 * The independent reference: papaparse's whole-text parse with the same settings, numbering
 * lines 1, 2, … and dropping rows that are one blank field (trimming the header's names).
 */
function papaRows(text: string): [number, string[]][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = Papa.parse<string[]>(body, { header: false, delimiter: ',', newline: body.includes('\r\n') ? '\r\n' : '\n', skipEmptyLines: false }).data;
  const out: [number, string[]][] = [];
  rows.forEach((row, i) => {
    if (!(row.length === 1 && row[0].trim() === '')) out.push([i + 1, out.length === 0 ? row.map((h) => h.trim()) : row]);
  });
  return out;
}

describe('forEachRow', () => {
  it('reads unquoted text (the path without papaparse) exactly as papaparse does: cells, line numbers, blank lines, CRLF, BOM', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '1', '.', '-', ' ', '\t') });
    const line = fc.array(field, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), (lines, nl, bom, trailing) => {
        const text = (bom ? '\ufeff' : '') + lines.join(nl) + (trailing ? nl : '');
        const expected = papaRows(text);
        if (expected.length < 2) return; // a file without rows is an error, tested elsewhere
        expect(rowsOf(text)).toEqual(expected);
      }),
    );
  });

  it('reads quoted fields through papaparse, with their commas and line breaks', () => {
    expect(rowsOf('date,name\n2020-01-01,"a, ""b""\nc"\n')).toEqual([
      [1, ['date', 'name']],
      [2, ['2020-01-01', 'a, "b"\nc']],
    ]);
  });

  it('stops at the first row the visitor rejects and passes its error on', () => {
    const seen: number[] = [];
    const boom = new Error('bad row');
    expect(() =>
      forEachRow('h\n1\n2\n3\n', 'x.csv', {
        onHeader: () => {},
        onRow: (_r, line) => {
          seen.push(line);
          if (line === 3) throw boom;
        },
      }),
    ).toThrow(boom);
    expect(seen).toEqual([2, 3]);
  });
});
