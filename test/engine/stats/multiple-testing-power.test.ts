import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  bootstrapPValue,
  clusterBootstrap,
  mean,
  minimumDetectableEffect,
  neweyWest,
  pAdjust,
  stationaryBootstrap,
  stationaryBootstrapSums,
} from '../../../engine/stats/index.ts';
import { QuadrantError } from '../../../datasets/errors.ts';
import { normals } from './simulate.ts';

// ---- p-adjust ----

/** The definitions written out, O(m²): Holm p̃₍ᵢ₎ = max_{j≤i} min(1, (m−j+1) p₍ⱼ₎); BH p̃₍ᵢ₎ = min_{j≥i} min(1, m p₍ⱼ₎ / j). */
function bruteForce(p: number[], method: 'holm' | 'bh'): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const sorted = order.map((i) => p[i]);
  const adj = sorted.map((_, i) => {
    let v = method === 'holm' ? 0 : 1;
    if (method === 'holm') for (let j = 0; j <= i; j++) v = Math.max(v, Math.min(1, (m - j) * sorted[j]));
    else for (let j = i; j < m; j++) v = Math.min(v, Math.min(1, (m * sorted[j]) / (j + 1)));
    return v;
  });
  const out = new Array<number>(m);
  order.forEach((i, k) => (out[i] = adj[k]));
  return out;
}

describe('pAdjust', () => {
  // Ten p-values in a shuffled order.
  const p = [0.205, 0.001, 0.039, 0.216, 0.041, 0.008, 0.074, 0.042, 0.212, 0.06];

  it('Holm: by hand, as R p.adjust(p, "holm")', () => {
    // Sorted: 0.001 0.008 0.039 0.041 0.042 0.06 0.074 0.205 0.212 0.216; (m−k+1)·p = 0.01, 0.072,
    // 0.312, 0.287, 0.252, 0.3, 0.296, 0.615, 0.424, 0.216; running maximum: 0.01, 0.072, 0.312 ×5, 0.615 ×3.
    const want = [0.615, 0.01, 0.312, 0.615, 0.312, 0.072, 0.312, 0.312, 0.615, 0.312];
    const got = pAdjust(p, 'holm');
    want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
  });

  it('Benjamini–Hochberg: as scipy 1.17 `scipy.stats.false_discovery_control(p, method="bh")` (= R p.adjust(p, "BH"))', () => {
    const want = [0.216, 0.01, 0.084, 0.216, 0.084, 0.04, 0.1057142857142857, 0.084, 0.216, 0.1];
    const got = pAdjust(p, 'bh');
    want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
  });

  it('leaves NaN entries out of the family (m counts the finite ones)', () => {
    const got = pAdjust([0.01, NaN, 0.02], 'holm');
    expect(got[0]).toBeCloseTo(0.02, 12);
    expect(got[1]).toBeNaN();
    expect(got[2]).toBeCloseTo(0.02, 12);
  });

  it('rejects a value outside [0, 1]', () => {
    expect(() => pAdjust([0.2, 1.5], 'bh')).toThrow(QuadrantError);
  });

  it('property: equals the brute-force definition; adjusted ≥ raw, ≤ 1, and monotone in the raw order; BH ≤ Holm', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (raw) => {
        const holm = pAdjust(raw, 'holm');
        const bh = pAdjust(raw, 'bh');
        const bfH = bruteForce(raw, 'holm');
        const bfB = bruteForce(raw, 'bh');
        for (let i = 0; i < raw.length; i++) {
          expect(holm[i]).toBeCloseTo(bfH[i], 12);
          expect(bh[i]).toBeCloseTo(bfB[i], 12);
          expect(holm[i]).toBeGreaterThanOrEqual(raw[i]);
          expect(bh[i]).toBeGreaterThanOrEqual(raw[i]);
          expect(holm[i]).toBeLessThanOrEqual(1);
          expect(bh[i]).toBeLessThanOrEqual(holm[i] + 1e-15);
          for (let j = 0; j < raw.length; j++) {
            if (raw[i] < raw[j]) {
              expect(holm[i]).toBeLessThanOrEqual(holm[j]);
              expect(bh[i]).toBeLessThanOrEqual(bh[j]);
            }
          }
        }
      }),
    );
  });
});

// ---- bootstrap p-value ----

