import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookValue, markBook } from '../../../engine/backtest/fill-order.ts';

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
});
