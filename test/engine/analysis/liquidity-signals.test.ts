import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { trailingTerciles, netLiquidityTercileCondition, reservesCondition, thresholdCodes } from '../../../engine/analysis/index.ts';

/** R-type-7 quantile, written out independently of engine/stats. */
function q7(sortedAsc: number[], p: number): number {
  const h = (sortedAsc.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sortedAsc.length - 1);
  return sortedAsc[lo] + (h - lo) * (sortedAsc[hi] - sortedAsc[lo]);
}

describe('trailingTerciles', () => {
  it('worked example by hand', () => {
    // Window of 3: t=3 sorts 2,3,0 (cuts 1.333 / 2.667) → 0 bottom; t=4 sorts 3,0,9 (cuts 2 / 5) → 9 top.
    expect([...trailingTerciles(Float64Array.of(1, 2, 3, 0, 9), 3, 3)]).toEqual([0, 0, 3, 1, 3]);
    expect([...trailingTerciles(Float64Array.of(5, 5, 5, 1, 1, 1, 3), 3, 3)]).toEqual([0, 0, 1, 1, 1, 1, 3]);
    // t=2: history 1,2,3 → cuts 1.667 / 2.333, 3 is top; t=3: 0,1,2,3 → cuts 1 / 2, 0 is bottom;
    // t=4: 0,1,2,3,9 → cuts 1.333 / 2.667, 9 is top.
    expect([...trailingTerciles(Float64Array.of(1, 2, 3, 0, 9), 3)]).toEqual([0, 0, 3, 1, 3]);
  });

  it('matches re-sorting the trailing window every day, and skips NaN (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(NaN)), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 4, max: 70 }),
        (xs, w) => {
          const got = trailingTerciles(Float64Array.from(xs), 4, w);
          const seen: number[] = [];
          xs.forEach((v, t) => {
            if (Number.isNaN(v)) return expect(got[t]).toBe(0);
            seen.push(v);
            if (seen.length < 4) return expect(got[t]).toBe(0);
            const s = seen.slice(-w).sort((a, b) => a - b);
            const want = v <= q7(s, 1 / 3) ? 1 : v > q7(s, 2 / 3) ? 3 : 2;
            expect(got[t]).toBe(want);
          });
        },
      ),
    );
  });

  it('poisoned future: changing values after t leaves terciles up to t unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -99, max: 99 }), { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 0, max: 28 }),
        fc.integer(),
        (xs, t, seed) => {
          const a = Float64Array.from(xs);
          const b = a.slice();
          for (let i = t + 1; i < 30; i++) b[i] = ((seed + i * 7919) % 500) - 250;
          expect([...trailingTerciles(b, 5, 12).subarray(0, t + 1)]).toEqual([...trailingTerciles(a, 5, 12).subarray(0, t + 1)]);
        },
      ),
    );
  });
});

describe('conditions', () => {
  it('thresholdCodes: 1 below, 2 at or above, 0 unknown', () => {
    expect([...thresholdCodes(Float64Array.of(2_999_999, 3_000_000, NaN), 3_000_000)]).toEqual([1, 2, 0]);
  });

  it('reservesCondition drops days before its start and labels the $3T line', () => {
    const c = reservesCondition(Float64Array.of(1, 1, 4e6, 1), 2);
    expect([...c.codes]).toEqual([0, 0, 2, 1]);
    expect(c.groups).toEqual(['below $3T', 'above $3T']);
    expect(c.contrast).toEqual([1, 2]);
  });

  it('netLiquidityTercileCondition sorts 20-day changes, rising minus falling', () => {
    // A steadily accelerating series: each 20-day change is larger than every earlier one → top tercile.
    // The first change is at t = 20; the 252nd (t = 271) is the first with enough history.
    const x = Float64Array.from({ length: 400 }, (_, t) => t * t);
    const c = netLiquidityTercileCondition(x);
    expect(c.codes[20 + 251]).toBe(3);
    expect(c.codes[20 + 250]).toBe(0); // 251 changes known: still warming up
    expect(c.contrast).toEqual([3, 1]);
  });
});
