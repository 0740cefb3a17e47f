import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { forwardDrawdowns, forwardReturns } from '../../../engine/analysis/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

describe('forwardReturns / forwardDrawdowns', () => {
  it('worked example by hand: the window starts at t+1', () => {
    const r = Float64Array.of(0.5, 0.1, -0.5, 0.2);
    const f = forwardReturns(r, 2);
    expect(f[0]).toBeCloseTo(1.1 * 0.5 - 1, 12); // returns of days 1 and 2, not day 0's 0.5
    expect(f[1]).toBeCloseTo(0.5 * 1.2 - 1, 12);
    expect(Number.isNaN(f[2])).toBe(true);
    expect(Number.isNaN(f[3])).toBe(true);
    const d = forwardDrawdowns(r, 2);
    expect(d[0]).toBeCloseTo(1 - 0.55 / 1.1, 12); // peak 1.1 after day 1, trough 0.55
    expect(d[1]).toBeCloseTo(0.5, 12); // from 1 straight down to 0.5, then up to 0.6
  });

  it('a path that only rises has no drawdown', () => {
    expect([...forwardDrawdowns(Float64Array.of(0, 0.01, 0.02, 0.03), 2)].slice(0, 2)).toEqual([0, 0]);
  });

  it('agrees with log-sum compounding and an explicit running-peak walk (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -900, max: 900 }), { minLength: 3, maxLength: 50 }), fc.integer({ min: 1, max: 10 }), (ks, h) => {
        const r = Float64Array.from(ks, (k) => k / 1e4);
        const f = forwardReturns(r, h);
        const d = forwardDrawdowns(r, h);
        for (let t = 0; t < r.length; t++) {
          if (t + h >= r.length) {
            expect(Number.isNaN(f[t])).toBe(true);
            continue;
          }
          const path = [1];
          for (let k = 1; k <= h; k++) path.push(Math.exp(Math.log(path[k - 1]) + Math.log1p(r[t + k])));
          expect(f[t]).toBeCloseTo(path[h] - 1, 10);
          const worst = Math.max(...path.map((v, j) => 1 - v / Math.max(...path.slice(0, j + 1))));
          expect(d[t]).toBeCloseTo(worst, 10);
        }
      }),
    );
  });

  it('rejects a horizon below 1', () => {
    expect(() => forwardReturns(new Float64Array(3), 0)).toThrow(QuadrantError);
  });
});
