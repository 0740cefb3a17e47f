import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../engine/metrics/compute-metrics.ts';
import { headlineMetrics } from '../../../engine/metrics/headline-metrics.ts';

describe('headlineMetrics', () => {
  it('works a small path out by hand', () => {
    // 100 → 120 → 90 → 130: drawdown from 120 to 90 = 25%; growth 1.3 over 3 days = 3/252 years.
    const h = headlineMetrics(Float64Array.of(100, 120, 90, 130), new Float64Array(4), 0.3, 0.003);
    expect(h.maxDrawdown).toBeCloseTo(0.25, 15);
    expect(h.cagr).toBeCloseTo(1.3 ** (252 / 3) - 1, 6);
    expect(h.turnover).toBeCloseTo(0.3 / (3 / 252), 12);
  });

  it('equals computeMetrics on any path (the sweep scores configurations with it)', () => {
    const scratch = new Float64Array(400).fill(7);
    const path = fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 3, maxLength: 300 });
    fc.assert(
      fc.property(path, fc.double({ min: 0, max: 0.0003, noNaN: true }), (rets, rf) => {
        const nav = new Float64Array(rets.length + 1);
        nav[0] = 1;
        for (let i = 0; i < rets.length; i++) nav[i + 1] = nav[i] * (1 + rets[i]);
        const riskFree = new Float64Array(nav.length).fill(rf);
        const days = Int32Array.from(nav, (_, i) => i);
        const full = computeMetrics({ nav, days, riskFree, turnover: 1.5, costs: 0.01 });
        const fast = headlineMetrics(nav, riskFree, 1.5, 0.01);
        // A scratch buffer (reused, longer than the path) only saves divisions: the same bits.
        expect(headlineMetrics(nav, riskFree, 1.5, 0.01, scratch)).toEqual(fast);
        for (const k of ['cagr', 'volatility', 'sharpe', 'maxDrawdown', 'turnover', 'costDrag'] as const) {
          if (Number.isNaN(full[k])) expect(fast[k]).toBeNaN();
          else expect(Math.abs(fast[k] - full[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(full[k])));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the deepest drawdown to the bit, also among troughs a few ulps apart (property)', () => {
    // Levels a few ulps apart make near-tied troughs: the shortcut that skips the division
    // for NAVs clearly above the deepest trough must never skip one that deepens it.
    const level = fc.record({ base: fc.constantFrom(1.3, 1, 0.7, 0.41), ulps: fc.integer({ min: -4, max: 4 }) });
    fc.assert(
      fc.property(fc.array(level, { minLength: 2, maxLength: 60 }), (levels) => {
        const nav = Float64Array.from(levels, ({ base, ulps }) => base * (1 + ulps * 2 ** -52));
        // The definition written out: max over days of 1 − nav/peak so far.
        let peak = nav[0];
        let want = 0;
        for (const v of nav) {
          peak = Math.max(peak, v);
          want = Math.max(want, 1 - v / peak);
        }
        expect(headlineMetrics(nav, new Float64Array(nav.length), 0, 0).maxDrawdown).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
