import { badArgument } from './bad-argument.ts';
import { normalCdf } from './normal-cdf.ts';
import { normalPdf } from './normal-pdf.ts';

/**
 * Standard normal quantile `Φ⁻¹(p)`: the x with `Φ(x) = p`, accurate to about 1e-14 (absolute, and relative in the tails)
 * (checked against Python's `statistics.NormalDist().inv_cdf`, Wichura's AS 241, in the tests).
 *
 * Start from Abramowitz & Stegun (1964) 26.2.23 (error < 4.5e-4) on the lower tail
 * q = min(p, 1 − p), then polish with Halley steps on `Φ(x) − q` using {@link normalCdf}:
 * `u = (Φ(x) − q) / φ(x)`, `x ← x − u / (1 + x u / 2)` (cubic convergence; three steps reach
 * machine precision from the A&S start). Working on the lower tail keeps relative accuracy for
 * small p; for p > ½ the result is −Φ⁻¹(1 − p), and 1 − p is exact there (Sterbenz).
 *
 * @param p probability in [0, 1]; 0 gives −Infinity and 1 gives +Infinity.
 * @throws QuadrantError `bad-argument` when p is NaN or outside [0, 1].
 * @example
 * normalInverseCdf(0.975); // ≈ 1.959963984540054
 */
export function normalInverseCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) throw badArgument(`normalInverseCdf needs p in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const q = upper ? 1 - p : p;
  // A&S 26.2.23: x ≈ −(t − (c0 + c1 t + c2 t²) / (1 + d1 t + d2 t² + d3 t³)), t = √(−2 ln q).
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let k = 0; k < 4; k++) {
    const density = normalPdf(x);
    if (density === 0) break;
    const u = (normalCdf(x) - q) / density;
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return upper ? -x : x;
}
