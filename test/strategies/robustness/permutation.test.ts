import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { blockShuffleLabels } from '../../../strategies/block-shuffle.ts';
import { permutationTest, shuffledLabelSets } from '../../../strategies/robustness/index.ts';

describe('permutationTest', () => {
  it('p = (1 + #{permuted ≥ actual}) / (N + 1), a NaN counting as ≥ (worked by hand)', () => {
    // Permuted 0.5, 1, 2, NaN against 1: three are ≥ 1 (1, 2, NaN): p = 4/5.
    const t = permutationTest(1, [0.5, 1, 2, NaN], 7, 'Sharpe')!;
    expect(t.pValue).toBe(4 / 5);
    expect(t.atLeast).toBe(3);
    expect(t.permutations).toBe(4);
    // Finite ones 0.5, 1, 2: mean 7/6; nearest-rank 5% = 1st, median = 2nd (ceil(1.5)), 95% = 3rd.
    expect(t.nullMean).toBeCloseTo(7 / 6, 15);
    expect([t.nullP05, t.nullMedian, t.nullP95]).toEqual([0.5, 1, 2]);
    expect(t.seed).toBe(7);
    // Kept in permutation order, NaN included (it is null in JSON).
    expect(t.distribution).toEqual([0.5, 1, 2, NaN]);
  });

  it('keeps each permuted statistic rounded to 4 decimals, the p-value from the unrounded ones', () => {
    // 0.123449 rounds to 0.1234 and 0.12346 to 0.1235, which is above the actual 0.123461 while 0.12346 is below it:
    // only 0.9 counts as reaching it.
    const t = permutationTest(0.123461, [0.123449, 0.12346, 0.9], 0, 's')!;
    expect(t.distribution).toEqual([0.1234, 0.1235, 0.9]);
    expect(t.atLeast).toBe(1);
  });

  it('never 0: beating every permutation gives 1 / (N + 1)', () => {
    expect(permutationTest(9, [1, 2, 3], 0, 's')!.pValue).toBe(1 / 4);
    expect(permutationTest(NaN, [1], 0, 's')).toBeNull();
    expect(permutationTest(1, [], 0, 's')).toBeNull();
  });

  it('property: p lies in [1/(N+1), 1] and does not rise as the actual statistic rises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (perm, a, d) => {
          const p1 = permutationTest(a, perm, 0, 's')!.pValue;
          const p2 = permutationTest(a + d, perm, 0, 's')!.pValue;
          expect(p1).toBeGreaterThanOrEqual(1 / (perm.length + 1));
          expect(p1).toBeLessThanOrEqual(1);
          expect(p2).toBeLessThanOrEqual(p1);
        },
      ),
    );
  });
});

describe('shuffledLabelSets', () => {
  it('set i is blockShuffleLabels with seed + i: same days per quadrant, different timings', () => {
    const labels = Uint8Array.from([0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 1, 1, 2, 2, 2, 4, 4, 3]);
    const sets = shuffledLabelSets(labels, 5, 100);
    expect(sets.length).toBe(5);
    sets.forEach((s, i) => expect(s).toEqual(blockShuffleLabels(labels, 100 + i)));
    const count = (x: Uint8Array) => [0, 1, 2, 3, 4].map((q) => x.filter((v) => v === q).length);
    for (const s of sets) expect(count(s)).toEqual(count(labels));
    expect(new Set(sets.map((s) => s.join(''))).size).toBeGreaterThan(1);
  });
});
