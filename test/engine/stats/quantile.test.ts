import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quantile, quantileSorted } from '../../../engine/stats/index.ts';

describe('quantile (type 7)', () => {
  it('reproduces R quantile(1:10, c(0, .1, .25, .5, .9, 1))', () => {
    // R type 7 on 1:10: h = 9p; 0 → 1, 0.1 → 1.9, 0.25 → 3.25, 0.5 → 5.5, 0.9 → 9.1, 1 → 10.
    const x = [10, 3, 5, 1, 2, 4, 6, 9, 8, 7];
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 0.1)).toBeCloseTo(1.9, 14);
    expect(quantile(x, 0.25)).toBeCloseTo(3.25, 14);
    expect(quantile(x, 0.5)).toBe(5.5);
    expect(quantile(x, 0.9)).toBeCloseTo(9.1, 14);
    expect(quantile(x, 1)).toBe(10);
  });

  it('matches Python statistics.quantiles(method="inclusive") cut points', () => {
    const x = [0.012, -0.034, 0.005, 0.021, -0.002, 0.047, -0.019, 0.003, 0.008, -0.011, 0.026, -0.041];
    // python3: statistics.quantiles(x, n=100, method='inclusive') at 1 %, 25 %, 50 %, 90 %, 99 %.
    expect(quantile(x, 0.01)).toBeCloseTo(-0.040229999999999995, 15);
    expect(quantile(x, 0.25)).toBeCloseTo(-0.013, 15);
    expect(quantile(x, 0.5)).toBeCloseTo(0.004, 15);
    expect(quantile(x, 0.9)).toBeCloseTo(0.0255, 15);
    expect(quantile(x, 0.99)).toBeCloseTo(0.044689999999999994, 15);
  });

  it('lies between the order statistics around h = (n − 1)p and is monotone in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p1, p2) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const q1 = quantile(xs, p1);
          const q2 = quantile(xs, p2);
          if (p1 <= p2) expect(q1).toBeLessThanOrEqual(q2 + 1e-12);
          // Between the neighbouring order statistics ⌊h⌋ and ⌈h⌉.
          const h = (xs.length - 1) * p1;
          expect(q1).toBeGreaterThanOrEqual(sorted[Math.floor(h)] - 1e-12);
          expect(q1).toBeLessThanOrEqual(sorted[Math.ceil(h)] + 1e-12);
        },
      ),
    );
  });

  it('quantileSorted equals quantile on sorted input', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.3)).toBe(5);
  });

  it('rejects NaN, empty input and p outside [0, 1]', () => {
    expect(() => quantile([1, NaN], 0.5)).toThrow(/quantile: input holds NaN at index 1/);
    expect(() => quantile([], 0.5)).toThrow(/quantile needs at least 1 observation/);
    expect(() => quantile([1, 2], 1.5)).toThrow(/probability p in \[0, 1\]/);
  });
});
