import { describe, it, expect } from 'vitest';
import { alignRight } from '../../cli/format.ts';
import { pct } from '../../engine/percent.ts';
import { formatP, formatRatio } from '../../cli/figures.ts';

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
    // A value that rounds to zero has no sign either way (worked by hand).
    expect(pct(0)).toBe('0.0%');
    expect(pct(0.0004)).toBe('0.0%');
    expect(pct(-0.0004)).toBe('0.0%');
    expect(pct(-0.0005, 2)).toBe('-0.05%');
    expect(pct(NaN)).toBe('');
    expect(pct(Infinity)).toBe('');
    expect(pct(NaN, 1, 'n/a')).toBe('n/a');
  });
});

describe('the terminal rounding conventions (cli/figures.ts)', () => {
  it('p-values keep two significant digits, whatever their size', () => {
    // By hand: 0.2163 → 0.22, 0.06249 → 0.062, 1 → 1.0, 0.00487 → 0.0049.
    expect(formatP(0.2163)).toBe('0.22');
    expect(formatP(0.06249)).toBe('0.062');
    expect(formatP(1)).toBe('1.0');
    expect(formatP(0.00487)).toBe('0.0049');
    expect(formatP(0.0004)).toBe('<0.001');
    expect(formatP(NaN)).toBe('');
    expect(formatP(NaN, 'n/a')).toBe('n/a');
  });

  it('ratios keep two decimals, trailing zeros included', () => {
    expect(formatRatio(0.5)).toBe('0.50');
    expect(formatRatio(-0.125)).toBe('-0.13');
    expect(formatRatio(Infinity)).toBe('');
  });
});
