import { describe, expect, it } from 'vitest';
import { MISSING, formatValue } from '../../reports/format.ts';

describe('formatValue', () => {
  it('writes percentages from fractions (worked by hand)', () => {
    expect(formatValue(0.1234, { style: 'percent' })).toBe('12.3%');
    expect(formatValue(-0.0551, { style: 'percent', digits: 2 })).toBe('-5.51%');
    expect(formatValue(0.05, { style: 'percent', digits: 0, signed: true })).toBe('+5%');
  });

  it('groups thousands and keeps the requested digits', () => {
    expect(formatValue(-1234.5, { style: 'number', digits: 1 })).toBe('-1,234.5');
    expect(formatValue(1234567.891, { style: 'number', digits: 2 })).toBe('1,234,567.89');
    expect(formatValue(999.996, { style: 'number', digits: 2 })).toBe('1,000.00');
    expect(formatValue(24777, { style: 'integer' })).toBe('24,777');
    expect(formatValue(6.7371, { style: 'number', digits: 2, suffix: ' tn' })).toBe('6.74 tn');
  });

  it('never writes a negative zero, nor a positive one: a value that rounds to zero has no sign', () => {
    expect(formatValue(-0.0004, { style: 'percent', digits: 1 })).toBe('0.0%');
    expect(formatValue(-0.001, { style: 'number', digits: 2 })).toBe('0.00');
    // Signed (heatmaps, changes): +0.04% rounds to 0.0%, written as its negative twin is.
    expect(formatValue(0.0004, { style: 'percent', digits: 1, signed: true })).toBe('0.0%');
    expect(formatValue(-0.0004, { style: 'percent', digits: 1, signed: true })).toBe('0.0%');
    expect(formatValue(0.0006, { style: 'percent', digits: 1, signed: true })).toBe('+0.1%');
    expect(formatValue(0.004, { style: 'number', digits: 2, signed: true })).toBe('0.00');
    expect(formatValue(0.4, { style: 'integer', signed: true })).toBe('0');
    expect(formatValue(0.6, { style: 'integer', signed: true })).toBe('+1');
  });

  it('writes missing values as an en dash and strings as they are', () => {
    expect(formatValue(null)).toBe(MISSING);
    expect(formatValue(Number.NaN, { style: 'number' })).toBe(MISSING);
    expect(formatValue(Infinity, { style: 'percent' })).toBe(MISSING);
    expect(formatValue('supported', { style: 'percent' })).toBe('supported');
  });
});
