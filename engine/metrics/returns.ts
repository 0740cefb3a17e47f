import { badArgument } from '../stats/bad-argument.ts';

/**
 * Daily simple returns of a NAV path, aligned with it: `r[i] = nav[i] / nav[i − 1] − 1` for
 * i ≥ 1 and `r[0] = NaN` (no return on the first day). Units: fraction per day.
 *
 * @throws QuadrantError `bad-argument` when a NAV is not finite and positive.
 * @example
 * simpleReturns(Float64Array.of(100, 110, 99)); // [NaN, 0.1, −0.1] (up to rounding)
 */
export function simpleReturns(nav: Float64Array): Float64Array {
  const n = nav.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!(nav[i] > 0) || nav[i] === Infinity) throw badArgument(`simpleReturns: nav[${i}] is ${nav[i]}, not finite and positive`);
  }
  if (n > 0) r[0] = NaN;
  for (let i = 1; i < n; i++) r[i] = nav[i] / nav[i - 1] - 1;
  return r;
}
