import { describe, it, expect } from 'vitest';
import { groupMeanDifference } from '../../../engine/analysis/index.ts';

describe('groupMeanDifference', () => {
  it('with lag 0 it is Welch’s standard error with population variances (independent formula)', () => {
    const y = Float64Array.of(1, 2, 3, 4, 10, 12, 11, 13, NaN, 5);
    const codes = Uint8Array.of(1, 1, 1, 1, 2, 2, 2, 2, 1, 0);
    // Group 1: 1,2,3,4 (mean 2.5, population var 1.25); group 2: 10,12,11,13 (mean 11.5, var 1.25).
    const r = groupMeanDifference(y, codes, 1, 2, 0);
    expect(r.nA).toBe(4);
    expect(r.nB).toBe(4);
    expect(r.difference).toBeCloseTo(-9, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(1.25 / 4 + 1.25 / 4), 12);
    expect(r.lower).toBeCloseTo(-9 - 1.959963984540054 * r.se, 9);
    expect(r.t).toBeCloseTo(-9 / r.se, 12);
  });

  it('positive autocorrelation widens the HAC interval over the lag-0 one', () => {
    // Runs of 50 equal values within each group: strongly autocorrelated deviations.
    const y = Float64Array.from({ length: 200 }, (_, t) => (Math.floor(t / 50) % 2 ? 1 : -1) + (t < 100 ? 0.5 : 0));
    const codes = Uint8Array.from({ length: 200 }, (_, t) => (t < 100 ? 1 : 2));
    const iid = groupMeanDifference(y, codes, 1, 2, 0);
    const hac = groupMeanDifference(y, codes, 1, 2, 20);
    expect(hac.difference).toBeCloseTo(iid.difference, 12);
    expect(hac.se).toBeGreaterThan(1.5 * iid.se);
  });

  it('gives NaN figures when a group has fewer than two days', () => {
    const r = groupMeanDifference(Float64Array.of(1, 2, 3), Uint8Array.of(1, 2, 2), 1, 2, 0);
    expect(Number.isNaN(r.se)).toBe(true);
  });
});
