import { describe, it, expect } from 'vitest';
import { alignRight } from '../../cli/format.ts';
import { pct } from '../../engine/percent.ts';

describe('table formatting shared by validate and compare', () => {
  it('alignRight pads only the named columns to their widest cell', () => {
    const rows = alignRight(
      [
        ['a', '1', 'x'],
        ['bbb', '100', 'yy'],
      ],
      [1],
    );
    expect(rows).toEqual([
      ['a', '  1', 'x'],
      ['bbb', '100', 'yy'],
    ]);
  });

  it('pct signs the percentage and leaves non-finite values blank unless told otherwise', () => {
    expect(pct(0.1234)).toBe('+12.3%');
    expect(pct(-0.05, 2)).toBe('-5.00%');
    expect(pct(0)).toBe('+0.0%');
    expect(pct(NaN)).toBe('');
    expect(pct(Infinity)).toBe('');
    expect(pct(NaN, 1, 'n/a')).toBe('n/a');
  });
});
