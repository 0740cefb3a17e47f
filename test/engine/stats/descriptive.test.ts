import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  sum,
  mean,
  variance,
  standardDeviation,
  skewness,
  kurtosis,
  quantile,
  quantileSorted,
  covariance,
  correlation,
  beta,
  normalCdf,
  normalInverseCdf,
  normalPdf,
} from '../../../engine/stats/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

// ---- moments ----

// Twelve made-up daily returns used across these tests.
const X = Float64Array.of(0.012, -0.034, 0.005, 0.021, -0.002, 0.047, -0.019, 0.003, 0.008, -0.011, 0.026, -0.041);

const finiteArray = (min: number) => fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: min, maxLength: 60 });

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

// ---- quantile ----

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

// ---- dependence ----

// X (above) and twelve more made-up returns for the pairwise tests.
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
        const r = correlation(
          xs,
          ys.map((y, i) => y + Math.sin(i)),
        );
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

// ---- normal ----

describe('normalCdf', () => {
  it('matches Python 0.5·math.erfc(−x/√2) to 1e-15 absolute and 1e-13 relative', () => {
    // python3: 0.5 * math.erfc(-x / math.sqrt(2)) for each x.
    const cases: Array<[number, number]> = [
      [-38, 2.88542835e-316],
      [-20, 2.7536241186063314e-89],
      [-10, 7.619853024160593e-24],
      [-6, 9.865876450377012e-10],
      [-5, 2.866515718791946e-7],
      [-4, 3.1671241833119965e-5],
      [-3, 0.0013498980316300957],
      [-2.9999999, 0.001349898474815001],
      [-2.5, 0.006209665325776139],
      [-2, 0.02275013194817922],
      [-1, 0.15865525393145707],
      [-0.5, 0.3085375387259869],
      [0, 0.5],
      [0.3, 0.6179114221889526],
      [1, 0.8413447460685429],
      [1.96, 0.9750021048517795],
      [3, 0.9986501019683699],
      [5, 0.9999997133484281],
      [8, 0.9999999999999993],
    ];
    for (const [x, p] of cases) {
      const got = normalCdf(x);
      expect(Math.abs(got - p)).toBeLessThan(1e-15);
      if (p > 0) expect(Math.abs(got - p) / p).toBeLessThan(1e-13);
    }
  });

  it('is symmetric, monotone and handles ±Infinity and NaN', () => {
    fc.assert(
      fc.property(fc.double({ min: -9, max: 9, noNaN: true }), fc.double({ min: -9, max: 9, noNaN: true }), (a, b) => {
        expect(normalCdf(a) + normalCdf(-a)).toBeCloseTo(1, 15);
        if (a < b) expect(normalCdf(a)).toBeLessThanOrEqual(normalCdf(b));
      }),
    );
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('pdf at 0 is 1/√(2π)', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
  });
});

describe('normalInverseCdf', () => {
  it('matches Python statistics.NormalDist().inv_cdf (AS 241) to 1e-14', () => {
    // python3: NormalDist().inv_cdf(p).
    const cases: Array<[number, number]> = [
      [1e-300, -37.0470962993612],
      [1e-100, -21.27345356096532],
      [1e-20, -9.262340089798405],
      [1e-10, -6.361340902404056],
      [1e-6, -4.753424308822899],
      [0.001, -3.090232306167813],
      [0.01, -2.3263478740408408],
      [0.025, -1.9599639845400538],
      [0.1, -1.2815515655446008],
      [0.3, -0.5244005127080407],
      [0.4999, -0.0002506628300880075],
      [0.6, 0.2533471031357998],
      [0.975, 1.9599639845400536],
      [0.999999, 4.753424308817089],
    ];
    for (const [p, x] of cases) expect(Math.abs(normalInverseCdf(p) - x)).toBeLessThan(1e-14 * Math.max(1, Math.abs(x)));
  });

  it('inverts normalCdf to 1e-9 everywhere in (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalInverseCdf(p)) - p)).toBeLessThan(1e-9 * Math.max(p, 1e-3));
      }),
    );
  });

  it('gives ±Infinity at 0 and 1 and throws outside [0, 1]', () => {
    expect(normalInverseCdf(0)).toBe(-Infinity);
    expect(normalInverseCdf(1)).toBe(Infinity);
    expect(normalInverseCdf(0.5)).toBe(0);
    expect(() => normalInverseCdf(1.2)).toThrow(/normalInverseCdf needs p in \[0, 1\]/);
    expect(() => normalInverseCdf(NaN)).toThrow(/normalInverseCdf/);
  });
});
