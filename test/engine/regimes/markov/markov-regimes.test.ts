/**
 * The Markov-switching labels on Quadrant's calendar: refit days, warm-up, the label rule, and
 * the poisoned-future property (changing or deleting any input after day t changes no label or
 * probability at or before t, monthly refits included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../../datasets/day.ts';
import { makeRng } from '../../../../engine/random.ts';
import { markovSwitchingRegimes, monthOpenings } from '../../../../engine/regimes/markov/index.ts';
import { makeCalendar } from '../../../builders.ts';

/** Two persistent sign regimes per axis with noise: the kind of series the model should read. */
function regimeSeries(n: number, seed: number, level = 1): Float64Array {
  const rng = makeRng(seed);
  const y = new Float64Array(n);
  let side = 1;
  for (let t = 0; t < n; t++) {
    if (rng() < 0.01) side = -side;
    y[t] = side * level + 0.4 * (rng() + rng() + rng() - 1.5);
  }
  return y;
}

const N = 900;
const CAL = makeCalendar('2020-01-01', N);
const OPTIONS = { minHistory: 120, starts: 3 };

describe('monthOpenings', () => {
  it('lists row 0 and each first weekday of a month', () => {
    const rows = Array.from(monthOpenings(CAL))
      .slice(0, 4)
      .map((r) => isoDay(CAL[r]));
    expect(rows).toEqual(['2020-01-01', '2020-02-03', '2020-03-02', '2020-04-01']);
  });
});

describe('markovSwitchingRegimes', () => {
  const liquidity = regimeSeries(N, 1);
  const dollar = regimeSeries(N, 2);
  liquidity.fill(NaN, 0, 30); // the input starts on row 30
  const r = markovSwitchingRegimes(liquidity, dollar, CAL, OPTIONS);

  it('refits on month openings only, once 120 inputs are in the window, on rows before the refit', () => {
    const openings = new Set(monthOpenings(CAL));
    for (const f of r.liquidityRefits) {
      expect(openings.has(f.row)).toBe(true);
      expect(f.windowStart).toBe(30);
    }
    // Row 150 is the first with 120 inputs behind it (rows 30..149); the first opening at or after it.
    const firstOpening = Array.from(monthOpenings(CAL)).find((row) => row >= 150);
    expect(r.liquidityRefits[0].row).toBe(firstOpening);
    expect(r.dollarRefits[0].row).toBe(Array.from(monthOpenings(CAL)).find((row) => row >= 120));
    expect(r.firstLabelled).toBe(firstOpening);
    for (let t = 0; t < r.firstLabelled; t++) expect(r.labels[t]).toBe(0);
    for (let t = r.firstLabelled; t < N; t++) expect(r.labels[t]).toBeGreaterThan(0);
  });

  it('labels Q = 1 + 2·(not easing) + strengthening from the filtered probabilities, and finds the simulated sides', () => {
    let agree = 0;
    for (let t = r.firstLabelled; t < N; t++) {
      const e = r.easingProbability[t] > 0.5;
      const s = r.strongProbability[t] > 0.5;
      expect(r.labels[t]).toBe(1 + (e ? 0 : 2) + (s ? 1 : 0));
      if (e === liquidity[t] > 0) agree++;
    }
    // Sides ±1 with noise of sd 0.2: a working model gets nearly every day right.
    expect(agree / (N - r.firstLabelled)).toBeGreaterThan(0.95);
  });

  it('is deterministic: the same inputs and seed give the same labels', () => {
    const again = markovSwitchingRegimes(liquidity, dollar, CAL, OPTIONS);
    expect(Array.from(again.labels)).toEqual(Array.from(r.labels));
  });

  it('poisoned future: changing or deleting inputs after day t changes nothing at or before t', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: N - 2 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (t, seed, deleteThem) => {
        const rng = makeRng(seed);
        const l2 = Float64Array.from(liquidity);
        const d2 = Float64Array.from(dollar);
        for (let u = t + 1; u < N; u++) {
          l2[u] = deleteThem ? NaN : 5 * (rng() - 0.5);
          d2[u] = deleteThem ? NaN : 5 * (rng() - 0.5);
        }
        const p = markovSwitchingRegimes(l2, d2, CAL, OPTIONS);
        for (let u = 0; u <= t; u++) {
          if (p.labels[u] !== r.labels[u]) return false;
          if (!Object.is(p.easingProbability[u], r.easingProbability[u])) return false;
          if (!Object.is(p.strongProbability[u], r.strongProbability[u])) return false;
        }
        return true;
      }),
      { numRuns: 25 },
    );
  });
});
