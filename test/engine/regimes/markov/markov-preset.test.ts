/**
 * The `markov-switching` preset through computeRegimes: the poisoned-future property on
 * synthetic data long enough for its warm-up (330 rows for the scores it reads, then 504 more),
 * and the shape its labels and scores take.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPanel } from '../../../../datasets/panel.ts';
import { makeRng } from '../../../../engine/random.ts';
import { computeRegimes, labelQuadrants, REGIME_PRESETS } from '../../../../engine/regimes/index.ts';
import { monthOpenings } from '../../../../engine/regimes/markov/index.ts';
import { poisonAfter, syntheticDataset } from '../../../fixtures/regimes/synthetic.ts';

const PRESET = REGIME_PRESETS['markov-switching'];
const N = 1100;

/** First index ≤ upTo where two arrays differ (NaN equal to NaN), −1 when none. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>, upTo: number): number {
  for (let t = 0; t <= upTo; t++) if (!Object.is(a[t], b[t])) return t;
  return -1;
}

describe('the markov-switching preset', () => {
  const panel = buildPanel(syntheticDataset(5, N));
  const r = computeRegimes(panel, PRESET);

  it('labels from the first month opening after 504 scored days to the end', () => {
    // The article scores start on row 330 of the synthetic history (see point-in-time.test.ts).
    const first = Array.from(monthOpenings(panel.calendar)).find((row) => row >= 330 + 504)!;
    expect(r.firstLabelled).toBe(first);
    for (let t = first; t < N; t++) expect(r.labels[t]).toBeGreaterThan(0);
  });

  it('its scores are 2·P − 1 whose signs give its labels, and the inputs are the article scores', () => {
    const again = labelQuadrants(r.liquidityScore, r.dollarScore, { confirmDays: 1, confirmBy: 'quadrant', minDwellDays: 0, hysteresis: 0 });
    expect(Array.from(again.labels)).toEqual(Array.from(r.labels));
    const article = computeRegimes(panel, REGIME_PRESETS.article);
    expect(Array.from(r.components.input_liquidity)).toEqual(Array.from(article.liquidityScore));
    for (let t = r.firstLabelled; t < N; t++) expect(Math.abs(r.liquidityScore[t])).toBeLessThanOrEqual(1);
  });

  it('poisoned future: altering or deleting any input not public by day t changes no label or probability at or before t', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 700, max: N - 2 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.constantFrom('alter', 'delete') as fc.Arbitrary<'alter' | 'delete'>,
        (t, seed, mode) => {
          const ds = syntheticDataset(5, N);
          const poisoned = buildPanel(poisonAfter(ds, panel.calendar[t], makeRng(seed), mode));
          const b = computeRegimes(poisoned, PRESET);
          expect(firstDifference(r.labels, b.labels, t)).toBe(-1);
          expect(firstDifference(r.liquidityScore, b.liquidityScore, t)).toBe(-1);
          expect(firstDifference(r.dollarScore, b.dollarScore, t)).toBe(-1);
        },
      ),
      { numRuns: 8 },
    );
  });
});
