/** Test builders: reproducible Gaussian and AR(1) samples from the engine's seeded generator. */
import { makeRng } from '../../../engine/random.ts';

/** n standard normal draws (Box–Muller on makeRng(seed)). */
export function normals(seed: number, n: number): Float64Array {
  const rng = makeRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const a = 2 * Math.PI * rng();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/** xₜ = φ xₜ₋₁ + εₜ, ε standard normal, started from the stationary distribution. */
export function ar1(seed: number, n: number, phi: number): Float64Array {
  const e = normals(seed, n);
  const x = new Float64Array(n);
  x[0] = e[0] / Math.sqrt(1 - phi * phi);
  for (let t = 1; t < n; t++) x[t] = phi * x[t - 1] + e[t];
  return x;
}

/** The integer LCG series shared with the Python reference scripts: s ← 1103515245 s + 12345 mod 2³², AR(1) filtered. */
export function lcgAr1(n: number, phi: number, seed = 12345): Float64Array {
  let s = seed;
  let prev = 0;
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    prev = phi * prev + ((s + 0.5) / 4294967296 - 0.5);
    x[t] = prev;
  }
  return x;
}
