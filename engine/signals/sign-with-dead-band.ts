/**
 * Sign with a dead band: +1 where `x > deadBand`, −1 where `x < −deadBand`, 0 in between,
 * NaN where `x` is NaN. Unitless; `deadBand` is in the units of `x` (e.g. 0.125 percentage
 * points for a policy-rate change: half a 25 bp step).
 *
 * Timing: row by row, needs no history.
 *
 * @example
 * signWithDeadBand(Float64Array.of(0.5, 0.1, -0.3, NaN), 0.125); // [1, 0, -1, NaN]
 */
export function signWithDeadBand(x: Float64Array, deadBand: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    out[t] = v > deadBand ? 1 : v < -deadBand ? -1 : v === v ? 0 : NaN;
  }
  return out;
}
