import { makeRng } from '../random.ts';
import { badArgument } from './bad-argument.ts';
import { optimalBlockLength } from './optimal-block-length.ts';

/** Options of {@link spaTest}. */
export interface SpaOptions {
  /** Bootstrap resamples, an integer ≥ 1 (default 1,000). */
  reps?: number;
  /** Seed of the {@link makeRng} generator. */
  seed: number;
  /**
   * Expected block length of the stationary bootstrap, in [1, n]. Default: the largest
   * Politis–White length among the differential series, floored at n^(1/3).
   */
  blockLength?: number;
}

/** Result of {@link spaTest}. */
export interface SpaResult {
  /** T_SPA = max(0, maxₖ √n d̄ₖ / ω̂ₖ). */
  statistic: number;
  /** Hansen's consistent p-value (the one to read). */
  pValue: number;
  /** The liberal (lower) and conservative (upper; White's reality check, studentised) p-values. */
  pLower: number;
  pUpper: number;
  /** Mean differential d̄ₖ of each alternative over the base, per period. */
  means: number[];
  /** √n d̄ₖ / ω̂ₖ of each alternative. */
  tStats: number[];
  /** The alternative with the largest t-statistic. */
  best: number;
  reps: number;
  seed: number;
  blockLength: number;
  n: number;
}

/**
 * Hansen's test for superior predictive ability (Hansen 2005, "A test for superior predictive
 * ability", J. Business & Economic Statistics 23(4)). `differentials[k][t]` is how much better
 * alternative k did than the base on day t (e.g. its return minus the base's). H₀: no
 * alternative is better than the base on average (maxₖ E dₖ ≤ 0).
 *
 * Studentised statistic T = max(0, maxₖ √n d̄ₖ/ω̂ₖ), with ω̂ₖ² = n · the bootstrap variance of d̄ₖ.
 * Its null distribution comes from B stationary-bootstrap resamples (Politis & Romano 1994; the
 * same resampled days for every k, so their dependence is kept): T*_b = max(0, maxₖ √n
 * (d̄*ₖ,b − gₖ)/ω̂ₖ). The consistent p-value recentres with gₖ = d̄ₖ·1{d̄ₖ ≥ −ω̂ₖ√(2 ln ln n / n)},
 * so clearly worse alternatives do not dilute the test; the lower uses gₖ = max(d̄ₖ, 0) and the
 * upper gₖ = d̄ₖ. p = #{T*_b ≥ T} / B.
 *
 * @throws QuadrantError `bad-argument` when there is no alternative, the series differ in length
 *   or have fewer than 8 values, a value is not finite, an alternative never differs from the
 *   base, or an option is out of range.
 * @example
 * spaTest([benchmarkMinusPlaybook1, benchmarkMinusPlaybook2], { seed: 7 }).pValue;
 */
export function spaTest(differentials: readonly Float64Array[], options: SpaOptions): SpaResult {
  const m = differentials.length;
  if (m === 0) throw badArgument('spaTest needs at least one alternative');
  const n = differentials[0].length;
  if (n < 8) throw badArgument(`spaTest needs at least 8 observations, got ${n}`);
  for (const d of differentials) {
    if (d.length !== n) throw badArgument(`spaTest needs series of one length, got ${n} and ${d.length}`);
    for (let t = 0; t < n; t++) if (!Number.isFinite(d[t])) throw badArgument(`spaTest: value at index ${t} is ${d[t]}, not finite`);
  }
  const reps = options.reps ?? 1000;
  if (!Number.isInteger(reps) || reps < 1) throw badArgument(`spaTest needs an integer reps ≥ 1, got ${reps}`);
  if (!Number.isSafeInteger(options.seed)) throw badArgument(`spaTest needs a safe integer seed, got ${options.seed}`);
  const blockLength = options.blockLength ?? Math.max(Math.cbrt(n), ...differentials.map((d) => optimalBlockLength(d)));
  if (!(blockLength >= 1 && blockLength <= n)) throw badArgument(`spaTest needs a blockLength in [1, ${n}], got ${blockLength}`);

  // Prefix sums: a block's sum is two subtractions, wrapped blocks two pieces.
  const prefix = differentials.map((d) => {
    const p = new Float64Array(n + 1);
    for (let t = 0; t < n; t++) p[t + 1] = p[t] + d[t];
    return p;
  });
  const means = prefix.map((p) => p[n] / n);
  const rng = makeRng(options.seed);
  const invLogQ = blockLength > 1 ? 1 / Math.log(1 - 1 / blockLength) : 0;
  const boot = new Float64Array(reps * m);
  const sums = new Float64Array(m);
  for (let b = 0; b < reps; b++) {
    sums.fill(0);
    let i = 0;
    while (i < n) {
      const j = Math.floor(rng() * n);
      const len = Math.min(n - i, blockLength > 1 ? 1 + Math.floor(Math.log(1 - rng()) * invLogQ) : 1);
      for (let k = 0; k < m; k++) {
        const p = prefix[k];
        sums[k] += j + len <= n ? p[j + len] - p[j] : p[n] - p[j] + p[j + len - n];
      }
      i += len;
    }
    for (let k = 0; k < m; k++) boot[b * m + k] = sums[k] / n;
  }
  const omega = means.map((mu, k) => {
    let ss = 0;
    for (let b = 0; b < reps; b++) ss += (boot[b * m + k] - mu) ** 2;
    return Math.sqrt((n * ss) / reps);
  });
  for (let k = 0; k < m; k++) if (!(omega[k] > 0)) throw badArgument(`spaTest: alternative ${k} never differs from the base`);
  const sqrtN = Math.sqrt(n);
  const tStats = means.map((mu, k) => (sqrtN * mu) / omega[k]);
  const statistic = Math.max(0, ...tStats);
  const threshold = Math.sqrt(2 * Math.log(Math.log(n)));
  const centres = {
    lower: means.map((mu) => Math.max(mu, 0)),
    consistent: means.map((mu, k) => (tStats[k] >= -threshold ? mu : 0)),
    upper: means,
  };
  const pOf = (g: number[]) => {
    let count = 0;
    for (let b = 0; b < reps; b++) {
      let t = 0;
      for (let k = 0; k < m; k++) t = Math.max(t, (sqrtN * (boot[b * m + k] - g[k])) / omega[k]);
      if (t >= statistic) count++;
    }
    return count / reps;
  };
  let best = 0;
  for (let k = 1; k < m; k++) if (tStats[k] > tStats[best]) best = k;
  return {
    statistic,
    pValue: pOf(centres.consistent),
    pLower: pOf(centres.lower),
    pUpper: pOf(centres.upper),
    means,
    tStats,
    best,
    reps,
    seed: options.seed,
    blockLength,
    n,
  };
}
