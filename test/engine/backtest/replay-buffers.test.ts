import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { replay } from '../../../engine/backtest/replay.ts';
import { createReplayBuffers } from '../../../engine/backtest/replay-buffers.ts';
import type { BacktestResult } from '../../../engine/backtest/result.ts';
import { makeMarket, makePlan, scenarioArb, type Scenario } from './builders.ts';

const runOn = (s: Scenario, record: 'all' | 'nav', buffers?: ReturnType<typeof createReplayBuffers>): BacktestResult =>
  replay(
    makeMarket(s.returns, undefined, s.overnight),
    makePlan(s.rows, s.index, s.trigger, { onChange: s.onChange, driftBand: s.driftBand }),
    {
      execution: s.execution,
      leverage: s.leverage,
      allowShorts: s.shorts,
      financingBps: s.financingBps,
      record,
      costs: {
        bps: { us_large: s.bps[0], treasuries: s.bps[1], cash: s.bps[2] },
        slippageBps: s.slippageBps,
        impactBps: s.impactBps,
        fixedPerTrade: s.fixedPerTrade,
      },
    },
    buffers,
  );

const FIELDS = [
  'nav',
  'weights',
  'cash',
  'financing',
  'traded',
  'tradeCost',
  'filled',
  'turnover',
  'commission',
  'slippage',
  'fixedCosts',
  'financingCost',
] as const;
const arrays = (r: BacktestResult) => Object.fromEntries(FIELDS.map((f) => [f, Array.from(r[f])]));

describe('replay buffers reused run after run', () => {
  // A reused buffer is cleared only where the previous run wrote (its fills, its financing
  // costs): whatever ran before, a run must give the bytes of a run on fresh buffers.
  it('give the same arrays as fresh buffers, whatever ran on them before', () => {
    fc.assert(
      fc.property(
        fc.array(scenarioArb(), { minLength: 2, maxLength: 4 }),
        fc.array(fc.constantFrom('all' as const, 'nav' as const), { minLength: 4, maxLength: 4 }),
        (scenarios, records) => {
          const buffers = createReplayBuffers(40, 3);
          scenarios.forEach((s, j) => {
            const reused = runOn(s, records[j], buffers);
            const fresh = runOn(s, records[j]);
            expect(arrays(reused)).toEqual(arrays(fresh));
            expect([reused.totalTurnover, reused.totalCosts]).toEqual([fresh.totalTurnover, fresh.totalCosts]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('totals equal the ledgers summed day by day (what sweeps used to re-sum per table)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = runOn(s, 'nav');
        let turnover = 0;
        let costs = 0;
        for (let i = 0; i < r.nav.length; i++) {
          turnover += r.turnover[i];
          costs += r.commission[i] + r.slippage[i] + r.fixedCosts[i];
        }
        expect(r.totalTurnover).toBe(turnover);
        expect(r.totalCosts).toBe(costs);
      }),
      { numRuns: 100 },
    );
  });
});

describe('orders kept per fill', () => {
  // Daily rebalancing over 300 days: more fills than the per-fill arrays first hold (64), so on
  // fresh buffers they grow three times; reused buffers whose last run recorded NAV only come
  // with room for the rows but none for the orders.
  it('spread over days, equal the change of holdings each fill makes, and cost bps × |traded|', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.02, max: 0.02, noNaN: true })), {
          minLength: 300,
          maxLength: 300,
        }),
        (days) => {
          const n = days.length;
          const returns = days.map(([a, b], t) => (t === 0 ? [0, 0, 0] : [a, b, 0.0001]));
          const market = makeMarket(returns);
          const plan = makePlan([[0.6, 0.3, 0.1]], Array(n).fill(0), Array(n).fill(1));
          const options = { execution: 'same-close' as const, costs: { bps: 10 } };
          const buffers = createReplayBuffers(n, 3);
          replay(market, plan, { ...options, record: 'nav' }, buffers);
          for (const r of [replay(market, plan, options), replay(market, plan, options, buffers)]) {
            expect(r.filled.reduce((a, b) => a + b, 0)).toBe(n);
            for (let i = 1; i < n; i++) {
              for (let k = 0; k < 3; k++) {
                // Holdings before the fill: yesterday's, marked with today's return; after: today's.
                const before = r.weights[(i - 1) * 3 + k] * r.nav[i - 1] * (1 + returns[i][k]);
                const after = r.weights[i * 3 + k] * r.nav[i];
                expect(Math.abs(r.traded[i * 3 + k] - (after - before))).toBeLessThan(1e-12);
                expect(Math.abs(r.tradeCost[i * 3 + k] - 0.001 * Math.abs(r.traded[i * 3 + k]))).toBeLessThan(1e-15);
              }
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
