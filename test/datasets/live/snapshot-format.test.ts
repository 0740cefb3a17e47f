import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, isoDay } from '../../../datasets/day.ts';
import { parseFredGraphCsv } from '../../../datasets/live/fred.ts';
import { formatNumber, fredCsvText, priceCsvText, summariseCsv } from '../../../datasets/live/snapshot-format.ts';

/** The offline snapshot beside the project (QUADRANT_DATA overrides). */
const SNAPSHOT = process.env.QUADRANT_DATA ?? resolve(import.meta.dirname, '../../../../shared/datasets');
const haveSnapshot = existsSync(join(SNAPSHOT, 'fred'));

describe('the live writers produce the snapshot format', () => {
  it.skipIf(!haveSnapshot)('re-writes every snapshot FRED file byte for byte', () => {
    const files = readdirSync(join(SNAPSHOT, 'fred')).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const id = f.slice(0, -4);
      const text = readFileSync(join(SNAPSHOT, 'fred', f), 'utf8');
      expect(fredCsvText(id, parseFredGraphCsv(text, id, f)), f).toBe(text);
    }
  });

  it.skipIf(!haveSnapshot)('writes the snapshot price header', () => {
    const spy = readFileSync(join(SNAPSHOT, 'prices', 'SPY.csv'), 'utf8');
    expect(priceCsvText([]).trimEnd()).toBe(spy.split('\n', 1)[0]);
  });

  it('rounds prices to 6 places without trailing zeros', () => {
    expect(formatNumber(437.1300048828125)).toBe('437.130005');
    expect(formatNumber(508.5)).toBe('508.5');
    expect(formatNumber(-0.0000001)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(62557200, 0)).toBe('62557200');
  });

  it('summarises what it writes (rows, blanks, first and last date)', () => {
    const row = fc.record({ value: fc.option(fc.integer({ min: -1e6, max: 1e6 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const fred = rows.map((r, i) => ({ date: isoDay(dayOf(2024, 1, 1) + 7 * i), value: r.value === undefined ? '' : String(r.value) }));
        const s = summariseCsv(fredCsvText('X', fred));
        expect(s.rows).toBe(fred.length);
        expect(s.blankRows).toBe(fred.filter((r) => r.value === '').length);
        expect(s.first).toBe(fred[0]?.date ?? '');
        expect(s.last).toBe(fred.at(-1)?.date ?? '');
        expect(parseFredGraphCsv(fredCsvText('X', fred.length ? fred : [{ date: '2024-01-01', value: '' }]), 'X', 'u').length).toBe(Math.max(1, fred.length));
      }),
    );
  });
});