describe('bootstrapPValue', () => {
  it('counts replicates on each side of the null with the +1 correction (by hand)', () => {
    // 1 of 5 replicates ≤ 0, 4 ≥ 0: p = 2 · (1 + 1) / 6.
    expect(bootstrapPValue(Float64Array.of(1, 2, 3, 4, -1))).toBeCloseTo(4 / 6, 12);
    // All above: p = 2 · 1 / 1001, the smallest a 1,000-replicate bootstrap can give.
    expect(bootstrapPValue(new Float64Array(1000).fill(0.5))).toBeCloseTo(2 / 1001, 12);
    // Symmetric about the null: p = 1.
    expect(bootstrapPValue(Float64Array.of(-2, -1, 1, 2))).toBe(1);
  });

  it('agrees with the percentile interval: p < 0.05 exactly when the interval from the same replicates excludes 0, away from ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (shift) => {
        const reps = Float64Array.from(normals(4, 999), (z) => z + shift).sort();
        const p = bootstrapPValue(reps);
        const below = reps.filter((v) => v <= 0).length;
        const m = Math.min(below, 999 - below);
        // Interval excludes 0 when fewer than 2.5 % of replicates lie on the far side (with the +1 correction: 2(1+m)/1000 < 0.05 ⇔ m < 24).
        expect(p < 0.05).toBe(m < 24);
      }),
      { numRuns: 50 },
    );
  });
});

// ---- minimum detectable effect ----

describe('minimumDetectableEffect', () => {
  it('is (z_0.975 + z_0.8) · se = 2.8015852 · se (scipy: norm.ppf(0.975) + norm.ppf(0.8) = 2.8015852181129683)', () => {
    expect(minimumDetectableEffect(1)).toBeCloseTo(2.8015852181129683, 9);
    expect(minimumDetectableEffect(0.01)).toBeCloseTo(0.02801585218112968, 11);
    // α = 10 %, 90 % power: 1.6448536 + 1.2815516 = 2.9264052 (scipy norm.ppf(0.95) + norm.ppf(0.9)).
    expect(minimumDetectableEffect(1, { alpha: 0.1, power: 0.9 })).toBeCloseTo(2.926405, 5);
  });

  it('rejects a negative standard error and options out of range', () => {
    expect(() => minimumDetectableEffect(-1)).toThrow(QuadrantError);
    expect(() => minimumDetectableEffect(1, { power: 1 })).toThrow(QuadrantError);
  });

  it('property: falls as the sample grows (the Newey–West standard error of a mean of the series repeated k times)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 6 }), (seed, k) => {
        const x = Float64Array.from(normals(seed, 200), (z) => 0.01 * z + 0.001);
        const longer = new Float64Array(x.length * k);
        for (let j = 0; j < k; j++) longer.set(x, j * x.length);
        // Same lag for both, so only n changes: the long-run variance is about the same, the se falls like 1/√k.
        const small = minimumDetectableEffect(neweyWest(x, 5).se);
        const large = minimumDetectableEffect(neweyWest(longer, 5).se);
        expect(large).toBeLessThan(small);
      }),
      { numRuns: 50 },
    );
  });
});

// ---- cluster bootstrap ----

