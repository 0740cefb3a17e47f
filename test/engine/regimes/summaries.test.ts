import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { episodesOf, summariseEpisodes } from '../../../engine/regimes/episodes.ts';
import { timeShares } from '../../../engine/regimes/time-shares.ts';
import { transitionMatrix, transitionProbabilities } from '../../../engine/regimes/transition-matrix.ts';
import type { RegimeResult } from '../../../engine/regimes/types.ts';
import { REGIME_PRESETS } from '../../../engine/regimes/presets.ts';
import { makeCalendar } from '../../builders.ts';

const labels = Uint8Array.of(0, 0, 1, 1, 1, 4, 4, 0, 4, 2, 2, 1);
const cal = makeCalendar('2024-01-01', labels.length); // Mon 2024-01-01 … (weekdays)

describe('episodesOf', () => {
  it('finds each run of one quadrant; 0 days split runs and belong to none', () => {
    // By hand: Q1 rows 2-4, Q4 rows 5-6, (0 at row 7), Q4 row 8, Q2 rows 9-10, Q1 row 11.
    const eps = episodesOf(labels, cal);
    expect(eps.map((e) => [e.quadrant, e.startIndex, e.endIndex, e.days])).toEqual([
      [1, 2, 4, 3],
      [4, 5, 6, 2],
      [4, 8, 8, 1],
      [2, 9, 10, 2],
      [1, 11, 11, 1],
    ]);
    // Row 2 is Wednesday 2024-01-03; row 4 Friday 2024-01-05 (19725 = days since 1970 of 2024-01-03).
    expect([eps[0].start, eps[0].end]).toEqual([19725, 19727]);
  });

  it('episode days add up to the labelled days, and neighbours differ or are split by a 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (xs) => {
        const l = Uint8Array.from(xs);
        const eps = episodesOf(l, makeCalendar('2020-01-01', l.length));
        expect(eps.reduce((a, e) => a + e.days, 0)).toBe(xs.filter((q) => q !== 0).length);
        for (let i = 1; i < eps.length; i++) expect(eps[i].quadrant !== eps[i - 1].quadrant || eps[i].startIndex > eps[i - 1].endIndex + 1).toBe(true);
      }),
    );
  });

  it('summaries average the scores over each episode and take signals on its first day', () => {
    const n = 4;
    const result: RegimeResult = {
      config: REGIME_PRESETS.article,
      labels: Uint8Array.of(1, 1, 3, 3),
      rawLabels: Uint8Array.of(1, 1, 3, 3),
      liquidityScore: Float64Array.of(0.2, 0.4, -0.5, -0.7),
      dollarScore: Float64Array.of(-1, -0.5, -0.2, -0.4),
      components: { balance_sheet: Float64Array.of(1, 2, 3, 4) },
      signals: { dff_change: Float64Array.of(0, -0.25, 0.25, 0.5) },
      stale: new Uint8Array(n),
      inputs: [],
      firstLabelled: 0,
    };
    const s = summariseEpisodes(result, makeCalendar('2024-01-01', n));
    // By hand: Q1 mean liquidity (0.2+0.4)/2 = 0.3, dollar −0.75, balance_sheet 1.5, dff at row 0 = 0;
    // Q3: liquidity −0.6, dollar −0.3, balance_sheet 3.5, dff at row 2 = 0.25.
    expect(s.map((e) => [e.quadrant, e.liquidityScore, e.dollarScore, e.components.balance_sheet, e.signalsAtStart.dff_change])).toEqual([
      [1, expect.closeTo(0.3, 12), -0.75, 1.5, 0],
      [3, expect.closeTo(-0.6, 12), expect.closeTo(-0.3, 12), 3.5, 0.25],
    ]);
  });

  it("summaries count the days whose raw label differs from the episode's, and the raw mix (by hand)", () => {
    const n = 6;
    const result: RegimeResult = {
      config: REGIME_PRESETS.article,
      // Confirmed Q4 for six days while the raw label read Q4 Q4 Q1 Q1 Q1 Q4: 3 days differ.
      labels: Uint8Array.of(4, 4, 4, 4, 4, 4),
      rawLabels: Uint8Array.of(4, 4, 1, 1, 1, 4),
      liquidityScore: new Float64Array(n),
      dollarScore: new Float64Array(n),
      components: {},
      signals: {},
      stale: new Uint8Array(n),
      inputs: [],
      firstLabelled: 0,
    };
    const [e] = summariseEpisodes(result, makeCalendar('2024-01-01', n));
    expect(e.rawDiffers).toBe(3);
    expect(e.rawDays).toEqual([0, 3, 0, 0, 3]);
  });
});

describe('timeShares', () => {
  it('is the fraction of labelled days in each quadrant', () => {
    // By hand: labelled rows 2,3,4,5,6,8,9,10,11 = 9 days; Q1 rows 2,3,4,11 = 4, Q2 rows 9,10
    // = 2, Q3 none, Q4 rows 5,6,8 = 3.
    expect(timeShares(labels)).toEqual({ 1: 4 / 9, 2: 2 / 9, 3: 0, 4: 3 / 9 });
  });

  it('is all 0 when nothing is labelled', () => {
    expect(timeShares(new Uint8Array(5))).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0 });
  });
});

describe('transitionMatrix', () => {
  it('counts day-to-day switches from row quadrant to column quadrant, not across 0', () => {
    // By hand: 1→4 at row 5; 4→0→4 is no switch; 4→2 at row 9; 2→1 at row 11.
    const m = transitionMatrix(labels);
    const want = [
      [0, 0, 0, 1],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 0, 0],
    ];
    expect(m).toEqual(want);
  });

  it('row-normalised probabilities sum to 1 for each quadrant that was left', () => {
    const p = transitionProbabilities([
      [0, 3, 1, 0],
      [0, 0, 0, 0],
      [2, 2, 0, 4],
      [0, 0, 5, 0],
    ]);
    expect(p).toEqual([
      [0, 0.75, 0.25, 0],
      [0, 0, 0, 0],
      [0.25, 0.25, 0, 0.5],
      [0, 0, 1, 0],
    ]);
  });

  it('the number of switches equals the number of episode boundaries between adjacent episodes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (xs) => {
        const l = Uint8Array.from(xs);
        const eps = episodesOf(l, makeCalendar('2020-01-01', l.length));
        let adjacent = 0;
        for (let i = 1; i < eps.length; i++) if (eps[i].startIndex === eps[i - 1].endIndex + 1) adjacent++;
        expect(
          transitionMatrix(l)
            .flat()
            .reduce((a, b) => a + b, 0),
        ).toBe(adjacent);
      }),
    );
  });
});
