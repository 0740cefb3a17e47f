import { describe, it, expect } from 'vitest';
import { signWithDeadBand } from '../../../engine/signals/sign-with-dead-band.ts';

describe('signWithDeadBand', () => {
  it('is ±1 outside the band, 0 inside (edges included), NaN for NaN', () => {
    // A policy-rate change in percentage points with a 0.125 pp band: a 25 bp hike is +1,
    // a 50 bp cut −1, an 8 bp drift of the effective rate 0; exactly ±0.125 is still inside.
    const r = signWithDeadBand(Float64Array.of(0.25, -0.5, 0.08, 0.125, -0.125, NaN), 0.125);
    expect(Array.from(r)).toEqual([1, -1, 0, 0, 0, NaN]);
  });

  it('with a zero band is the plain sign, and 0 stays 0', () => {
    expect(Array.from(signWithDeadBand(Float64Array.of(3, -1e-9, 0), 0))).toEqual([1, -1, 0]);
  });
});
