import { describe, expect, it } from 'vitest';
import { toCsv } from '../../datasets/csv/write-csv.ts';
import { navsCsv } from '../../engine/backtest/export.ts';
import type { BacktestResult } from '../../engine/backtest/index.ts';

describe('toCsv neutralises formula-like text cells (OWASP CSV injection), in headers too', () => {
  it("prefixes = + - @ tab and CR with ' and keeps numbers, numeric text and inner signs as they are", () => {
    const text = toCsv(
      ['=1+2*cmd', 'value'],
      [
        ['=HYPERLINK("http://x")', -0.5],
        ['-0.5', '@SUM(1)'],
        ['\tx', '+1e-3'],
        ['-', 'a-b'],
        ['+cmd', NaN],
      ],
    );
    // Expected by hand: each formula-like cell gains a leading ' and is quoted.
    expect(text).toBe([`"'=1+2*cmd",value`, `"'=HYPERLINK(""http://x"")",-0.5`, `-0.5,"'@SUM(1)"`, `"'\tx",+1e-3`, `"'-",a-b`, `"'+cmd",`, ''].join('\n'));
  });

  it('every CSV of a run goes through it: a strategy named like a formula cannot start a formula in benchmarks.csv', () => {
    const result = { name: '=1+2*cmd', days: Int32Array.of(19724), nav: Float64Array.of(1) } as unknown as BacktestResult;
    expect(navsCsv([result]).split('\n')[0]).toBe(`date,"'=1+2*cmd"`);
  });
});
