import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookValue, markBook } from '../../../engine/backtest/fill-order.ts';
import { replay } from '../../../engine/backtest/replay.ts';
import { ROLES } from '../../../datasets/catalog.ts';
import { makeMarket, makePlan } from './builders.ts';

describe('markBook over the roles held', () => {
  it('skipping the roles past the last one held gives the bits of the full mark then bookValue (property)', () => {
    const setup = fc.integer({ min: 1, max: 13 }).chain((R) =>
      fc.record({
        R: fc.constant(R),
        width: fc.integer({ min: 0, max: R }),
        h: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: R, maxLength: R }),
        ret: fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: R, maxLength: R }),
        F: fc.double({ min: -2, max: 2, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(setup, ({ R, width, h, ret, F }) => {
        // Roles from `width` on hold nothing, as after a fill whose targets end there.
        const held = Float64Array.from(h, (x, k) => (k < width ? x : 0));
        const returns = Float64Array.from(ret);
        // The plain definition: mark every role, then value the book in bookValue's order.
        const full = held.slice();
        for (let k = 0; k < R; k++) full[k] *= 1 + returns[k];
        const want = bookValue(full, F, R);
        const narrow = held.slice();
        const got = markBook(narrow, F, returns, 0, R, width);
        expect(Object.is(got, want) || got === want).toBe(true);
        expect(Array.from(narrow)).toEqual(Array.from(full));
      }),
      { numRuns: 1000 },
    );
  });

  it('the recording loop marks as markBook does: NAV recorded with every output equals NAV alone, bit for bit, and the roles past the last target hold 0 (ten roles, property)', () => {
    // Ten roles (cash last), so the four-wide part runs; targets end before the last roles.
    const R = ROLES.length;
    const setup = fc.record({
      returns: fc.array(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: R, maxLength: R }), { minLength: 30, maxLength: 60 }),
      widths: fc.array(fc.integer({ min: 1, max: R }), { minLength: 2, maxLength: 2 }),
      every: fc.integer({ min: 3, max: 9 }),
    });
    fc.assert(
      fc.property(setup, ({ returns, widths, every }) => {
        const market = makeMarket(returns, [...ROLES]);
        // Two rows, equal weights over their first `width` roles; trade every `every` days.
        const rows = widths.map((w) => Array.from({ length: R }, (_, k) => (k < w ? 1 / w : 0)));
        const n = returns.length;
        const plan = makePlan(
          rows,
          Array.from({ length: n }, (_, t) => Math.floor(t / every) % 2),
          Array.from({ length: n }, (_, t) => (t % every === 0 ? 1 : 0)),
        );
        const all = replay(market, plan, { costs: { bps: 5 } });
        const navOnly = replay(market, plan, { costs: { bps: 5 }, record: 'nav' });
        expect(Array.from(all.nav)).toEqual(Array.from(navOnly.nav));
        for (let i = 1; i < n; i++) {
          const held = widths[plan.index[i - 1]];
          for (let k = held; k < R; k++) if (i % every !== 0 && (i - 1) % every !== 0) expect(all.weights[i * R + k]).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
