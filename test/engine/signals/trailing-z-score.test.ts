import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { trailingZScore } from '../../../engine/signals/trailing-z-score.ts';

/** Naive reference: rebuilds each window from scratch, two-pass mean and variance. */
function naive(xs: number[], window: number, minHistory: number, clip: number, center: boolean): number[] {
  return xs.map((v, t) => {
    if (Number.isNaN(v)) return NaN;
    const vals = xs.slice(Math.max(0, t - window + 1), t + 1).filter((x) => !Number.isNaN(x));
    if (vals.length < minHistory || (center && vals.length < 2)) return NaN;
    let z: number;
    if (center) {
      const m = vals.reduce((a, b) => a + b, 0) / vals.length;
      const sd = Math.sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / (vals.length - 1));
      z = sd > 0 ? (v - m) / sd : 0;
    } else {
      const rms = Math.sqrt(vals.reduce((a, b) => a + b * b, 0) / vals.length);
      z = rms > 0 ? v / rms : 0;
    }
    return Math.max(-clip, Math.min(clip, z));
  });
}

describe('trailingZScore', () => {
  it('centred: (x − mean) / sample sd over the trailing window', () => {
    // By hand, window 3, minHistory 3: row 2 sees 1, 2, 3 → mean 2, sd 1 → z = 1. Row 3 sees
    // 2, 3, 7 → mean 4, deviations −2, −1, 3, variance (4+1+9)/2 = 7 → z = 3/√7 = 1.1339…
    const z = trailingZScore(Float64Array.of(1, 2, 3, 7), { window: 3, minHistory: 3 });
    expect(z[0]).toBeNaN();
    expect(z[1]).toBeNaN();
    expect(z[2]).toBeCloseTo(1, 12);
    expect(z[3]).toBeCloseTo(3 / Math.sqrt(7), 12);
  });

  it('about zero: x / trailing root mean square, so a steady rise stays positive', () => {
    // By hand, window 4, minHistory 2: row 1 sees 3, 4 → rms √((9+16)/2) = 3.5355 → 4/3.5355 =
    // 1.1314; row 3 sees 3, 4, 4, 4 → rms √(57/4) = 3.7749 → 1.0596. A centred z-score of the
    // same steady 4 would be about +0.5, and 0 once the window is all 4s.
    const z = trailingZScore(Float64Array.of(3, 4, 4, 4, 4, 4, 4), { window: 4, minHistory: 2, center: false });
    expect(z[0]).toBeNaN();
    expect(z[1]).toBeCloseTo(4 / Math.sqrt(12.5), 12);
    expect(z[3]).toBeCloseTo(4 / Math.sqrt(57 / 4), 12);
    expect(z[6]).toBeCloseTo(1, 12);
  });

  it('a flat window scores 0, and scores are clipped', () => {
    const flat = trailingZScore(Float64Array.of(5, 5, 5, 5), { window: 3, minHistory: 2 });
    expect(Array.from(flat)).toEqual([NaN, 0, 0, 0]);
    // 0 ×9 then 100: mean 10, sd √(9·100 + 8100)/9 = √1000 = 31.62 → z = 2.846 → clipped at 2.
    const xs = new Float64Array(10);
    xs[9] = 100;
    expect(trailingZScore(xs, { window: 10, minHistory: 10, clip: 2 })[9]).toBe(2);
    expect(trailingZScore(xs, { window: 10, minHistory: 10 })[9]).toBeCloseTo(90 / Math.sqrt(1000), 12);
  });

  it('matches a naive two-pass implementation, levels in the millions included', () => {
    // Values on a 0.001 grid (as real data are): no subnormal squares to compare.
    const value = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -2e9, max: 2e9 }).map((v) => v / 1000) }, { weight: 1, arbitrary: fc.constant(NaN) });
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 80 }),
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 2, max: 20 }),
        fc.boolean(),
        fc.constantFrom(3, Infinity),
        fc.integer({ min: 0, max: 7e6 }),
        (xs, window, mh, center, clip, level) => {
          const shifted = xs.map((v) => v + level);
          const got = trailingZScore(Float64Array.from(shifted), { window, minHistory: Math.min(mh, window), clip, center });
          const want = naive(shifted, window, Math.min(mh, window), clip, center);
          want.forEach((w, t) => {
            if (Number.isNaN(w)) expect(got[t]).toBeNaN();
            else expect(Math.abs(got[t] - w)).toBeLessThan(1e-6 * Math.max(1, Math.abs(w)));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
