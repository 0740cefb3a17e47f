import { badArgument } from './bad-argument.ts';
import { sum } from './sum.ts';

/**
 * Expected block length for the stationary bootstrap of a series' mean, by the automatic rule
 * of Politis & White (2004), "Automatic block-length selection for the dependent bootstrap",
 * Econometric Reviews 23(1), with the correction of Patton, Politis & White (2009),
 * Econometric Reviews 28(4) (the stationary-bootstrap constant D_SB = 2 ĝ(0)²).
 *
 * Steps, with autocovariances `R(k) = (1/n) Σ (xₜ − x̄)(xₜ₊ₖ − x̄)` and ρ(k) = R(k)/R(0):
 * 1. `K_N = max(5, ⌈log₁₀ n⌉)`, `m_max = ⌈√n⌉ + K_N`, `B_max = ⌈min(3√n, n/3)⌉`,
 *    band `c √(log₁₀ n / n)` with c = 2.
 * 2. m̂ = the first lag m ≥ 1 that starts K_N consecutive autocorrelations ρ(m) … ρ(m+K_N−1)
 *    inside the band (as in Patton's reference code and R's `np::b.star`); if there is none,
 *    the last lag ≤ m_max outside it (1 if none). `M = min(2 m̂, m_max)`.
 * 3. With the flat-top window λ(s) = 1 for |s| ≤ ½, 2(1 − |s|) for ½ < |s| ≤ 1, 0 beyond:
 *    `Ĝ = Σ_{|k|≤M} λ(k/M) |k| R(k)`, `ĝ = Σ_{|k|≤M} λ(k/M) R(k)`,
 *    `b = (2 Ĝ² / D_SB)^{1/3} n^{1/3} = (Ĝ/ĝ)^{2/3} n^{1/3}`.
 * 4. Clamp to [1, B_max].
 *
 * Units: observations (a real number, not rounded).
 *
 * @throws QuadrantError `bad-argument` for fewer than 8 observations or a non-finite value.
 * @example
 * optimalBlockLength(dailyReturns); // e.g. ≈ 26 for an AR(1) with φ = 0.5 and n = 10,000
 */
export function optimalBlockLength(x: Float64Array): number {
  const n = x.length;
  if (n < 8) throw badArgument(`optimalBlockLength needs at least 8 observations, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw badArgument(`optimalBlockLength: value at index ${i} is ${x[i]}, not finite`);
  }
  const kn = Math.max(5, Math.ceil(Math.log10(n)));
  const mMax = Math.min(n - 1, Math.ceil(Math.sqrt(n)) + kn);
  const bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  const band = 2 * Math.sqrt(Math.log10(n) / n);

  const m = sum(x) / n;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = x[i] - m;
  // R[k] for k = 0..mMax.
  const R = new Float64Array(mMax + 1);
  for (let k = 0; k <= mMax; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += u[t] * u[t + k];
    R[k] = s / n;
  }
  if (R[0] === 0) return 1; // a constant series: any block length gives the same resamples

  // Step 2: the first lag that starts a run of kn insignificant autocorrelations.
  let mHat = 0;
  let run = 0;
  for (let k = 1; k <= mMax; k++) {
    if (Math.abs(R[k] / R[0]) < band) {
      run++;
      if (run === kn) {
        mHat = k - kn + 1;
        break;
      }
    } else {
      run = 0;
    }
  }
  if (mHat === 0) {
    mHat = 1;
    for (let k = mMax; k >= 1; k--) {
      if (Math.abs(R[k] / R[0]) >= band) {
        mHat = k;
        break;
      }
    }
  }
  const M = Math.min(2 * mHat, mMax);

  // Step 3: flat-top weighted sums over k = -M..M, folded onto k ≥ 0.
  let G = 0;
  let g = R[0];
  for (let k = 1; k <= M; k++) {
    const s = k / M;
    const w = s <= 0.5 ? 1 : 2 * (1 - s);
    G += 2 * w * k * R[k];
    g += 2 * w * R[k];
  }
  let b = g > 0 ? ((G * G) / (g * g)) ** (1 / 3) * Math.cbrt(n) : 1;
  if (!(b >= 1)) b = 1;
  return Math.min(b, bMax);
}
