import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { probabilisticSharpe, deflatedSharpe, expectedMaxSharpe, pbo } from '../../../engine/stats/index.ts';
import { normals } from './simulate.ts';

// ---- sharpe-deflation ----

describe('probabilisticSharpe (per-period Sharpe)', () => {
  it('matches Python NormalDist().cdf of the PSR z-score', () => {
    // python3: Φ(0.1·√252 / √(1 + 0.5·0.01)) = 0.9433458828040169 (normal returns).
    expect(probabilisticSharpe({ sharpe: 0.1, n: 253 })).toBeCloseTo(0.9433458828040169, 13);
    // python3: SR 0.08, n 500, γ₃ −1, excess kurtosis 3 (γ₄ 6), SR* 0.02:
    // Φ(0.06·√499 / √(1 + 0.08 + 5/4·0.0064)) = 0.9005955593157982.
    expect(probabilisticSharpe({ sharpe: 0.08, n: 500, skew: -1, kurtosis: 3, benchmark: 0.02 })).toBeCloseTo(0.9005955593157982, 13);
  });

  it('is ½ at SR = SR*, rises with SR and with the track record, falls with negative skew', () => {
    expect(probabilisticSharpe({ sharpe: 0.05, n: 100, benchmark: 0.05 })).toBe(0.5);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.double({ min: 0.001, max: 0.1, noNaN: true }),
        fc.integer({ min: 20, max: 5000 }),
        (sr, step, n) => {
          const base = probabilisticSharpe({ sharpe: sr, n });
          expect(probabilisticSharpe({ sharpe: sr + step, n })).toBeGreaterThanOrEqual(base);
          expect(probabilisticSharpe({ sharpe: sr, n: n * 2 })).toBeGreaterThanOrEqual(base);
          expect(probabilisticSharpe({ sharpe: sr, n, skew: -2 })).toBeLessThanOrEqual(base);
        },
      ),
    );
  });

  it('rejects n < 2 and a non-positive variance term', () => {
    expect(() => probabilisticSharpe({ sharpe: 0.1, n: 1 })).toThrow(/probabilisticSharpe needs n ≥ 2/);
    // 1 − 3·2 + ½·4 = −3 < 0.
    expect(() => probabilisticSharpe({ sharpe: 2, n: 10, skew: 3 })).toThrow(/variance term/);
  });
});

describe('expectedMaxSharpe', () => {
  it("reproduces Bailey & López de Prado (2014)'s numerical example: N = 100, V = ½/250 → 0.1132", () => {
    // Paper: E[max SR] ≈ 0.1132 (non-annualised). python3 with NormalDist: 0.11317200186513214.
    expect(expectedMaxSharpe(100, 0.5 / 250)).toBeCloseTo(0.11317200186513214, 13);
    // python3: N = 1000, V = 1 → 3.255121513652723.
    expect(expectedMaxSharpe(1000, 1)).toBeCloseTo(3.255121513652723, 12);
    expect(expectedMaxSharpe(1, 1)).toBe(0);
  });

  it('grows with N and with √V', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (n, v) => {
        expect(expectedMaxSharpe(n + 1, v)).toBeGreaterThan(expectedMaxSharpe(n, v));
        expect(expectedMaxSharpe(n, 4 * v)).toBeCloseTo(2 * expectedMaxSharpe(n, v), 12);
      }),
    );
  });

  it('rejects a non-integer N and a negative variance', () => {
    expect(() => expectedMaxSharpe(2.5, 1)).toThrow(/expectedMaxSharpe needs an integer trials/);
    expect(() => expectedMaxSharpe(10, -1)).toThrow(/sharpeVariance ≥ 0/);
  });
});

