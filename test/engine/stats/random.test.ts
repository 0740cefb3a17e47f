// engine/random.ts is tested here, beside the statistics that consume it.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { makeRng, randomInt } from '../../../engine/random.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

describe('makeRng', () => {
  it('matches an independent big-integer Python implementation of xoshiro128** with the mulberry32 seed mixer', () => {
    // Expected values: python3 reimplementation with arbitrary-precision ints masked to 32 bits
    // (no Math.imul / sign tricks), first four outputs per seed.
    const expected: Record<number, number[]> = {
      0: [0.8993352353572845, 0.33062258176505566, 0.5567699077073485, 0.4362141638994217],
      42: [0.15361988870427012, 0.7817956977523863, 0.34048276278190315, 0.3023101524449885],
      [-7]: [0.3111234144307673, 0.4215684891678393, 0.383050822885707, 0.4008982290979475],
      [2 ** 40 + 5]: [0.12880473653785884, 0.11251814966090024, 0.10731869307346642, 0.4194311462342739],
    };
    for (const [seed, values] of Object.entries(expected)) {
      const rng = makeRng(Number(seed));
      expect([rng(), rng(), rng(), rng()]).toEqual(values);
    }
  });

  it('is deterministic per seed and different across seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const r1 = makeRng(a);
        const r2 = makeRng(a);
        const seq1 = Array.from({ length: 8 }, () => r1());
        const seq2 = Array.from({ length: 8 }, () => r2());
        expect(seq1).toEqual(seq2);
        if (a !== b) {
          const r3 = makeRng(b);
          const seq3 = Array.from({ length: 8 }, () => r3());
          expect(seq3).not.toEqual(seq1);
        }
      }),
    );
  });

  it('stays in [0, 1) and is uniform by a chi-square test on 20 bins', () => {
    const rng = makeRng(2024);
    const bins = new Array<number>(20).fill(0);
    const n = 200_000;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (u < lo) lo = u;
      if (u > hi) hi = u;
      bins[Math.floor(u * 20)]++;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    const e = n / 20;
    const chi2 = bins.reduce((s, o) => s + ((o - e) * (o - e)) / e, 0);
    // 19 degrees of freedom: the 0.999 quantile is 43.82 (chi-square tables).
    expect(chi2).toBeLessThan(43.82);
  });

  it('has no lag-1 correlation to speak of', () => {
    const rng = makeRng(9);
    const n = 100_000;
    let prev = rng() - 0.5;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const cur = rng() - 0.5;
      sxy += prev * cur;
      prev = cur;
    }
    // corr = sxy / (n · 1/12); its sd under independence is 1/√n ≈ 0.0032; 5 sd bound.
    expect(Math.abs(sxy / (n / 12))).toBeLessThan(0.016);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => makeRng(1.5)).toThrow(QuadrantError);
    expect(() => makeRng(NaN)).toThrow(/makeRng needs a safe integer seed/);
  });
});

describe('randomInt', () => {
  it('draws every value of 0..n-1 and nothing else', () => {
    const rng = makeRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(rng, 7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('rejects a bad n', () => {
    const rng = makeRng(3);
    expect(() => randomInt(rng, 0)).toThrow(/randomInt needs an integer n/);
    expect(() => randomInt(rng, 2.5)).toThrow(QuadrantError);
  });
});
