import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { movingAverage } from '../../../engine/signals/moving-average.ts';
import { trendVsAverage } from '../../../engine/signals/trend-vs-average.ts';

describe('movingAverage', () => {
  it('averages the last window rows, NaN until full and while a NaN is inside', () => {
    // By hand, window 3: (1+2+3)/3 = 2, (2+3+4)/3 = 3; rows 4-6 hold the NaN at row 4; row 7
    // averages 6, 7, 8 = 7.
    const x = Float64Array.of(1, 2, 3, 4, NaN, 6, 7, 8);
    expect(Array.from(movingAverage(x, 3))).toEqual([NaN, NaN, 2, 3, NaN, NaN, NaN, 7]);
  });

  it('matches a naive average of each slice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 12 }),
        (xs, w) => {
          const got = movingAverage(Float64Array.from(xs), w);
          xs.forEach((_, t) => {
            const slice = t + 1 >= w ? xs.slice(t - w + 1, t + 1) : [];
            const naive = slice.length === w && slice.every((v) => !Number.isNaN(v)) ? slice.reduce((a, b) => a + b, 0) / w : NaN;
            if (Number.isNaN(naive)) expect(got[t]).toBeNaN();
            else expect(got[t]).toBeCloseTo(naive, 6);
          });
        },
      ),
    );
  });
});

describe('trendVsAverage', () => {
  it('is the level against its trailing average minus one', () => {
    // By hand, window 3: row 2 averages 100, 100, 106 = 102, so 106/102 − 1 = 0.0392156…;
    // row 3 averages 100, 106, 97 = 101, so 97/101 − 1 = −0.0396039…
    const r = trendVsAverage(Float64Array.of(100, 100, 106, 97), 3);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeCloseTo(106 / 102 - 1, 14);
    expect(r[2]).toBeCloseTo(0.0392157, 6);
    expect(r[3]).toBeCloseTo(-0.039604, 6);
  });
});