describe('deflatedSharpe', () => {
  it("reproduces the paper's example: annualised SR 2.5, T = 1250, N = 100, V = ½ annualised, γ₃ = −3, γ₄ = 10 → DSR 0.9004", () => {
    // Bailey & López de Prado (2014), "A numerical example": DSR ≈ 0.9004, SR₀ ≈ 0.1132.
    // python3 full precision: DSR 0.9003968344493904. γ₄ = 10 is raw kurtosis, i.e. excess 7.
    const r = deflatedSharpe({ sharpe: 2.5 / Math.sqrt(250), trials: 100, n: 1250, skew: -3, kurtosis: 7, sharpeVariance: 0.5 / 250 });
    expect(r.dsr).toBeCloseTo(0.9004, 4);
    expect(r.dsr).toBeCloseTo(0.9003968344493904, 12);
    expect(r.expectedMaxSharpe).toBeCloseTo(0.1132, 4);
    expect(r.psr).toBeGreaterThan(0.9999);
  });

  it('defaults the cross-trial variance to 1/(n − 1)', () => {
    // python3: SR₀ = √(1/251)·(…, N = 10) = 0.09938776349367455; DSR = 0.5038599025625745;
    // PSR(0) = 0.9429868610243624.
    const r = deflatedSharpe({ sharpe: 0.1, trials: 10, n: 252, skew: 0, kurtosis: 0 });
    expect(r.expectedMaxSharpe).toBeCloseTo(0.09938776349367455, 13);
    expect(r.dsr).toBeCloseTo(0.5038599025625745, 12);
    expect(r.psr).toBeCloseTo(0.9429868610243624, 12);
  });

  it('falls as the number of trials grows, and never exceeds the PSR', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 60, max: 6000 }),
        (sr, a, b, n) => {
          const [few, many] = a <= b ? [a, b] : [b, a];
          const base = { sharpe: sr, n, skew: -0.5, kurtosis: 4 };
          const d1 = deflatedSharpe({ ...base, trials: few });
          const d2 = deflatedSharpe({ ...base, trials: many });
          expect(d2.dsr).toBeLessThanOrEqual(d1.dsr);
          expect(d2.dsr).toBeLessThanOrEqual(d2.psr);
          if (few === 1) expect(d1.dsr).toBe(d1.psr);
        },
      ),
    );
  });
});

// ---- pbo ----

/**
 * A slow reference written from the paper's prose: enumerate the splits recursively, concatenate
 * the chosen rows, compute Sharpe ratios directly, rank by counting. Logits are returned sorted
 * (the enumeration order differs from pbo's).
 */
function naivePbo(returns: Float64Array[], S: number, metric: 'sharpe' | 'mean'): { pbo: number; logits: number[] } {
  const T = returns[0].length;
  const N = returns.length;
  const sizes = Array.from({ length: S }, (_, b) => Math.floor(T / S) + (b < T % S ? 1 : 0));
  const blocks: number[][] = [];
  let row = 0;
  for (const size of sizes) {
    blocks.push(Array.from({ length: size }, (_, k) => row + k));
    row += size;
  }
  const sharpe = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    if (metric === 'mean') return m;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    return sd === 0 ? (m > 0 ? Infinity : m < 0 ? -Infinity : 0) : m / sd;
  };
  const logits: number[] = [];
  const choose = (start: number, picked: number[]) => {
    if (picked.length === S / 2) {
      const inRows = picked.flatMap((b) => blocks[b]);
      const outRows = blocks.flatMap((rows, b) => (picked.includes(b) ? [] : rows));
      const ins = returns.map((x) => sharpe(inRows.map((t) => x[t])));
      const outs = returns.map((x) => sharpe(outRows.map((t) => x[t])));
      const best = ins.indexOf(Math.max(...ins));
      const below = outs.filter((v) => v < outs[best]).length;
      const tied = outs.filter((v) => v === outs[best]).length;
      const w = (below + (tied + 1) / 2) / (N + 1);
      logits.push(Math.log(w / (1 - w)));
      return;
    }
    for (let b = start; b < S; b++) choose(b + 1, [...picked, b]);
  };
  choose(0, []);
  return { pbo: logits.filter((l) => l <= 0).length / logits.length, logits: logits.sort((a, b) => a - b) };
}

