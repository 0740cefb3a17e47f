import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { probabilisticSharpe, deflatedSharpe, expectedMaxSharpe } from '../../../engine/stats/index.ts';

describe('probabilisticSharpe (per-period Sharpe)', () => {
  it('matches Python NormalDist().cdf of the PSR z-score', () => {
    // python3: Φ(0.1·√252 / √(1 + 0.5·0.01)) = 0.9433458828040169 (normal returns).
    expect(probabilisticSharpe({ sharpe: 0.1, n: 253 })).toBeCloseTo(0.9433458828040169, 13);
    // python3: SR 0.08, n 500, γ₃ −1, excess kurtosis 3 (γ₄ 6), SR* 0.02:
    // Φ(0.06·√499 / √(1 + 0.08 + 5/4·0.0064)) = 0.9005955593157982.
    expect(probabilisticSharpe({ sharpe: 0.08, n: 500, skew: -1, kurtosis: 3, benchmark: 0.02 })).toBeCloseTo(
      0.9005955593157982,
      13,
    );
  });

  it('is ½ at SR = SR*, rises with SR and with the track record, falls with negative skew', () => {
    expect(probabilisticSharpe({ sharpe: 0.05, n: 100, benchmark: 0.05 })).toBe(0.5);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.double({ min: 0.001, max: 0.1, noNaN: true }),
        fc.integer({ min: 20, max: 5000 }),
        (sr, step, n) => {
          const base = probabilisticSharpe({ sharpe: sr, n });
          expect(probabilisticSharpe({ sharpe: sr + step, n })).toBeGreaterThanOrEqual(base);
          expect(probabilisticSharpe({ sharpe: sr, n: n * 2 })).toBeGreaterThanOrEqual(base);
          expect(probabilisticSharpe({ sharpe: sr, n, skew: -2 })).toBeLessThanOrEqual(base);
        },
      ),
    );
  });

  it('rejects n < 2 and a non-positive variance term', () => {
    expect(() => probabilisticSharpe({ sharpe: 0.1, n: 1 })).toThrow(/probabilisticSharpe needs n ≥ 2/);
    // 1 − 3·2 + ½·4 = −3 < 0.
    expect(() => probabilisticSharpe({ sharpe: 2, n: 10, skew: 3 })).toThrow(/variance term/);
  });
});

describe('expectedMaxSharpe', () => {
  it("reproduces Bailey & López de Prado (2014)'s numerical example: N = 100, V = ½/250 → 0.1132", () => {
    // Paper: E[max SR] ≈ 0.1132 (non-annualised). python3 with NormalDist: 0.11317200186513214.
    expect(expectedMaxSharpe(100, 0.5 / 250)).toBeCloseTo(0.11317200186513214, 13);
    // python3: N = 1000, V = 1 → 3.255121513652723.
    expect(expectedMaxSharpe(1000, 1)).toBeCloseTo(3.255121513652723, 12);
    expect(expectedMaxSharpe(1, 1)).toBe(0);
  });

  it('grows with N and with √V', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (n, v) => {
        expect(expectedMaxSharpe(n + 1, v)).toBeGreaterThan(expectedMaxSharpe(n, v));
        expect(expectedMaxSharpe(n, 4 * v)).toBeCloseTo(2 * expectedMaxSharpe(n, v), 12);
      }),
    );
  });

  it('rejects a non-integer N and a negative variance', () => {
    expect(() => expectedMaxSharpe(2.5, 1)).toThrow(/expectedMaxSharpe needs an integer trials/);
    expect(() => expectedMaxSharpe(10, -1)).toThrow(/sharpeVariance ≥ 0/);
  });
});

describe('deflatedSharpe', () => {
  it("reproduces the paper's example: annualised SR 2.5, T = 1250, N = 100, V = ½ annualised, γ₃ = −3, γ₄ = 10 → DSR 0.9004", () => {
    // Bailey & López de Prado (2014), "A numerical example": DSR ≈ 0.9004, SR₀ ≈ 0.1132.
    // python3 full precision: DSR 0.9003968344493904. γ₄ = 10 is raw kurtosis, i.e. excess 7.
    const r = deflatedSharpe({ sharpe: 2.5 / Math.sqrt(250), trials: 100, n: 1250, skew: -3, kurtosis: 7, sharpeVariance: 0.5 / 250 });
    expect(r.dsr).toBeCloseTo(0.9004, 4);
    expect(r.dsr).toBeCloseTo(0.9003968344493904, 12);
    expect(r.expectedMaxSharpe).toBeCloseTo(0.1132, 4);
    expect(r.psr).toBeGreaterThan(0.9999);
  });

  it('defaults the cross-trial variance to 1/(n − 1)', () => {
    // python3: SR₀ = √(1/251)·(…, N = 10) = 0.09938776349367455; DSR = 0.5038599025625745;
    // PSR(0) = 0.9429868610243624.
    const r = deflatedSharpe({ sharpe: 0.1, trials: 10, n: 252, skew: 0, kurtosis: 0 });
    expect(r.expectedMaxSharpe).toBeCloseTo(0.09938776349367455, 13);
    expect(r.dsr).toBeCloseTo(0.5038599025625745, 12);
    expect(r.psr).toBeCloseTo(0.9429868610243624, 12);
  });

  it('falls as the number of trials grows, and never exceeds the PSR', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 60, max: 6000 }),
        (sr, a, b, n) => {
          const [few, many] = a <= b ? [a, b] : [b, a];
          const base = { sharpe: sr, n, skew: -0.5, kurtosis: 4 };
          const d1 = deflatedSharpe({ ...base, trials: few });
          const d2 = deflatedSharpe({ ...base, trials: many });
          expect(d2.dsr).toBeLessThanOrEqual(d1.dsr);
          expect(d2.dsr).toBeLessThanOrEqual(d2.psr);
          if (few === 1) expect(d1.dsr).toBe(d1.psr);
        },
      ),
    );
  });
});
