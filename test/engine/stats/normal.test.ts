import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalInverseCdf, normalPdf } from '../../../engine/stats/index.ts';

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
