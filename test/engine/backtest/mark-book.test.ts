import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookValue, markBook } from '../../../engine/backtest/fill-order.ts';
import { replay } from '../../../engine/backtest/replay.ts';
import { ROLES, type Role } from '../../../datasets/catalog.ts';
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

  it('quiet days, whether their holdings ride in locals (eight roles or fewer held) or in the array, give the bits of the general day (property over 8–10 roles)', () => {
    // A drift band that cannot be reached (a long-only weight moves a few percent in 60 days)
    // sends every day through the general path (markBook then bookValue) without trading more.
    const setup = fc.integer({ min: 8, max: ROLES.length }).chain((R) =>
      fc.record({
        roles: fc.constant<Role[]>([...ROLES.slice(0, R - 1), 'cash']),
        returns: fc.array(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: R, maxLength: R }), { minLength: 30, maxLength: 60 }),
        rows: fc.array(fc.array(fc.nat({ max: 5 }), { minLength: R, maxLength: R }), { minLength: 2, maxLength: 2 }),
        widths: fc.array(fc.integer({ min: 1, max: R }), { minLength: 2, maxLength: 2 }),
        every: fc.integer({ min: 3, max: 9 }),
      }),
    );
    fc.assert(
      fc.property(setup, ({ roles, returns, rows, widths, every }) => {
        const R = roles.length;
        const market = makeMarket(returns, roles);
        // Row j holds its first widths[j] roles (positive parts, normalised).
        const weights = rows.map((parts, j) => {
          const p = parts.map((x, k) => (k < widths[j] ? x + 1 : 0));
          const sum = p.reduce((a, x) => a + x, 0);
          return p.map((x) => x / sum);
        });
        const n = returns.length;
        const index = Array.from({ length: n }, (_, t) => Math.floor(t / every) % 2);
        const trigger = Array.from({ length: n }, (_, t) => (t % every === 0 ? 1 : 0));
        for (const record of ['all', 'nav'] as const) {
          const quiet = replay(market, makePlan(weights, index, trigger), { costs: { bps: 5 }, record });
          const general = replay(market, makePlan(weights, index, trigger, { driftBand: 0.999 }), { costs: { bps: 5 }, record });
          expect(Array.from(general.filled)).toEqual(Array.from(quiet.filled));
          expect(Array.from(quiet.nav)).toEqual(Array.from(general.nav));
          expect(Array.from(quiet.weights)).toEqual(Array.from(general.weights));
          expect(quiet.weights.length).toBe(record === 'all' ? n * R : 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
