import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stationaryBootstrap, stationaryBootstrapMean } from '../../../engine/stats/stationary-bootstrap.ts';

const mean = (s: Float64Array) => s.reduce((a, b) => a + b, 0) / s.length;

describe('stationaryBootstrapMean', () => {
  // Short series with long expected blocks make most resamples wrap past the end, so the
  // wrapped prefix-sum branch is compared with the copying bootstrap too.
  it('gives the interval of stationaryBootstrap with the mean statistic: same draws, prefix sums', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 8, maxLength: 300 }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (xs, block, seed) => {
          const x = Float64Array.from(xs);
          const blockLength = Math.min(block, x.length);
          const slow = stationaryBootstrap(x, (s) => 252 * mean(s), { reps: 200, seed, blockLength });
          const fast = stationaryBootstrapMean(x, { reps: 200, seed, blockLength }, 252);
          for (const k of ['estimate', 'lower', 'upper', 'standardError'] as const) {
            expect(Math.abs(fast[k] - slow[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(slow[k])));
          }
          expect(fast.blockLength).toBe(slow.blockLength);
        },
      ),
      { numRuns: 200 },
    );
  });
});
