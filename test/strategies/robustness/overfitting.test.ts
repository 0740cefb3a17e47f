import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pbo } from '../../../engine/stats/pbo.ts';
import { autoPartitions } from '../../../strategies/robustness/index.ts';
import { pboOfRows as pboOf } from './from-rows.ts';

describe('pboOf', () => {
  it('automatic blocks: 16 up to 1,554 configurations, then fewer (C(S, S/2) × N ≤ 2e7)', () => {
    // C(16,8) = 12,870: 12,870 × 1,554 = 19,999,980 ≤ 2e7 < 12,870 × 1,555.
    // C(14,7) = 3,432 fits 1,555 … 5,827; C(12,6) = 924 fits up to 21,645; C(10,5) = 252 beyond.
    expect([18, 1554, 1555, 5827, 5828, 10000, 21645, 21646, 50000].map(autoPartitions)).toEqual([16, 16, 14, 14, 12, 12, 12, 10, 10]);
  });

  it('a configuration that wins every block is never overfit; two that swap halves always are', () => {
    // Row 0 beats row 1 on every day by the same margin, with the same spread: PBO 0.
    const T = 32;
    const base = Array.from({ length: T }, (_, i) => 0.01 * Math.sin(i * 1.7));
    const x = Float64Array.from([...base.map((v) => v + 0.002), ...base]);
    const p = pboOf(x, 2, T, 4)!;
    // C(4, 2) = 6 splits; each: in-sample best row 0 ranks 2 of 2 out of sample, ω = 2/3 > ½.
    expect(p).toMatchObject({ probability: 0, splits: 6, partitions: 4, configs: 2 });
    expect(p.medianLogit).toBeCloseTo(Math.log(2), 12);
    // The engine's documented example: each split's winner ranks last out of sample.
    const swap = Float64Array.of(0.02, 0.01, -0.01, -0.02, 0, 0.01, 0.01, 0.02);
    expect(pboOf(swap, 2, 4, 2)).toMatchObject({ probability: 1, splits: 2, partitions: 2 });
  });

  it('lowers S until every half holds 2 rows; null under 2 configurations or 4 days', () => {
    // T = 10: S = 16, 14, 12 leave empty blocks; S = 10 gives halves of 5 rows.
    const x = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i));
    expect(pboOf(x, 3, 10, 16)!.partitions).toBe(10);
    expect(pboOf(x, 1, 30)).toBeNull();
    expect(pboOf(x.subarray(0, 9), 3, 3)).toBeNull();
  });

  it('property: the same as engine/stats pbo on the rows, as separate series', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 5 * 40, maxLength: 5 * 40 }),
        fc.constantFrom(2, 4, 6, 8),
        (k, xs, S) => {
          const x = Float64Array.from(xs.slice(0, k * 40));
          const series = Array.from({ length: k }, (_, j) => Float64Array.from(xs.slice(j * 40, (j + 1) * 40)));
          const want = pbo(series, { partitions: S });
          const got = pboOf(x, k, 40, S)!;
          expect(got.probability).toBe(want.pbo);
          expect(got.splits).toBe(want.combinations);
        },
      ),
      { numRuns: 40 },
    );
  });
});
