/**
 * Compensated sum (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen", the improved Kahan–Babuška algorithm): the rounding error of each addition
 * is carried in a second accumulator, so the result is accurate to a few ulps whatever the
 * order and magnitudes of the terms. Units: those of `x`. The empty sum is 0; NaN propagates.
 *
 * @example
 * sum([1e100, 1, -1e100]); // 1 (a naive loop gives 0)
 */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    // Whichever of s and v is larger absorbs the other's low-order bits; recover them.
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}
