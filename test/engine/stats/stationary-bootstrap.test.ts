import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stationaryBootstrap, mean, standardDeviation, normalInverseCdf } from '../../../engine/stats/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';
import { ar1, normals } from './simulate.ts';

const width = (r: { lower: number; upper: number }) => r.upper - r.lower;

describe('stationaryBootstrap', () => {
  it('with block length 1 on i.i.d. data gives the textbook interval x̄ ± 1.96·s/√n (within 10 %)', () => {
    // i.i.d. resampling of the mean: replicate sd ≈ s·√((n−1)/n)/√n; 95 % width ≈ 2·1.96·that.
    const x = normals(1, 1000);
    const r = stationaryBootstrap(x, mean, { reps: 2000, seed: 2, blockLength: 1 });
    const expected = 2 * normalInverseCdf(0.975) * standardDeviation(x) / Math.sqrt(1000);
    expect(width(r) / expected).toBeGreaterThan(0.9);
    expect(width(r) / expected).toBeLessThan(1.1);
    expect(r.estimate).toBe(mean(x));
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    expect(r.standardError * Math.sqrt(1000) / standardDeviation(x)).toBeCloseTo(1, 1);
  });

  it('widens for autocorrelated data as theory says: AR(1) φ = 0.5 long-run sd is √3 × the i.i.d. sd', () => {
    // Long-run variance of AR(1) = σ²/(1 − φ)², marginal variance σ²/(1 − φ²): ratio of sds
    // √((1 + φ)/(1 − φ)) = √3 ≈ 1.732. The automatic block length should recover most of it.
    const x = ar1(4, 6000, 0.5);
    const blocky = stationaryBootstrap(x, mean, { reps: 600, seed: 5 });
    const iid = stationaryBootstrap(x, mean, { reps: 600, seed: 5, blockLength: 1 });
    const ratio = width(blocky) / width(iid);
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.0);
    expect(blocky.blockLength).toBeGreaterThan(5);
  });

  it('interval widens as the sample shrinks (fixed seed, fixed generating process)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const x = normals(seed, 1600);
        const big = stationaryBootstrap(x, mean, { reps: 200, seed, blockLength: 3 });
        const small = stationaryBootstrap(x.subarray(0, 100), mean, { reps: 200, seed, blockLength: 3 });
        // Expected ratio √(1600/100) = 4; sampling noise in s keeps it well above 2.
        expect(width(small)).toBeGreaterThan(2 * width(big));
      }),
      { numRuns: 15 },
    );
  });

  it('is deterministic for a seed and changes with it', () => {
    const x = normals(8, 300);
    const a = stationaryBootstrap(x, mean, { reps: 100, seed: 1 });
    const b = stationaryBootstrap(x, mean, { reps: 100, seed: 1 });
    const c = stationaryBootstrap(x, mean, { reps: 100, seed: 2 });
    expect(b).toEqual(a);
    expect(c.lower).not.toBe(a.lower);
    expect(a).toMatchObject({ reps: 100, seed: 1, level: 0.95 });
  });

  it('a higher level gives a wider interval; a constant series gives a point', () => {
    const x = normals(9, 400);
    const r90 = stationaryBootstrap(x, mean, { reps: 500, seed: 3, level: 0.9 });
    const r99 = stationaryBootstrap(x, mean, { reps: 500, seed: 3, level: 0.99 });
    expect(width(r99)).toBeGreaterThan(width(r90));
    const flat = stationaryBootstrap(new Float64Array(30).fill(0.002), mean, { reps: 50, seed: 1, blockLength: 4 });
    expect([flat.lower, flat.estimate, flat.upper]).toEqual([0.002, 0.002, 0.002]);
  });

  it('resamples are permutations of blocks of the input: the max of a resample never exceeds the max of x', () => {
    const x = normals(10, 200);
    let top = -Infinity;
    for (const v of x) top = Math.max(top, v);
    const r = stationaryBootstrap(x, (s) => s.reduce((a, b) => Math.max(a, b), -Infinity), { reps: 50, seed: 4, blockLength: 10 });
    expect(r.upper).toBeLessThanOrEqual(top);
  });

  it('throws on NaN input naming the function, and on bad options', () => {
    const x = normals(1, 50);
    x[7] = NaN;
    expect(() => stationaryBootstrap(x, mean, { reps: 10, seed: 1 })).toThrow(QuadrantError);
    expect(() => stationaryBootstrap(x, mean, { reps: 10, seed: 1 })).toThrow(/stationaryBootstrap needs finite input; value at index 7 is NaN/);
    const y = normals(1, 50);
    expect(() => stationaryBootstrap(y, mean, { reps: 0, seed: 1 })).toThrow(/reps ≥ 1/);
    expect(() => stationaryBootstrap(y, mean, { reps: 10, seed: 1, level: 1 })).toThrow(/level in \(0, 1\)/);
    expect(() => stationaryBootstrap(y, mean, { reps: 10, seed: 1, blockLength: 0.5 })).toThrow(/blockLength in \[1, 50\]/);
    expect(() => stationaryBootstrap(y, () => NaN, { reps: 10, seed: 1 })).toThrow(/statistic returned NaN/);
  });
});
