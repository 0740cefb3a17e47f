import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { permutationBins, permutationHistogram } from '../../../reports/sections/permutation-histogram.ts';
import { robustnessSection } from '../../../reports/sections/robustness-section.ts';

/** Brute force: how many values lie in [lo + k·w, lo + (k + 1)·w), the last bin closed on the right. */
function bruteCounts(values: readonly number[], lo: number, w: number, bins: number): number[] {
  return Array.from({ length: bins }, (_, k) => {
    const a = lo + k * w;
    const b = lo + (k + 1) * w;
    return values.filter((v) => Number.isFinite(v) && v >= a - 1e-12 && (k === bins - 1 ? v <= b + 1e-12 : v < b - 1e-12)).length;
  });
}

describe('the permutation histogram', () => {
  it('bins the stored distribution in round bins that hold every value and the observed Sharpe', () => {
    // 0.12 … 0.58 and the observed 0.37: the span 0.10–0.60 fits 25 bins of 0.02 (0.01 would need 50 > 30).
    const distribution = [0.12, 0.2, 0.2, 0.31, 0.33, 0.35, 0.36, 0.41, 0.44, 0.58, NaN];
    const h = permutationBins(distribution, 0.37);
    expect(h.width).toBe(0.02);
    expect(h.start).toBeCloseTo(0.12, 12);
    expect(h.counts.length).toBe(24);
    expect(h.total).toBe(10);
    expect(h.below + h.above).toBe(0);
    expect(h.counts).toEqual(bruteCounts(distribution, h.start, h.width, h.counts.length));
  });

  it('property: counts match a brute-force count and sum to the finite values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 3, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: -2, max: 3, noNaN: true }),
        (xs, actual) => {
          const d = xs.map((x) => Math.round(x * 1e4) / 1e4);
          const h = permutationBins(d, actual);
          expect(h.counts.length).toBeLessThanOrEqual(30);
          expect(h.counts.reduce((a, b) => a + b, 0)).toBe(d.length);
          expect(h.start).toBeLessThanOrEqual(Math.min(actual, ...d) + 1e-9);
          expect(h.start + h.width * h.counts.length).toBeGreaterThanOrEqual(Math.max(actual, ...d));
          expect(h.counts).toEqual(bruteCounts(d, h.start, h.width, h.counts.length));
        },
      ),
    );
  });

  it('marks the observed value and says p, the permutations and the block length in the caption', () => {
    const chart = permutationHistogram({
      pValue: 3 / 11,
      permutations: 10,
      atLeast: 2,
      actual: 0.37,
      seed: 20260119,
      subject: 'the article default',
      distribution: [0.12, 0.2, 0.2, 0.31, 0.33, 0.35, 0.36, 0.41, 0.44, 0.58],
      blocks: { count: 120, meanDays: 40.4 },
    })!;
    expect(chart.caption).toContain('p = 0.273');
    expect(chart.caption).toContain('2 of 10 shuffled label sets reach the Sharpe of the article default on the real labels, 0.37');
    expect(chart.caption).toContain('N = 10 permutations');
    expect(chart.caption).toContain('the 120 blocks of the labels, its episodes (mean block length 40 trading days)');
    const spec = chart.spec as unknown as { layer: { data: { values: { x0: number; share?: number }[] } }[] };
    expect(spec.layer[1].data.values[0].x0).toBe(0.37);
    // Shares: 2 of the 10 values (0.20, 0.20) in the bin 0.20–0.22.
    const bars = spec.layer[0].data.values;
    const at = bars.findIndex((b) => Math.abs(b.x0 - 0.2) < 1e-9);
    expect(bars[at].share).toBeCloseTo(0.2, 12);
  });

  it('is drawn on the robustness page after the cards, and left out without a distribution', () => {
    const base = { pValue: 0.5, permutations: 3, actual: 0.3 };
    const withIt = robustnessSection({ permutation: { ...base, distribution: [0.1, 0.2, 0.4] } });
    expect(withIt.blocks.map((b) => b.kind)).toEqual(['metrics', 'chart']);
    expect(robustnessSection({ permutation: base }).blocks.map((b) => b.kind)).toEqual(['metrics']);
  });
});
