import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { replay } from '../../../engine/backtest/replay.ts';
import { marketFromArrays } from '../../../engine/backtest/market.ts';
import { isoDay } from '../../../datasets/day.ts';
import { postTradeEquity } from '../../../engine/backtest/costs.ts';
import { LOOK_AHEAD_WARNING, type BacktestResult } from '../../../engine/backtest/result.ts';
import { ConfigError } from '../../../datasets/errors.ts';
import { makeMarket, makePlan, scenarioArb, type Scenario } from './builders.ts';
import { naiveReplay } from './naive-replay.ts';

const run = (s: Scenario): BacktestResult =>
  replay(makeMarket(s.returns, undefined, s.overnight), makePlan(s.rows, s.index, s.trigger, { onChange: s.onChange, driftBand: s.driftBand }), {
    execution: s.execution,
    leverage: s.leverage,
    allowShorts: s.shorts,
    financingBps: s.financingBps,
    costs: {
      bps: { us_large: s.bps[0], treasuries: s.bps[1], cash: s.bps[2] },
      slippageBps: s.slippageBps,
      impactBps: s.impactBps,
      fixedPerTrade: s.fixedPerTrade,
    },
  });

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('replay: hand-worked examples', () => {
  // Two roles (us_large, cash); us_large returns +1 %, −2 %, +3 %, 0, +1 %; cash 1 bp a day.
  const returns = [
    [0, 0, 0],
    [0.01, 0, 0.0001],
    [-0.02, 0, 0.0001],
    [0.03, 0, 0.0001],
    [0, 0, 0.0001],
    [0.01, 0, 0.0001],
  ];
  const plan = makePlan([[1, 0, 0]], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);

  it('next-close: day 0 decides, day 1 fills at its close after a day in cash', () => {
    const r = replay(makeMarket(returns), plan, { costs: { bps: 10 } });
    // Day 1: cash 1 → 1.0001. V' = 1.0001 − 0.001·(V' + 1.0001) (buy V' of us_large, sell all cash)
    // ⇒ V' = 1.0001·0.999 / 1.001 = 0.998101798201798…
    const v1 = (1.0001 * 0.999) / 1.001;
    expect(r.nav[0]).toBe(1);
    expect(r.nav[1]).toBeCloseTo(v1, 14);
    expect(r.nav[2]).toBeCloseTo(v1 * 0.98, 14);
    expect(r.nav[5]).toBeCloseTo(v1 * 0.98 * 1.03 * 1.01, 14);
    // Costs: 10 bps of (V' bought + 1.0001 sold), as a fraction of the pre-trade 1.0001.
    expect(r.commission[1]).toBeCloseTo((0.001 * (v1 + 1.0001)) / 1.0001, 14);
    // One-way turnover: ½ (V' + 1.0001) / 1.0001.
    expect(r.turnover[1]).toBeCloseTo((0.5 * (v1 + 1.0001)) / 1.0001, 14);
    expect(Array.from(r.filled)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(r.lookAheadProne).toBe(false);
  });

  it('same-close fills at the decision close and says it is look-ahead-prone', () => {
    const r = replay(makeMarket(returns), plan, { execution: 'same-close', costs: { bps: 10 } });
    const v0 = 0.999 / 1.001; // V' = 1 − 0.001 (V' + 1)
    expect(r.nav[0]).toBeCloseTo(v0, 15);
    expect(r.nav[5]).toBeCloseTo(v0 * 1.01 * 0.98 * 1.03 * 1.01, 14);
    expect(r.lookAheadProne).toBe(true);
    expect(r.warnings).toContain(LOOK_AHEAD_WARNING);
  });

  it('next-open fills at the open: overnight then the rest of the day', () => {
    const ov = returns.map(() => [0.004, 0, 0]);
    const r = replay(makeMarket(returns, undefined, ov), plan, { execution: 'next-open' });
    // Day 1: cash accrues overnight at 0 (T-bill accrual is booked at the close, on the
    // financing account only), buys us_large at the open, then earns 1.01/1.004 − 1 to the close.
    // The cash role's 1 bp is earned by the close-to-close mark: bought at open, cash role is sold
    // after its overnight return 0, so day 1 = 1 · (1.01 / 1.004).
    expect(r.nav[1]).toBeCloseTo(1.01 / 1.004, 14);
    expect(r.warnings.length).toBe(0);
  });

  it('next-open without an open price falls back to the close and says so once', () => {
    const r = replay(makeMarket(returns), plan, { execution: 'next-open' });
    expect(r.nav[1]).toBeCloseTo(1.0001, 14);
    expect(r.warnings.join(' ')).toMatch(/1 fill\(s\) had no open price.*2020-01-07/);
  });

  it('leverage 2 borrows at T-bill + spread', () => {
    const r = replay(makeMarket(returns), plan, { execution: 'same-close', leverage: 2, financingBps: 360 });
    // Day 0: 2 in us_large, −1 financing. Day 1 (1 calendar day): us_large 2·1.01 = 2.02,
    // financing −1·1.0001 − 1.0001·0.036/360 = −1.0001·1.0001.
    expect(r.nav[1]).toBeCloseTo(2.02 - 1.0001 * 1.0001, 14);
    expect(r.financingCost[1]).toBeCloseTo((1.0001 * 0.0001) / 1, 14);
  });

  it('rejects negative weights without shorts, naming the row and role', () => {
    const bad = makePlan([[1.5, -0.5, 0]], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);
    expect(() => replay(makeMarket(returns), bad)).toThrow(ConfigError);
    try {
      replay(makeMarket(returns), bad);
    } catch (err) {
      expect((err as ConfigError).details.field).toBe('plan.rows[0].treasuries');
    }
    expect(replay(makeMarket(returns), bad, { allowShorts: true, execution: 'same-close' }).weights[1]).toBeCloseTo(-0.5, 14);
  });

  it('rejects bad options naming the field', () => {
    const fields = (o: object) => {
      try {
        replay(makeMarket(returns), plan, o);
      } catch (err) {
        return (err as ConfigError).details.field;
      }
      return 'no error';
    };
    expect(fields({ leverage: 0 })).toBe('leverage');
    expect(fields({ execution: 'tomorrow' })).toBe('execution');
    expect(fields({ start: 4, end: 2 })).toBe('end');
    expect(fields({ costs: { bps: -1 } })).toBe('costs.bps');
    expect(fields({ costs: { bps: { us_large: 5, gold_bars: 1 } } })).toBe('costs.bps.gold_bars');
    expect(fields({ financingBps: NaN })).toBe('financingBps');
  });

  it('refuses a market with a return that is not finite, naming the role and day (a role not held would never read it)', () => {
    const bad = returns.map((row) => row.slice());
    bad[2][1] = NaN;
    expect(() => makeMarket(bad)).toThrow(ConfigError);
    expect(() => makeMarket(bad)).toThrow(/return of treasuries on \d{4}-\d\d-\d\d is NaN/);
  });

  it('refuses a T-bill accrual that is not finite, naming the day (a book without financing never reads it)', () => {
    const good = makeMarket(returns);
    const cashReturns = good.cashReturns.slice();
    cashReturns[3] = Number.POSITIVE_INFINITY;
    const day = isoDay(good.calendar[3]);
    const build = () => marketFromArrays({ calendar: good.calendar, roles: good.roles, returns: good.returns, cashReturns });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(`return of the T-bill account on ${day} is Infinity, not a finite number`);
  });
});

describe('replay: properties', () => {
  it('matches an independent units × prices ledger with bisection costs (1e-9)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = run(s);
        const cal = makeMarket(s.returns).calendar;
        const naive = naiveReplay(
          s,
          s.returns.map((row) => row[2]),
          cal,
        );
        for (let i = 0; i < r.nav.length && r.nav[i] > 0; i++) {
          expect(rel(r.nav[i], naive.nav[i])).toBeLessThan(1e-9);
          for (let k = 0; k < 3; k++) expect(Math.abs(r.weights[i * 3 + k] - naive.weights[i][k])).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('NAV = holdings at prices + cash every day, rebuilt from the trades and costs (1e-9)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = run(s);
        const R = 3;
        // Units at price levels: a fill buys traded/price units; cash pays the trades and costs.
        const price = [1, 1, 1];
        const units = [0, 0, 1];
        let cash = 0;
        for (let i = 0; i < r.nav.length && r.nav[i] > 0; i++) {
          if (i > 0) {
            const openFill = r.filled[i] === 1 && s.execution === 'next-open' && isOpenFill(s, r, i);
            if (openFill) {
              const open = price.map((p, k) => p * (1 + s.overnight[i][k]));
              book(
                r,
                i,
                open,
                units,
                () => cash,
                (c) => (cash = c),
              );
            }
            for (let k = 0; k < R; k++) price[k] *= 1 + s.returns[i][k];
            cash = cash * (1 + s.returns[i][2]) - r.financingCost[i] * r.nav[i - 1];
            if (r.filled[i] === 1 && !openFill && s.execution !== 'same-close')
              book(
                r,
                i,
                price,
                units,
                () => cash,
                (c) => (cash = c),
              );
          }
          if (r.filled[i] === 1 && s.execution === 'same-close')
            book(
              r,
              i,
              price,
              units,
              () => cash,
              (c) => (cash = c),
            );
          const value = units.reduce((a, u, k) => a + u * price[k], 0) + cash;
          expect(rel(r.nav[i], value)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('weights sum to 1, or to the leverage right after a fill; NAV stays positive until a wipe-out', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = run(s);
        for (let i = 0; i < r.nav.length; i++) {
          if (r.nav[i] === 0) {
            // Only leverage or shorts can wipe the book out, and then it stays closed.
            expect(s.leverage > 1 || s.shorts).toBe(true);
            expect(Array.from(r.nav.subarray(i)).every((v) => v === 0)).toBe(true);
            expect(r.warnings.join(' ')).toMatch(/closed out/);
            break;
          }
          const sum = r.weights[i * 3] + r.weights[i * 3 + 1] + r.weights[i * 3 + 2];
          expect(Math.abs(sum + r.financing[i] - 1)).toBeLessThan(1e-11);
          // Short borrow fees are paid from the financing account, so only long-only L = 1 keeps it at 0.
          if (s.leverage === 1 && !s.shorts) expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          if (r.filled[i] && s.execution !== 'next-open') expect(Math.abs(sum - s.leverage)).toBeLessThan(1e-11);
          expect(r.nav[i]).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('costs are never negative, and a fill loses exactly its costs', () => {
    fc.assert(
      fc.property(scenarioArb({ leverage: false }), (s) => {
        const r = run({ ...s, execution: 'same-close' });
        for (let i = 0; i < r.nav.length; i++) {
          expect(r.commission[i]).toBeGreaterThanOrEqual(0);
          expect(r.slippage[i]).toBeGreaterThanOrEqual(0);
          expect(r.fixedCosts[i]).toBeGreaterThanOrEqual(0);
          expect(r.financingCost[i]).toBeGreaterThanOrEqual(0);
          let sumCost = 0;
          for (let k = 0; k < 3; k++) {
            expect(r.tradeCost[i * 3 + k]).toBeGreaterThanOrEqual(0);
            sumCost += r.tradeCost[i * 3 + k];
          }
          // Per-order costs add up to the day's costs (both × pre-trade equity).
          if (r.filled[i]) {
            const pre = r.nav[i] + sumCost;
            expect(rel(sumCost, (r.commission[i] + r.slippage[i] + r.fixedCosts[i]) * pre)).toBeLessThan(1e-9);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('changing returns or signals after day t never changes NAV, weights or trades at or before t', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.integer({ min: 1, max: 4 }), (s, at, seed) => {
        const n = s.returns.length;
        const t = at % n;
        const poisoned: Scenario = {
          ...s,
          returns: s.returns.map((row, i) => (i > t ? row.map((x, k) => (x + 0.013 * (k + seed)) % 0.09) : row)),
          overnight: s.overnight.map((row, i) => (i > t ? row.map(() => NaN) : row)),
          index: s.index.map((x, i) => (i > t ? (x + seed) % s.rows.length : x)),
          trigger: s.trigger.map((x, i) => (i > t ? 1 - x : x)),
        };
        const a = run(s);
        const b = run(poisoned);
        for (let i = 0; i <= t; i++) {
          expect(b.nav[i]).toBe(a.nav[i]);
          expect(b.filled[i]).toBe(a.filled[i]);
          for (let k = 0; k < 3; k++) {
            expect(b.weights[i * 3 + k]).toBe(a.weights[i * 3 + k]);
            expect(b.traded[i * 3 + k]).toBe(a.traded[i * 3 + k]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with zero costs and no rebalancing, one asset reproduces its close-to-close path', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 500, noNaN: true }), { minLength: 3, maxLength: 60 }), fc.boolean(), (closes, same) => {
        const returns = closes.map((c, t) => [t === 0 ? 0 : c / closes[t - 1] - 1, 0.001, 0.0002]);
        const n = closes.length;
        const r = replay(makeMarket(returns), makePlan([[1, 0, 0]], Array(n).fill(0), Array(n).fill(0)), { execution: same ? 'same-close' : 'next-close' });
        const from = same ? 0 : 1;
        for (let t = from; t < n; t++) expect(rel(r.nav[t] / r.nav[from], closes[t] / closes[from])).toBeLessThan(1e-12);
        expect(r.filled.reduce((a, b) => a + b, 0)).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it("every fill lands on target weights of V' with V' = V − fixed − Σ c|w V' − h|", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }).filter((x) => x.some((v) => v > 0)),
        fc.array(fc.double({ min: 0, max: 0.05, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (hs, parts, cs, fixed) => {
          const h = Float64Array.from(hs);
          const V = hs.reduce((a, b) => a + b, 0) + 0.1;
          const sum = parts.reduce((a, b) => a + b, 0);
          const w = Float64Array.from(parts.map((p) => p / sum));
          const Vp = postTradeEquity(V, h, w, 0, 1, Float64Array.from(cs), fixed);
          const residual = Vp - (V - fixed - cs.reduce((a, c, k) => a + c * Math.abs(w[k] * Vp - h[k]), 0));
          expect(Math.abs(residual)).toBeLessThan(1e-13 * V);
          expect(Vp).toBeLessThanOrEqual(V);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('postTradeEquity when the costs can outgrow the trade', () => {
  /** g(y) = y + Σ c|w y − h| + fixed − V: the self-financing residual. */
  const g = (y: number, V: number, h: number[], w: number[], c: number[], fixed: number) =>
    y + w.reduce((a, wk, k) => a + c[k] * Math.abs(wk * y - h[k]), 0) + fixed - V;

  it('the counterexample fast-check found: a 2× long-short book whose impact exceeds its equity is wiped out, not revalued upwards', () => {
    // Day 32 of a leveraged, shorted scenario: equity 0.226, targets 2 × (−3, 6, −2), impact
    // 30 bps × one-way turnover 15.2 = 4.5% per unit traded, so Σ c|w| ≈ 1.0.
    const V = 0.22627410610826004;
    const h = [-14.264462809917397, 27.151515151515227, -9.509641873278264].map((x) => x * V);
    const w = [-6, 12, -4];
    // Σ c|w| = 22c: just below 1 the first Newton piece slopes up steeply past 0; just above 1 it
    // slopes down, where Newton used to climb to 0.375 (more equity after paying costs).
    for (const rate of [0.0454, 0.0455]) {
      const c = [rate, rate, rate];
      // Brute force on a fine grid: the residual stays above zero on [0, V], so no equity pays the costs.
      for (let j = 0; j <= 10_000; j++) expect(g((j / 10_000) * V, V, h, w, c, 0)).toBeGreaterThan(0);
      expect(postTradeEquity(V, Float64Array.from(h), Float64Array.from([-3, 6, -2]), 0, 2, Float64Array.from(c), 0)).toBeLessThanOrEqual(0);
    }
  });

  it('returns the largest root at or below V, or ≤ 0 (a wipe-out) only when a fine grid finds none (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 0.1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (hs, ws, cs, V) => {
          const Vp = postTradeEquity(V, Float64Array.from(hs), Float64Array.from(ws), 0, 1, Float64Array.from(cs), 0);
          expect(Vp).toBeLessThanOrEqual(V);
          if (Vp > 0) expect(Math.abs(g(Vp, V, hs, ws, cs, 0))).toBeLessThan(1e-9 * Math.max(1, V));
          // No root above the answer: the residual is positive on a grid from it (or 0) up to V.
          const low = Math.max(0, Vp);
          for (let j = 1; j <= 2000; j++) {
            const y = low + (j / 2000) * (V - low);
            if (y - low > 1e-9 * V) expect(g(y, V, hs, ws, cs, 0)).toBeGreaterThan(-1e-12);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Did day i's fill happen at the open? (Same test as the replay: no NaN open among the roles involved.) */
function isOpenFill(s: Scenario, r: BacktestResult, i: number): boolean {
  for (let k = 0; k < 3; k++) {
    const before = r.weights[(i - 1) * 3 + k];
    const involved = before !== 0 || r.traded[i * 3 + k] !== 0 || r.weights[i * 3 + k] !== 0;
    if (involved && Number.isNaN(s.overnight[i][k])) return false;
  }
  return true;
}

function book(r: BacktestResult, i: number, price: number[], units: number[], getCash: () => number, setCash: (c: number) => void): void {
  let cash = getCash();
  let tradedSum = 0;
  let costSum = 0;
  for (let k = 0; k < 3; k++) {
    const amount = r.traded[i * 3 + k];
    if (amount !== 0) units[k] += amount / price[k]; // a role without an open is not traded
    tradedSum += amount;
    costSum += r.tradeCost[i * 3 + k];
  }
  cash -= tradedSum + costSum;
  setCash(cash);
}

describe('replay: wipe-out', () => {
  it('closes a leveraged book out at zero and says when', () => {
    // Leverage 2 on an asset that falls 30 % then 30 %: equity 1 → 2·0.7 − 1 = 0.4 → 0.8·0.7 − 1 < 0.
    const returns = [
      [0, 0, 0],
      [-0.3, 0, 0],
      [-0.3, 0, 0],
      [0.5, 0, 0],
    ];
    const r = replay(makeMarket(returns), makePlan([[1, 0, 0]], [0, 0, 0, 0], [0, 0, 0, 0]), { execution: 'same-close', leverage: 2, financingBps: 0 });
    expect(r.nav[1]).toBeCloseTo(0.4, 14);
    expect(Array.from(r.nav.subarray(2))).toEqual([0, 0]);
    expect(r.warnings.join(' ')).toMatch(/fell to zero or below .* on 2020-01-08/);
  });
});

describe('replay: a trade the equity cannot pay for', () => {
  it('closes the book out instead of failing', () => {
    // Fixed cost 2,000 per order on a capital of 1,000: the first fill (two orders) costs 4 × NAV.
    const r = replay(
      makeMarket([
        [0, 0, 0],
        [0.01, 0, 0],
        [0.01, 0, 0],
      ]),
      makePlan([[1, 0, 0]], [0, 0, 0], [0, 0, 0]),
      { costs: { fixedPerTrade: 2000, initialCapital: 1000 } },
    );
    expect(Array.from(r.nav)).toEqual([1, 0, 0]);
    expect(r.warnings.join(' ')).toMatch(/could not pay the costs of a trade\) on 2020-01-07/);
  });
});
