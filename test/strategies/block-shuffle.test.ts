import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { blockShuffleLabels, shuffleBlocks } from '../../strategies/index.ts';

const runs = (xs: ArrayLike<number>) => {
  const out: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) {
    if (i > 0 && xs[i] === xs[i - 1]) out[out.length - 1][1]++;
    else out.push([xs[i], 1]);
  }
  return out;
};

describe('blockShuffleLabels', () => {
  const labelsArb = fc
    .tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 40 }),
    )
    .map(([warm, eps]) => Uint8Array.from([...Array(warm).fill(0), ...eps.flatMap(([q, len]) => Array(len).fill(q))]));

  it('keeps the warm-up, the days in each quadrant, and cuts into the same episodes', () => {
    fc.assert(
      fc.property(labelsArb, fc.integer(), (labels, seed) => {
        const out = blockShuffleLabels(labels, seed);
        expect(out.length).toBe(labels.length);
        const warm = labels.findIndex((x) => x !== 0);
        expect(Array.from(out.subarray(0, warm))).toEqual(Array.from(labels.subarray(0, warm)));
        for (let q = 0; q <= 4; q++) expect(out.filter((x) => x === q).length).toBe(labels.filter((x) => x === q).length);
        // Each run of the output is a sum of original episode lengths of its quadrant: the
        // multiset of original (quadrant, length) episodes can be regrouped into the output runs.
        const original = runs(labels.subarray(warm));
        const shuffled = runs(out.subarray(warm));
        expect(shuffled.length).toBeLessThanOrEqual(original.length);
        const lengthsByQ = (rs: [number, number][]) => [1, 2, 3, 4].map((q) => rs.filter(([x]) => x === q).reduce((a, [, n]) => a + n, 0));
        expect(lengthsByQ(shuffled)).toEqual(lengthsByQ(original));
      }),
      { numRuns: 200 },
    );
  });

  it('is seeded: same seed same labels, another seed another order', () => {
    const labels = Uint8Array.from([0, 0, 1, 1, 1, 2, 2, 3, 4, 4, 4, 4, 1, 2, 2, 3, 3, 3, 4, 1, 1]);
    expect(Array.from(blockShuffleLabels(labels, 7))).toEqual(Array.from(blockShuffleLabels(labels, 7)));
    const variants = new Set([1, 2, 3, 4, 5, 6].map((s) => blockShuffleLabels(labels, s).join('')));
    expect(variants.size).toBeGreaterThan(1);
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => blockShuffleLabels(Uint8Array.of(1), 0.5)).toThrow(/seed/);
  });
});

describe('shuffleBlocks', () => {
  it('counts the runs blockShuffleLabels moves and their mean length (by hand)', () => {
    // 0 0 | 1 1 | 4 4 4 | 0 | 2: warm-up left out; blocks 11, 444, 0, 2 → 4 blocks over 7 days.
    expect(shuffleBlocks(Uint8Array.of(0, 0, 1, 1, 4, 4, 4, 0, 2))).toEqual({ count: 4, meanDays: 7 / 4 });
    expect(shuffleBlocks(Uint8Array.of(0, 0)).count).toBe(0);
  });

  it('property: a shuffle keeps the number of runs or merges some (same-quadrant neighbours run on)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 1000 }), (xs, seed) => {
        const labels = Uint8Array.from(xs);
        expect(shuffleBlocks(labels).count).toBe(runs(labels).length);
        expect(shuffleBlocks(blockShuffleLabels(labels, seed)).count).toBeLessThanOrEqual(runs(labels).length);
      }),
    );
  });
});
