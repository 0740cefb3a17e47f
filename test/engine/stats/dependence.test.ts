import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { covariance, correlation, beta, variance } from '../../../engine/stats/index.ts';

const X = Float64Array.of(0.012, -0.034, 0.005, 0.021, -0.002, 0.047, -0.019, 0.003, 0.008, -0.011, 0.026, -0.041);
const Y = Float64Array.of(0.01, -0.02, 0.004, 0.015, 0.001, 0.03, -0.012, 0.0, 0.006, -0.008, 0.02, -0.025);

describe('covariance, correlation, beta', () => {
  it('match Python statistics.covariance / correlation / linear_regression', () => {
    // python3: covariance(X, Y) = 0.0004023409090909091, correlation = 0.9958069042098516,
    // linear_regression(Y, X).slope (X regressed on Y) = 1.5397929894755154.
    expect(covariance(X, Y)).toBeCloseTo(0.0004023409090909091, 16);
    expect(correlation(X, Y)).toBeCloseTo(0.9958069042098516, 13);
    expect(beta(X, Y)).toBeCloseTo(1.5397929894755154, 12);
  });

  it('small integer case by hand', () => {
    // x = 1..4, y = 2, 4, 6, 9: x̄ = 2.5, ȳ = 5.25; Σ dx·dy = 11.5, Σ dx² = 5, Σ dy² = 26.75.
    expect(covariance([1, 2, 3, 4], [2, 4, 6, 9])).toBeCloseTo(11.5 / 3, 14);
    expect(beta([2, 4, 6, 9], [1, 2, 3, 4])).toBeCloseTo(2.3, 14);
    expect(correlation([1, 2, 3, 4], [2, 4, 6, 9])).toBeCloseTo(11.5 / Math.sqrt(5 * 26.75), 14);
  });

  it('covariance of a series with itself is its variance; beta of a·x + b on x is a; |corr| ≤ 1', () => {
    const arr = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(arr, fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (xs, a, b) => {
        const v = variance(xs);
        expect(covariance(xs, xs)).toBeCloseTo(v, 9);
        fc.pre(v > 1e-6);
        const ys = xs.map((x) => a * x + b);
        expect(beta(ys, xs)).toBeCloseTo(a, 6);
        const r = correlation(xs, ys.map((y, i) => y + Math.sin(i)));
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('NaN when the regressor is constant; throws on length mismatch', () => {
    expect(beta([1, 2, 3], [1, 1, 1])).toBeNaN();
    expect(correlation([1, 2, 3], [1, 1, 1])).toBeNaN();
    expect(() => covariance([1, 2], [1, 2, 3])).toThrow(/covariance needs equal lengths/);
    expect(() => beta([1], [1])).toThrow(/beta needs at least 2 pairs/);
  });
});
