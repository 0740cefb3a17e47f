import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../../datasets/errors.ts';
import { planFromTable } from '../../engine/backtest/plan.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import {
  ARTICLE_PLAYBOOK,
  articleStrategy,
  articleUnconditionalStrategy,
  compileStrategy,
  defineStrategy,
  rebalanceOn,
  selectRoles,
  tableRows,
  weighEqually,
  weighInverseVolatility,
  whenRegimeKnown,
  weighByQuadrant,
  type Step,
} from '../../strategies/index.ts';
import { ROLES } from '../../datasets/catalog.ts';
import { makeMarket } from '../engine/backtest/builders.ts';

const R = ROLES.length;
const market = (returns: number[][]) => makeMarket(returns, [...ROLES]);
const returnsArb = (n: number) =>
  fc.array(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: R, maxLength: R }), { minLength: n, maxLength: n });
const labelsArb = (n: number) => fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n });

/** The target weights a plan holds at t (NaN row before the first target). */
const targetAt = (plan: { rows: Float64Array; index: Int32Array }, t: number) =>
  plan.index[t] < 0 ? [] : Array.from(plan.rows.subarray(plan.index[t] * R, plan.index[t] * R + R));

describe('compileStrategy', () => {
  it('the unconditional article strategy compiles to the same targets as the plain table plan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 80 }).chain((n) => fc.tuple(returnsArb(n), labelsArb(n))),
        ([rets, ls]) => {
          const m = market(rets);
          const labels = Uint8Array.from(ls);
          const plan = compileStrategy(articleUnconditionalStrategy(), { market: m, labels });
          const table = planFromTable(tableRows(ARTICLE_PLAYBOOK, m.roles), labels, parseRebalanceRule('regime+monthly'), m.calendar);
          for (let t = 0; t < ls.length; t++) expect(targetAt(plan, t)).toEqual(targetAt(table, t));
          expect(Array.from(plan.trigger)).toEqual(Array.from(table.trigger));
          // Distinct targets are stored once: at most the four quadrants' rows.
          expect(plan.rows.length / R).toBeLessThanOrEqual(4);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('changing returns or labels after t never changes a target or trigger at or before t', () => {
    const strategy = defineStrategy({
      name: 'mixed',
      steps: [
        whenRegimeKnown(),
        selectRoles(['us_large', 'treasuries', 'gold', 'emerging']),
        weighInverseVolatility({ lookback: 5, lag: 1 }),
        rebalanceOn('regime+weekly'),
      ],
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }).chain((n) => fc.tuple(returnsArb(n), labelsArb(n), fc.nat(n - 1))),
        ([rets, ls, t]) => {
          const clean = { market: market(rets), labels: Uint8Array.from(ls) };
          const poisoned = {
            market: market(rets.map((row, i) => (i > t ? row.map((x) => -x * 3 + 0.01) : row))),
            labels: Uint8Array.from(ls.map((x, i) => (i > t ? (x + 2) % 5 : x))),
          };
          for (const s of [strategy, articleStrategy()]) {
            const a = compileStrategy(s, clean);
            const b = compileStrategy(s, poisoned);
            for (let i = 0; i <= t; i++) {
              expect(targetAt(b, i)).toEqual(targetAt(a, i));
              expect(b.trigger[i]).toBe(a.trigger[i]);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a step cannot read the future: a negative look-back throws', () => {
    const peek: Step = { kind: 'weigh', name: 'peek', bind: () => (ctx, s) => (s.weights[0] = ctx.roleReturn(0, -1) > 0 ? 1 : 1) === 1 };
    const m = market([
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0.01, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(() => compileStrategy(defineStrategy({ name: 'peek', steps: [peek] }), { market: m })).toThrow(/may not read the future/);
  });

  it('a row that does not sum to 1 fails naming the strategy, the step and the day', () => {
    const bad: Step = {
      kind: 'weigh',
      name: 'weighHalf',
      bind: () => (_ctx, s) => {
        s.weights[0] = 0.5;
        return true;
      },
    };
    const m = market([Array(R).fill(0), Array(R).fill(0)]);
    try {
      compileStrategy(defineStrategy({ name: 'half', steps: [bad] }), { market: m });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).details.field).toBe('half: weighHalf');
      expect((err as ConfigError).details.date).toBe('2020-01-06');
      expect((err as ConfigError).code).toBe('bad-weights');
    }
  });

  it('keeps the previous target on days a step stops (warm-up gives no target)', () => {
    const m = market(Array.from({ length: 5 }, () => Array(R).fill(0)));
    const plan = compileStrategy(defineStrategy({ name: 'eq', steps: [whenRegimeKnown(), selectRoles(['gold', 'us_small']), weighEqually()] }), {
      market: m,
      labels: Uint8Array.from([0, 0, 3, 0, 1]),
    });
    expect(Array.from(plan.index)).toEqual([-1, -1, 0, 0, 0]);
    const gold = m.roles.indexOf('gold');
    expect(plan.rows[gold]).toBe(0.5);
    expect(plan.rule).toBe('change');
  });

  it('the rebalance override replaces the strategy rule', () => {
    const m = market(Array.from({ length: 3 }, () => Array(R).fill(0)));
    const plan = compileStrategy(
      defineStrategy({ name: 'q', steps: [weighByQuadrant(ARTICLE_PLAYBOOK), rebalanceOn('regime')] }),
      { market: m, labels: Uint8Array.from([1, 1, 1]) },
      { rebalance: 'daily+drift:0.1' },
    );
    expect(plan.rule).toBe('daily+drift:0.1');
    expect(plan.driftBand).toBe(0.1);
    expect(Array.from(plan.trigger)).toEqual([0, 1, 1]);
  });
});
