import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { policySurprise } from '../../../engine/signals/policy-surprise.ts';

describe('policySurprise', () => {
  it('matches the worked example: the Fed held at 4.33 after the bill priced 4.0 % bond-equivalent', () => {
    // By hand: 4.33 − 4.0 × 360/365 = 4.33 − 3.945205… = 0.384794…
    const out = policySurprise(Float64Array.of(4.33, 4.33, 4.33), Float64Array.of(4.0, 4.0, 4.0), 2, 'bond-equivalent');
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(4.33 - (4 * 360) / 365, 12);
  });

  it('restates a discount-basis bill yield on the money-market basis: d / (1 − d·91/360)', () => {
    // A 4.00 % discount bill: 4 / (1 − 0.04 × 91/360) = 4 / 0.9898888… = 4.0408576… (the textbook
    // money-market yield of a 13-week bill). A Fed that delivered exactly that: surprise 0.
    const mm = 4 / (1 - 0.04 * (91 / 360));
    expect(mm).toBeCloseTo(4.0408576, 7);
    expect(policySurprise(Float64Array.of(mm, mm), Float64Array.of(4, 4), 1, 'discount')[1]).toBeCloseTo(0, 12);
  });

  it('a cut the bill did not price reads negative (easier than priced), a hike it did not price positive', () => {
    const cut = policySurprise(Float64Array.of(5, 5, 4.5, 4.5), Float64Array.of((5 * 365) / 360, 0, 0, 0), 3, 'bond-equivalent');
    // Mean of rows 1..3: (5 + 4.5 + 4.5)/3 = 4.6667, priced 5 → −0.3333.
    expect(cut[3]).toBeCloseTo(-1 / 3, 12);
    const hike = policySurprise(Float64Array.of(1, 1, 1.5, 1.5), Float64Array.of(365 / 360, 0, 0, 0), 3, 'bond-equivalent');
    expect(hike[3]).toBeCloseTo(1 / 3, 12);
  });

  it('equals a brute-force mean at every row, NaN wherever the window holds a NaN (running sum never drifts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(NaN)), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (values, tenor) => {
          const policy = Float64Array.from(values);
          const bill = Float64Array.from(values, (_, i) => (i % 7) + 0.5);
          const out = policySurprise(policy, bill, tenor, 'bond-equivalent');
          for (let t = 0; t < values.length; t++) {
            if (t < tenor) {
              expect(out[t]).toBeNaN();
              continue;
            }
            const window = values.slice(t - tenor + 1, t + 1);
            const expected = window.some((v) => Number.isNaN(v)) ? NaN : window.reduce((a, b) => a + b, 0) / tenor - (bill[t - tenor] * 360) / 365;
            if (Number.isNaN(expected)) expect(out[t]).toBeNaN();
            else expect(out[t]).toBeCloseTo(expected, 9);
          }
        },
      ),
    );
  });
});