describe('clusterBootstrap', () => {
  it('with one observation per cluster it is the i.i.d. bootstrap: its standard error of the mean ≈ sd/√n (textbook, Efron & Tibshirani 1993 §6)', () => {
    const x = Float64Array.from(normals(11, 400));
    const starts = Int32Array.from(x, (_, i) => i);
    const r = clusterBootstrap(x, starts, mean, { reps: 4000, seed: 3 });
    let s = 0;
    const m = mean(x);
    for (const v of x) s += (v - m) ** 2;
    const plugIn = Math.sqrt(s / x.length) / Math.sqrt(x.length);
    expect(r.estimate).toBeCloseTo(m, 12);
    expect(r.standardError / plugIn).toBeGreaterThan(0.93);
    expect(r.standardError / plugIn).toBeLessThan(1.07);
    expect(r.clusters).toBe(400);
  });

  it('draws whole clusters: with constant clusters every replicate is a mean of cluster values (brute force over the draws)', () => {
    // Three clusters holding 1, 2 and 3 (lengths 2, 3, 5): a replicate's mean is Σ len·v / Σ len over three draws.
    const x = Float64Array.of(1, 1, 2, 2, 2, 3, 3, 3, 3, 3);
    const starts = Int32Array.of(0, 2, 5);
    const allowed = new Set<string>();
    const len = [2, 3, 5];
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++)
        for (let c = 0; c < 3; c++) {
          const n = len[a] + len[b] + len[c];
          allowed.add(((len[a] * (a + 1) + len[b] * (b + 1) + len[c] * (c + 1)) / n).toFixed(10));
        }
    const seen: number[] = [];
    clusterBootstrap(x, starts, (s) => (seen.push(mean(s)), mean(s)), { reps: 300, seed: 9 });
    for (const v of seen) expect(allowed.has(v.toFixed(10))).toBe(true);
  });

  it('with strata, every replicate draws as many clusters of each stratum as the sample holds (brute force over the draws)', () => {
    // Clusters: 1 (stratum 0), 10 (stratum 1), 2 (stratum 0), 20 (stratum 1), each of length 1.
    // A replicate is two draws from {1, 2} and two from {10, 20}: its sum lies in {22, 23, 24} + {0, 10, 20}.
    const x = Float64Array.of(1, 10, 2, 20);
    const allowed = new Set<number>();
    for (const a of [1, 2]) for (const b of [1, 2]) for (const c of [10, 20]) for (const d of [10, 20]) allowed.add(a + b + c + d);
    const sums: number[] = [];
    clusterBootstrap(x, Int32Array.of(0, 1, 2, 3), (s) => (sums.push(s.reduce((u, v) => u + v, 0)), s.length), {
      reps: 200,
      seed: 4,
      strata: Int32Array.of(0, 1, 0, 1),
    });
    // The first call is the estimate on x itself (sum 33); every replicate has 4 values from 2 + 2 draws.
    for (const v of sums.slice(0, -1)) expect(allowed.has(v)).toBe(true);
    expect(sums.at(-1)).toBe(33);
  });

  it('rejects fewer than two clusters and starts that do not ascend from 0', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(() => clusterBootstrap(x, Int32Array.of(0), mean, { reps: 10, seed: 1 })).toThrow(QuadrantError);
    expect(() => clusterBootstrap(x, Int32Array.of(1, 2), mean, { reps: 10, seed: 1 })).toThrow(QuadrantError);
    expect(() => clusterBootstrap(x, Int32Array.of(0, 2, 2), mean, { reps: 10, seed: 1 })).toThrow(QuadrantError);
  });
});

// ---- stationary bootstrap on column sums ----

describe('stationaryBootstrapSums', () => {
  it('gives the interval of the generic stationaryBootstrap with the same seed and block length (a group-mean difference, brute force per resample)', () => {
    const x = Float64Array.from(normals(21, 600), (z, i) => 0.01 * z + (i % 50 < 20 ? 0.002 : 0));
    const group = Uint8Array.from(x, (_, i) => (i % 50 < 20 ? 1 : 2));
    // Generic: resample positions, recompute the group means the long way.
    const positions = Float64Array.from(x, (_, i) => i);
    const generic = stationaryBootstrap(
      positions,
      (pos) => {
        let s1 = 0,
          n1 = 0,
          s2 = 0,
          n2 = 0;
        for (const p of pos)
          if (group[p] === 1) (s1 += x[p]), n1++;
          else (s2 += x[p]), n2++;
        return s1 / n1 - s2 / n2;
      },
      { reps: 500, seed: 8, blockLength: 12 },
    );
    const cols = [
      Float64Array.from(x, (v, i) => (group[i] === 1 ? v : 0)),
      Float64Array.from(group, (g) => (g === 1 ? 1 : 0)),
      Float64Array.from(x, (v, i) => (group[i] === 2 ? v : 0)),
      Float64Array.from(group, (g) => (g === 2 ? 1 : 0)),
    ];
    const fast = stationaryBootstrapSums(cols, (t) => t[0] / Math.round(t[1]) - t[2] / Math.round(t[3]), { reps: 500, seed: 8, blockLength: 12 });
    expect(fast.estimate).toBeCloseTo(generic.estimate, 12);
    expect(fast.lower).toBeCloseTo(generic.lower, 10);
    expect(fast.upper).toBeCloseTo(generic.upper, 10);
    expect(fast.standardError).toBeCloseTo(generic.standardError, 10);
  });
});
