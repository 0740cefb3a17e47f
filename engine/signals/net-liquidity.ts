/**
 * Net liquidity in millions of USD: `WALCL − WDTGAL − RRPONTSYD × 1000` (Fed total assets less
 * the Treasury General Account less overnight reverse repos, the last converted from billions).
 *
 * Timing: row by row, so each value is public when its three inputs are (the panel holds each
 * as of its own publication). NaN where any input is NaN.
 *
 * @example
 * netLiquidity(Float64Array.of(7_000_000), Float64Array.of(800_000), Float64Array.of(150)); // [6_050_000]
 */
export function netLiquidity(
  walcl: Float64Array,
  tga: Float64Array,
  rrpBillions: Float64Array,
  out: Float64Array = new Float64Array(walcl.length),
): Float64Array {
  for (let t = 0; t < walcl.length; t++) out[t] = walcl[t] - tga[t] - rrpBillions[t] * 1000;
  return out;
}
