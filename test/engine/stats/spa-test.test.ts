import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalCdf } from '../../../engine/stats/normal-cdf.ts';
import { spaTest } from '../../../engine/stats/spa-test.ts';
import { normals } from './simulate.ts';

const shifted = (seed: number, n: number, mean: number) => normals(seed, n).map((z) => mean + z);

describe("spaTest (Hansen 2005, stationary bootstrap)", () => {
  it('one alternative: the p-value is the one-sided normal tail of its t-statistic, 1 − Φ(t)', () => {
    // With a single alternative T* = max(0, √n(d̄* − d̄)/ω̂) is ~ max(0, N(0, 1)) for i.i.d. data,
    // so P(T* ≥ t) = 1 − Φ(t): the textbook one-sided test. B = 4,000 gives a Monte Carlo error ≈ 0.003.
    const d = shifted(3, 2000, 0.04);
    const r = spaTest([d], { seed: 1, reps: 4000, blockLength: 1 });
    expect(r.tStats[0]).toBeGreaterThan(1);
    expect(r.pValue).toBeCloseTo(1 - normalCdf(r.tStats[0]), 2);
    expect(r.pUpper).toBe(r.pValue);
  });

  it('no alternative better on average: T = 0 and p = 1', () => {
    const r = spaTest([shifted(4, 500, -0.3), shifted(5, 500, -0.2)], { seed: 2, reps: 200 });
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('brute-force Monte Carlo: size near 5% at the null boundary with two clearly worse alternatives, power against a better one', () => {
    // 150 data sets of n = 300: alternative 0 as good as the base (mean 0), alternatives 1 and 2
    // clearly worse (mean −0.4 sd). The consistent p drops the worse ones; the upper (White's
    // reality check) keeps them and is conservative. Binomial(150, 0.05) exceeds 15 with p < 0.5%.
    let rejectConsistent = 0;
    let rejectUpper = 0;
    let power = 0;
    for (let s = 0; s < 150; s++) {
      const worse = [shifted(10_000 + s, 300, -0.4), shifted(20_000 + s, 300, -0.4)];
      const r = spaTest([shifted(s + 1, 300, 0), ...worse], { seed: s, reps: 300, blockLength: 1 });
      if (r.pValue <= 0.05) rejectConsistent++;
      if (r.pUpper <= 0.05) rejectUpper++;
      if (spaTest([shifted(s + 1, 300, 0.25), ...worse], { seed: s, reps: 300, blockLength: 1 }).pValue <= 0.05) power++;
    }
    expect(rejectConsistent).toBeLessThanOrEqual(15);
    expect(rejectUpper).toBeLessThanOrEqual(rejectConsistent);
    // √300 · 0.25 = 4.3 standard errors: rejected essentially always.
    expect(power).toBeGreaterThanOrEqual(145);
  });

  it('property: lower ≤ consistent ≤ upper p-value, and the same seed gives the same result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 4 }), (seed, shifts) => {
        const ds = shifts.map((m, k) => shifted(seed + k, 120, m));
        const r = spaTest(ds, { seed, reps: 200 });
        expect(r.pLower).toBeLessThanOrEqual(r.pValue);
        expect(r.pValue).toBeLessThanOrEqual(r.pUpper);
        expect(spaTest(ds, { seed, reps: 200 })).toEqual(r);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects bad input, naming the problem', () => {
    expect(() => spaTest([], { seed: 1 })).toThrow(/at least one alternative/);
    expect(() => spaTest([new Float64Array(10), new Float64Array(9)], { seed: 1 })).toThrow(/one length/);
    expect(() => spaTest([new Float64Array(10)], { seed: 1, reps: 10 })).toThrow(/never differs/);
  });
});
