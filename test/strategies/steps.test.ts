import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ROLES } from '../../datasets/catalog.ts';
import { ConfigError } from '../../datasets/errors.ts';
import {
  compileStrategy,
  defineStrategy,
  limitWeight,
  selectRoles,
  selectWithPreferredData,
  weighEqually,
  weighFixed,
  weighInverseVolatility,
} from '../../strategies/index.ts';
import { makeMarket } from '../engine/backtest/builders.ts';

const R = ROLES.length;
const col = (role: (typeof ROLES)[number]) => ROLES.indexOf(role);
const lastTarget = (plan: { rows: Float64Array; index: Int32Array }, t: number) => Array.from(plan.rows.subarray(plan.index[t] * R, plan.index[t] * R + R));

describe('strategy steps', () => {
  it('weighFixed + limitWeight: 70/30 capped at 50 % puts 20 % in cash', () => {
    const m = makeMarket([Array(R).fill(0)], [...ROLES]);
    const plan = compileStrategy(defineStrategy({ name: 'capped', steps: [weighFixed({ us_large: 0.7, gold: 0.3 }), limitWeight(0.5)] }), { market: m });
    const w = lastTarget(plan, 0);
    expect(w[col('us_large')]).toBe(0.5);
    expect(w[col('gold')]).toBe(0.3);
    expect(w[col('cash')]).toBeCloseTo(0.2, 15);
  });

  it('weighFixed rejects unknown roles and bad sums naming the field', () => {
    expect(() => weighFixed({ us_large: 0.5, treasuries: 0.4 })).toThrow(/weights: weights sum to 0.9, not 1/);
    try {
      weighFixed({ us_lrge: 1 } as never);
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).details.field).toBe('weights.us_lrge');
      expect((err as ConfigError).code).toBe('unknown-role');
    }
    expect(() => limitWeight(0)).toThrow(ConfigError);
  });

  it('weighEqually over nothing selected holds cash', () => {
    // selectWithPreferredData drops roles on fall-backs; synthetic markets report source −1 on day 0 only.
    const m = makeMarket([Array(R).fill(0), Array(R).fill(0)], [...ROLES]);
    const plan = compileStrategy(defineStrategy({ name: 'eq', steps: [selectRoles(['us_large', 'gold']), selectWithPreferredData(), weighEqually()] }), {
      market: m,
    });
    expect(lastTarget(plan, 0)[col('cash')]).toBe(1);
  });

  it('weighInverseVolatility keeps a role whose window barely moves (found by the property below)', () => {
    // Two returns 8e-10 apart: sd ≈ 5.6e-10 > 1e-12, so us_large is the only role with a
    // volatility and takes all the weight. The one-pass variance formula cancelled it to 0.
    const rets = Array.from({ length: 12 }, () => new Array(R).fill(0));
    rets[10][col('us_large')] = 0.049999998999968376;
    rets[11][col('us_large')] = 0.049999998209009675;
    const m = makeMarket(rets, [...ROLES]);
    const plan = compileStrategy(
      defineStrategy({ name: 'iv', steps: [selectRoles(['us_large', 'gold', 'treasuries']), weighInverseVolatility({ lookback: 2, lag: 0 })] }),
      { market: m },
    );
    expect(lastTarget(plan, 11)[col('us_large')]).toBeCloseTo(1, 12);
  });

  it('weighInverseVolatility matches a two-pass naive computation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: R, maxLength: R }), { minLength: 12, maxLength: 30 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (rets, lookback, lag) => {
          const m = makeMarket(rets, [...ROLES]);
          const picked = ['us_large', 'gold', 'treasuries'] as const;
          const plan = compileStrategy(defineStrategy({ name: 'iv', steps: [selectRoles(picked), weighInverseVolatility({ lookback, lag })] }), { market: m });
          const t = rets.length - 1;
          // Naive: window t−lag−lookback+1 … t−lag, mean first, then Σ (r − mean)² / (n − 1).
          const inv = picked.map((role) => {
            const xs = rets.slice(t - lag - lookback + 1, t - lag + 1).map((row) => row[col(role)]);
            const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
            const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
            return sd > 1e-12 ? 1 / sd : 0;
          });
          const total = inv.reduce((a, b) => a + b, 0);
          const w = lastTarget(plan, t);
          picked.forEach((role, i) => expect(w[col(role)]).toBeCloseTo(total > 0 ? inv[i] / total : 0, 6));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('weighsByRegime: whether the random-regime control has timing to test', () => {
  it('is true for playbooks that weigh by the label, false for fixed mixes (the built-ins and file specs)', async () => {
    const { weighsByRegime, builtinStrategy, strategyFromSpec } = await import('../../strategies/index.ts');
    expect(weighsByRegime(builtinStrategy('article'))).toBe(true);
    expect(weighsByRegime(builtinStrategy('article-unconditional'))).toBe(true);
    for (const name of ['us-large', '60-40', 'equal-weight'] as const) expect(weighsByRegime(builtinStrategy(name)), name).toBe(false);
    expect(weighsByRegime(strategyFromSpec({ name: 'q', quadrants: { Q1: { us_large: 1 }, Q2: { cash: 1 }, Q3: { gold: 1 }, Q4: { cash: 1 } } }))).toBe(true);
    expect(weighsByRegime(strategyFromSpec({ name: 'w', weights: { us_large: 0.5, treasuries: 0.5 } }))).toBe(false);
  });
});