describe('pbo (CSCV)', () => {
  it('hand example, S = 2: each half’s winner is the other half’s loser, so PBO = 1 and λ = ln ½', () => {
    // A: first half mean 0.015, sd 0.00707 (SR 2.12); second half SR −2.12.
    // B: first half mean 0.005 (SR 0.71); second half mean 0.015 (SR 2.12).
    // Split 1 (train first half): A wins in-sample, ranks 1 of 2 out of sample → ω = 1/3, λ = ln(1/2).
    // Split 2 (train second half): B wins, ranks 1 out of sample → same.
    const A = Float64Array.of(0.02, 0.01, -0.01, -0.02);
    const B = Float64Array.of(0, 0.01, 0.01, 0.02);
    const r = pbo([A, B], { partitions: 2 });
    expect(r.pbo).toBe(1);
    expect(r.combinations).toBe(2);
    expect(r.logits.length).toBe(2);
    for (const l of r.logits) expect(l).toBeCloseTo(Math.log(0.5), 15);
  });

  it('equals the naive recursive implementation, including uneven block sizes and the mean metric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom(2, 4, 6, 8),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom<'sharpe' | 'mean'>('sharpe', 'mean'),
        (N, S, extraRows, seed, metric) => {
          const T = 2 * S + extraRows;
          const all = normals(seed, N * T);
          const returns = Array.from({ length: N }, (_, j) => all.slice(j * T, (j + 1) * T).map((v) => 0.0005 + 0.01 * v));
          const fast = pbo(returns, { partitions: S, metric });
          const slow = naivePbo(returns, S, metric);
          expect(fast.pbo).toBe(slow.pbo);
          const sorted = Array.from(fast.logits).sort((a, b) => a - b);
          for (let i = 0; i < sorted.length; i++) expect(sorted[i]).toBeCloseTo(slow.logits[i], 12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('uses C(16, 8) = 12,870 splits by default', () => {
    const returns = Array.from({ length: 3 }, (_, j) => normals(j, 320));
    const r = pbo(returns);
    expect(r.combinations).toBe(12870);
    expect(r.logits.length).toBe(12870);
    expect(r.partitions).toBe(16);
  });

  it('is 0 when one configuration has a real, steady edge', () => {
    // Configuration 0 earns 1 sd a day on top of the same noise; it wins every half, in and out.
    const noise = Array.from({ length: 10 }, (_, j) => normals(100 + j, 480));
    noise[0] = noise[0].map((v) => v + 1);
    expect(pbo(noise, { partitions: 8 }).pbo).toBe(0);
  });

  it('is near ½ when no configuration has skill (40 noise configurations, fixed seed)', () => {
    // With pure noise the in-sample winner's out-of-sample rank is uniform: PBO ≈ ½ (the paper's
    // Monte Carlo). The splits share data, so the spread around ½ is wide; a loose band.
    const returns = Array.from({ length: 40 }, (_, j) => normals(500 + j, 800));
    const r = pbo(returns, { partitions: 10 });
    expect(r.pbo).toBeGreaterThan(0.2);
    expect(r.pbo).toBeLessThan(0.8);
  });

  it('rejects bad shapes and options, naming the function', () => {
    const x = normals(1, 40);
    expect(() => pbo([x])).toThrow(/pbo needs at least 2 configurations/);
    expect(() => pbo([x, x.subarray(0, 39)])).toThrow(/pbo needs equal-length series/);
    expect(() => pbo([x, x], { partitions: 5 })).toThrow(/even number of partitions/);
    expect(() => pbo([x, x], { partitions: 22 })).toThrow(/even number of partitions in \[2, 20\]/);
    expect(() => pbo([x.subarray(0, 10), x.subarray(0, 10)], { partitions: 16 })).toThrow(/at least 2 rows per half/);
    const bad = x.slice();
    bad[3] = NaN;
    expect(() => pbo([x, bad], { partitions: 4 })).toThrow(/pbo: configuration 1 row 3 is NaN/);
  });
});
