import fc from 'fast-check';
import { mean as mMean, quantileSeq, std, variance as mVariance } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { mean, quantile, standardDeviation, variance } from '../../../engine/stats/index.ts';

/** A second, independent implementation of the basics: mathjs (the design card's maths library). */
describe('descriptive statistics against mathjs', () => {
  const samples = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 200 });
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

  it('mean, sample variance and sample standard deviation', () => {
    fc.assert(
      fc.property(samples, (xs) => {
        const x = Float64Array.from(xs);
        close(mean(x), mMean(xs) as number);
        close(variance(x), mVariance(xs) as unknown as number); // mathjs: unbiased (n − 1) by default
        close(standardDeviation(x), std(xs) as unknown as number);
      }),
      { numRuns: 200 },
    );
  });

  it('quantiles by linear interpolation (R type 7, mathjs quantileSeq)', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 999 }), (xs, k) => {
        // Probabilities in [0, 1): mathjs reads a number ≥ 1 as a count of quantiles.
        const p = k / 1000;
        close(quantile(Float64Array.from(xs), p), quantileSeq(xs, p) as number);
      }),
      { numRuns: 200 },
    );
  });
});
