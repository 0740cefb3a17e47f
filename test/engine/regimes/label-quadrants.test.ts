import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { labelQuadrants } from '../../../engine/regimes/label-quadrants.ts';
import type { RegimeConfig } from '../../../engine/regimes/types.ts';

const stab = (s: Partial<RegimeConfig['stability']> = {}): RegimeConfig['stability'] => ({
  confirmDays: 1,
  confirmBy: 'quadrant',
  minDwellDays: 0,
  hysteresis: 0,
  ...s,
});
const f = (xs: number[]) => Float64Array.from(xs);

describe('labelQuadrants', () => {
  it('maps the signs of the two scores to Q1..Q4, 0 while a score is NaN', () => {
    // By the quadrant table: easing+weak Q1, easing+strong Q2, tightening+weak Q3,
    // tightening+strong Q4; a zero score counts as tightening / weakening.
    const liq = f([NaN, 1, 1, -1, -1, 0, 0.5]);
    const dol = f([1, -1, 1, -1, 1, 0, NaN]);
    const { labels, rawLabels } = labelQuadrants(liq, dol, stab());
    expect(Array.from(rawLabels)).toEqual([0, 1, 2, 3, 4, 3, 0]);
    expect(Array.from(labels)).toEqual([0, 1, 2, 3, 4, 3, 0]);
  });

  it('confirmDays: a new quadrant takes over only on its third consecutive day', () => {
    // Raw: 1 1 4 4 1 4 4 4 2 2 2. With confirmDays 3 the first 4-run (2 days) is ignored, the
    // second 4-run is adopted on its 3rd day (index 7); the 2-run on its 3rd day (index 10).
    const raw = [1, 1, 4, 4, 1, 4, 4, 4, 2, 2, 2];
    const liq = f(raw.map((q) => (q <= 2 ? 1 : -1)));
    const dol = f(raw.map((q) => (q % 2 === 0 ? 1 : -1)));
    const { labels } = labelQuadrants(liq, dol, stab({ confirmDays: 3 }));
    expect(Array.from(labels)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 2]);
  });

  it('confirmBy axis: a steady turn of one axis goes through while the other flickers', () => {
    // Label Q4; then liquidity turns easing for good while the dollar flickers strong/weak
    // (raw 2 1 2 1 …). By quadrant neither 1 nor 2 ever runs 3 days: the label stays Q4. By
    // axis the liquidity side flips on its 3rd easing day (index 4) to Q2 (the dollar side
    // was still "strong"), and the dollar side never runs 3 days the other way.
    const raw = [4, 4, 2, 1, 2, 1, 2, 1];
    const liq = f(raw.map((q) => (q <= 2 ? 1 : -1)));
    const dol = f(raw.map((q) => (q % 2 === 0 ? 1 : -1)));
    expect(Array.from(labelQuadrants(liq, dol, stab({ confirmDays: 3 })).labels)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(Array.from(labelQuadrants(liq, dol, stab({ confirmDays: 3, confirmBy: 'axis' })).labels)).toEqual([4, 4, 4, 4, 2, 2, 2, 2]);
  });

  it('minDwellDays: a confirmed switch waits until the label has held long enough', () => {
    // Raw 1 then 4 from index 1. confirmDays 1 would switch at index 1; a 4-day minimum dwell
    // keeps Q1 on indices 0-3 and switches at index 4.
    const liq = f([1, -1, -1, -1, -1, -1]);
    const dol = f([-1, 1, 1, 1, 1, 1]);
    expect(Array.from(labelQuadrants(liq, dol, stab({ minDwellDays: 4 })).labels)).toEqual([1, 1, 1, 1, 4, 4]);
  });

  it('hysteresis: an axis keeps its side while the score stays within ±h', () => {
    // h = 0.2: liquidity 0.5 (easing), then −0.1 and 0.15 (inside the band: still easing),
    // then −0.3 (tightening), then 0.1 (inside: still tightening).
    const liq = f([0.5, -0.1, 0.15, -0.3, 0.1]);
    const dol = f([-1, -1, -1, -1, -1]);
    expect(Array.from(labelQuadrants(liq, dol, stab({ hysteresis: 0.2 })).rawLabels)).toEqual([1, 1, 1, 3, 3]);
  });

  it('a NaN day restarts: the first day after it takes the raw quadrant at once', () => {
    const liq = f([1, 1, NaN, -1, -1]);
    const dol = f([1, 1, 1, 1, 1]);
    expect(Array.from(labelQuadrants(liq, dol, stab({ confirmDays: 5 })).labels)).toEqual([2, 2, 0, 4, 4]);
  });

  it('quadrant mode matches a naive re-implementation that looks back over the raw run', () => {
    // Naive: label[t] switches to raw[t] when raw[t−k+1..t] are all raw[t] ≠ label[t−1].
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (raw, k) => {
        const liq = f(raw.map((q) => (q <= 2 ? 1 : -1)));
        const dol = f(raw.map((q) => (q % 2 === 0 ? 1 : -1)));
        const naive: number[] = [];
        raw.forEach((q, t) => {
          if (t === 0) return naive.push(q);
          const prev = naive[t - 1];
          const runOk = t - k + 1 >= 0 && raw.slice(t - k + 1, t + 1).every((x) => x === q);
          // (The label can only change to a raw value, so no change can happen inside the run.)
          naive.push(q !== prev && runOk ? q : prev);
        });
        expect(Array.from(labelQuadrants(liq, dol, stab({ confirmDays: k })).labels)).toEqual(naive);
      }),
    );
  });
});
