import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countRuns, countSpells, gather, navFromReturns, regimeMask } from '../../../engine/analysis/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';

describe('regimeMask', () => {
  it('counts day i for the label at i − 1 (worked by hand)', () => {
    // labels 1 1 2 2 0: return days 1..4 carry the previous label 1, 1, 2, 2.
    const labels = Uint8Array.of(1, 1, 2, 2, 0);
    expect([...regimeMask(labels, 1)]).toEqual([0, 1, 1, 0, 0]);
    expect([...regimeMask(labels, 2)]).toEqual([0, 0, 0, 1, 1]);
    // quadrant 0 = every day whose previous label is known (1..4).
    expect([...regimeMask(Uint8Array.of(0, 3, 4, 0, 1), 0)]).toEqual([0, 0, 1, 1, 0]);
  });

  it('respects the window and rejects one outside the calendar', () => {
    expect([...regimeMask(Uint8Array.of(1, 1, 1, 1), 1, { from: 2, to: 2 })]).toEqual([0, 0, 1, 0]);
    expect(() => regimeMask(Uint8Array.of(1, 1), 1, { from: 0, to: 1 })).toThrow(QuadrantError);
  });
});

describe('countRuns / gather', () => {
  it('counts runs of ones (by hand)', () => {
    expect(countRuns(Uint8Array.of(0, 1, 1, 0, 1))).toBe(2);
    expect(countRuns(Uint8Array.of(1, 1, 1))).toBe(1);
    expect(countRuns(Uint8Array.of(0, 0))).toBe(0);
  });

  it('runs equal the number of 0→1 edges, as a string regex counts them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 60 }), (bits) => {
        const naive = (bits.join('').match(/1+/g) ?? []).length;
        expect(countRuns(Uint8Array.from(bits))).toBe(naive);
      }),
    );
  });

  it('gathers the masked values in order', () => {
    expect([...gather(Float64Array.of(5, 6, 7), Uint8Array.of(1, 0, 1))]).toEqual([5, 7]);
  });
});

describe('navFromReturns', () => {
  it('compounds from 1 and holds flat on NaN (by hand)', () => {
    const nav = navFromReturns(Float64Array.of(NaN, 0.1, NaN, -0.5));
    expect([...nav]).toEqual([1, 1.1, 1.1, 0.55]);
  });

  it('rejects a return of −100 %', () => {
    expect(() => navFromReturns(Float64Array.of(0, -1))).toThrow(QuadrantError);
  });
});

describe('countSpells', () => {
  it('counts runs of at least minDays, by hand', () => {
    expect(countSpells(Uint8Array.of(1, 1, 1, 0, 1, 0, 1, 1, 1), 3)).toBe(2);
    expect(countSpells(Uint8Array.of(1, 1, 0, 1, 1), 3)).toBe(0);
    // 21 days make an episode, 20 do not (the default minimum is one month of trading days).
    const m = new Uint8Array(60);
    m.fill(1, 0, 21);
    m.fill(1, 30, 50);
    expect(countSpells(m)).toBe(1);
  });
});
