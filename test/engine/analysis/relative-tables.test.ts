import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { basketReturns, pairReturns, regimeStats, relativeTable, RELATIVE_PAIRS } from '../../../engine/analysis/index.ts';
import { ConfigError } from '../../../datasets/errors.ts';

const cal = (n: number) => Int32Array.from({ length: n }, (_, i) => 19000 + i);

describe('relative tables', () => {
  it('a pair is the long basket minus the short basket (by hand)', () => {
    const roles = {
      us_large: Float64Array.of(0, 0.01),
      us_small: Float64Array.of(0, 0.03),
      non_us_developed: Float64Array.of(0, -0.01),
      emerging: Float64Array.of(0, 0.01),
      commodities: Float64Array.of(0, 0.05),
    };
    const us = RELATIVE_PAIRS.find((p) => p.id === 'us-vs-non-us')!;
    expect(pairReturns(us, roles)[1]).toBeCloseTo(0.02 - 0.0, 12); // (0.01+0.03)/2 − (−0.01+0.01)/2
    expect(basketReturns([roles.us_large, roles.us_small])[1]).toBeCloseTo(0.02, 12);
    const com = RELATIVE_PAIRS.find((p) => p.id === 'commodities-vs-us')!;
    expect(pairReturns(com, roles)[1]).toBeCloseTo(0.03, 12);
  });

  it('the mean difference by quadrant is the difference of the two sides’ means (linearity, property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -200, max: 200 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 15,
          maxLength: 40,
        }),
        (rows) => {
          const n = rows.length;
          const small = Float64Array.from(rows, (r) => r[0] / 1e4);
          const large = Float64Array.from(rows, (r) => r[1] / 1e4);
          const labels = Uint8Array.from(rows, (r) => r[2]);
          const opts = { reps: 10, seed: 2 };
          const pair = RELATIVE_PAIRS.filter((p) => p.id === 'small-vs-large');
          const rel = relativeTable({ us_small: small, us_large: large }, labels, cal(n), opts, pair);
          const a = regimeStats({ name: 's', returns: small }, labels, cal(n), opts);
          const b = regimeStats({ name: 'l', returns: large }, labels, cal(n), opts);
          rel.forEach((row, k) => {
            expect(row.pair).toBe('small-vs-large');
            expect(row.days).toBe(a[k].days);
            if (row.days > 0) expect(row.meanAnnual).toBeCloseTo(a[k].meanAnnual - b[k].meanAnnual, 10);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a missing role is a ConfigError naming it', () => {
    expect(() => relativeTable({ us_large: new Float64Array(3) }, new Uint8Array(3), cal(3))).toThrow(ConfigError);
    try {
      relativeTable({ us_large: new Float64Array(3) }, new Uint8Array(3), cal(3));
    } catch (e) {
      expect((e as ConfigError).details.field).toBe('us-vs-non-us.us_small');
    }
  });
});
