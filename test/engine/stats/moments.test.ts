import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sum, mean, variance, standardDeviation, skewness, kurtosis } from '../../../engine/stats/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

// Twelve made-up daily returns used across these tests.
const X = Float64Array.of(0.012, -0.034, 0.005, 0.021, -0.002, 0.047, -0.019, 0.003, 0.008, -0.011, 0.026, -0.041);

const finiteArray = (min: number) =>
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: min, maxLength: 60 });

describe('sum', () => {
  it('keeps the bits a naive loop loses', () => {
    // Exact answers: 1e100 + 1 − 1e100 = 1; ten 0.1s = 1.0 (Python math.fsum gives 1.0, a naive loop 0.9999999999999999).
    expect(sum([1e100, 1, -1e100])).toBe(1);
    expect(sum(new Array(10).fill(0.1))).toBe(1);
    expect(sum([])).toBe(0);
  });
});

describe('mean', () => {
  it('matches Python statistics.fmean', () => {
    // python3: statistics.fmean(X) = 0.0012499999999999998
    expect(mean(X)).toBeCloseTo(0.00125, 17);
  });
  it('throws naming the function on empty input', () => {
    expect(() => mean([])).toThrow(/mean needs at least 1 observation/);
  });
});

describe('variance and standardDeviation', () => {
  it('match Python statistics.variance / stdev', () => {
    // python3: statistics.variance(X) = 0.00062475, statistics.stdev(X) = 0.024994999499899976
    expect(variance(X)).toBeCloseTo(0.00062475, 16);
    expect(standardDeviation(X)).toBeCloseTo(0.024994999499899976, 15);
  });

  it('survives a huge offset (4, 7, 13, 16 have sample variance 30; Welford 1962 example)', () => {
    // By hand: mean 10, squared deviations 36 + 9 + 9 + 36 = 90, / 3 = 30.
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(30);
    expect(variance([1e15 + 4, 1e15 + 7, 1e15 + 13, 1e15 + 16])).toBeCloseTo(30, 10);
  });

  it('equals a naive two-loop O(n²) pairwise formula, Σ_{i<j} (xᵢ − xⱼ)² / (n(n − 1))', () => {
    fc.assert(
      fc.property(finiteArray(2), (xs) => {
        let s = 0;
        for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) s += (xs[i] - xs[j]) ** 2;
        const naive = s / (xs.length * (xs.length - 1));
        expect(variance(xs)).toBeCloseTo(naive, Math.max(0, 6 - Math.ceil(Math.log10(Math.max(1, naive)))));
      }),
    );
  });

  it('is non-negative and shift-invariant', () => {
    fc.assert(
      fc.property(finiteArray(2), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (xs, c) => {
        const v = variance(xs);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(variance(xs.map((a) => a + c))).toBeCloseTo(v, Math.max(0, 4 - Math.ceil(Math.log10(Math.max(1, v)))));
      }),
    );
  });

  it('throws naming the function for fewer than 2 points', () => {
    expect(() => variance([1])).toThrow(QuadrantError);
    expect(() => variance([1])).toThrow(/variance needs at least 2 observations, got 1/);
  });
});

describe('skewness', () => {
  it('matches the Excel SKEW form n/((n−1)(n−2)) Σ ((x − x̄)/s)³ computed in Python', () => {
    // python3 with that (algebraically equal, differently written) formula: -0.06402939561353045
    expect(skewness(X)).toBeCloseTo(-0.06402939561353045, 14);
    // [1, 2, 3, 10]: same formula gives 1.7636326148038877.
    expect(skewness([1, 2, 3, 10])).toBeCloseTo(1.7636326148038877, 14);
  });
  it('flips sign when the data are negated, and is 0 for symmetric data', () => {
    expect(skewness([-1, -2, -3, -10])).toBeCloseTo(-1.7636326148038877, 14);
    expect(skewness([1, 2, 3, 4, 5])).toBeCloseTo(0, 15);
  });
  it('is NaN for constant data and throws below 3 points', () => {
    expect(skewness([2, 2, 2])).toBeNaN();
    expect(() => skewness([1, 2])).toThrow(/skewness needs at least 3 observations/);
  });
});

describe('kurtosis (excess)', () => {
  it('matches the Excel KURT form computed in Python', () => {
    // n(n+1)/((n−1)(n−2)(n−3)) Σ ((x − x̄)/s)⁴ − 3(n−1)²/((n−2)(n−3)) in python3: -0.058692017677965946
    expect(kurtosis(X)).toBeCloseTo(-0.058692017677965946, 13);
    // [1, 2, 3, 10]: 3.228 by the same formula.
    expect(kurtosis([1, 2, 3, 10])).toBeCloseTo(3.228, 12);
  });
  it('is near 0 for a large normal sample and near −1.2 for a uniform one', () => {
    // Population excess kurtosis: normal 0, uniform −6/5. Samples of 100,000 from a fixed seed;
    // the estimator's sd is about √(24/n) ≈ 0.015 for the normal.
    let s = 12345;
    const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
    const uni = new Float64Array(100_000);
    const nor = new Float64Array(100_000);
    for (let i = 0; i < uni.length; i++) {
      uni[i] = u();
      nor[i] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    }
    expect(kurtosis(uni)).toBeCloseTo(-1.2, 1);
    expect(Math.abs(kurtosis(nor))).toBeLessThan(0.08);
  });
  it('throws below 4 points', () => {
    expect(() => kurtosis([1, 2, 3])).toThrow(/kurtosis needs at least 4 observations/);
  });
});
