import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { conditionalTable, type ConditionSpec } from '../../../engine/analysis/index.ts';

const spec = (codes: number[]): ConditionSpec => ({ id: 'c', title: 'test', codes: Uint8Array.from(codes), groups: ['low', 'high'], contrast: [1, 2] });

describe('conditionalTable', () => {
  it('worked example by hand: forward windows start at t+1 and stay inside the window', () => {
    // returns r1..r5 = 0.1, −0.1, 0.2, 0, 0.1; horizon 2.
    // Decisions: t=0 (low) → (1.1)(0.9) − 1 = −0.01; t=1 (high) → (0.9)(1.2) − 1 = 0.08;
    // t=2 (low) → 1.2·1 − 1 = 0.2; t=3 (high) → 1·1.1 − 1 = 0.1; t=4, 5: window past the end.
    const returns = Float64Array.of(NaN, 0.1, -0.1, 0.2, 0, 0.1);
    const rows = conditionalTable([{ name: 'a', returns }], spec([1, 2, 1, 2, 1, 2]), { horizons: [2] });
    const low = rows.find((r) => r.group === 'low')!;
    const high = rows.find((r) => r.group === 'high')!;
    expect(low.n).toBe(2);
    expect(low.meanReturn).toBeCloseTo((-0.01 + 0.2) / 2, 12);
    expect(low.hitRate).toBe(0.5);
    // Drawdowns: t=0 path 1 → 1.1 → 0.99: 1 − 0.99/1.1 = 0.1; t=2 path 1 → 1.2 → 1.2: 0.
    expect(low.meanDrawdown).toBeCloseTo(0.05, 12);
    expect(low.worstDrawdown).toBeCloseTo(0.1, 12);
    expect(high.meanReturn).toBeCloseTo((0.08 + 0.1) / 2, 12);
    const contrast = rows.find((r) => r.group === 'low − high')!;
    expect(contrast.meanReturn).toBeCloseTo(low.meanReturn - high.meanReturn, 12);
    expect(contrast.n).toBe(4);
    // A window ending at day 4 drops t=3 (its window reaches day 5).
    const cut = conditionalTable([{ name: 'a', returns }], spec([1, 2, 1, 2, 1, 2]), { horizons: [2], window: { from: 1, to: 4 } });
    expect(cut.find((r) => r.group === 'high')!.n).toBe(1);
  });

  it('poisoned future: returns after the window’s end change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 80, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 80, maxLength: 80 }),
        fc.integer({ min: 30, max: 78 }),
        fc.integer({ min: -900, max: 900 }),
        (r, c, to, poison) => {
          const returns = Float64Array.from(r, (k) => k / 1e4);
          const cond = spec(c);
          const opts = { horizons: [5, 10], window: { from: 1, to } };
          const before = conditionalTable([{ name: 'a', returns }], cond, opts);
          const r2 = returns.slice();
          for (let i = to + 1; i < 80; i++) r2[i] = (poison + i) / 1e4;
          expect(conditionalTable([{ name: 'a', returns: r2 }], cond, opts)).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
