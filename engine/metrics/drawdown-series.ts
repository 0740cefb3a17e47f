import { badArgument } from '../stats/bad-argument.ts';

/**
 * Drawdown at each day: `dd[i] = 1 − nav[i] / max_{j ≤ i} nav[j]`, a fraction in [0, 1)
 * (positive numbers: 0.2 means 20 % below the running high). Units: fraction of the peak.
 *
 * @throws QuadrantError `bad-argument` when a NAV is not finite and positive.
 * @example
 * drawdownSeries(Float64Array.of(100, 120, 90, 130)); // [0, 0, 0.25, 0]
 */
export function drawdownSeries(nav: Float64Array): Float64Array {
  const n = nav.length;
  const dd = new Float64Array(n);
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const v = nav[i];
    if (!(v > 0) || v === Infinity) throw badArgument(`drawdownSeries: nav[${i}] is ${v}, not finite and positive`);
    if (v >= peak) peak = v;
    else dd[i] = 1 - v / peak;
  }
  return dd;
}
