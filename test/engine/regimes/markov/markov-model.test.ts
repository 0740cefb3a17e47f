/**
 * The Markov-switching filter beyond statsmodels' two-state fixture: three states against a
 * brute-force sum over every state path (written out in this test), an observation far in every
 * tail, missing observations, and the stationary distribution by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  filterWorkspace,
  fitMarkovEm,
  hamiltonFilter,
  kimSmoother,
  steadyState,
  startingValues,
  type MarkovParams,
} from '../../../../engine/regimes/markov/index.ts';

const THREE: MarkovParams = {
  k: 3,
  // Columns (from-states) sum to one.
  transition: Float64Array.from([0.8, 0.1, 0.2, 0.15, 0.7, 0.1, 0.05, 0.2, 0.7]),
  means: Float64Array.from([-1, 0.2, 1.5]),
  variances: Float64Array.from([0.3, 0.5, 0.8]),
};
const Y = [0.1, -0.9, 1.7, 1.2, -0.2, 0.4];

const density = (y: number, m: number, v: number) => Math.exp(-((y - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);

/** Σ over all k^n state paths of π(s_0)·Π transition·Π density: likelihood and Pr(S_{n−1} = i | y). */
function bruteForce(p: MarkovParams, y: number[], pi: number[]): { likelihood: number; last: number[] } {
  const { k } = p;
  let likelihood = 0;
  const last = new Array(k).fill(0);
  const path = new Array(y.length).fill(0);
  const walk = (t: number, weight: number): void => {
    if (t === y.length) {
      likelihood += weight;
      last[path[t - 1]] += weight;
      return;
    }
    for (let s = 0; s < k; s++) {
      path[t] = s;
      const move = t === 0 ? pi[s] : p.transition[s * k + path[t - 1]];
      walk(t + 1, weight * move * density(y[t], p.means[s], p.variances[s]));
    }
  };
  walk(0, 1);
  return { likelihood, last: last.map((v) => v / likelihood) };
}

describe('steadyState', () => {
  it('solves π = Pπ, Σπ = 1 (two states by hand: π₀ = p[1->0] / (p[0->1] + p[1->0]))', () => {
    // p[0->1] = 0.1, p[1->0] = 0.3: π₀ = 0.3 / 0.4 = 0.75.
    const pi = steadyState(Float64Array.from([0.9, 0.3, 0.1, 0.7]), 2);
    expect(pi[0]).toBeCloseTo(0.75, 14);
    expect(pi[1]).toBeCloseTo(0.25, 14);
  });
  it('is stationary for three states', () => {
    const pi = steadyState(THREE.transition, 3);
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += THREE.transition[i * 3 + j] * pi[j];
      expect(s).toBeCloseTo(pi[i], 14);
    }
    expect(pi[0] + pi[1] + pi[2]).toBeCloseTo(1, 14);
  });
});

describe('hamiltonFilter', () => {
  it('three states: likelihood and last filtered probabilities equal the brute-force sum over 729 paths', () => {
    const pi = Array.from(steadyState(THREE.transition, 3));
    const brute = bruteForce(THREE, Y, pi);
    const f = hamiltonFilter(Y, THREE);
    expect(f.llf).toBeCloseTo(Math.log(brute.likelihood), 12);
    for (let i = 0; i < 3; i++) expect(f.filtered[(Y.length - 1) * 3 + i]).toBeCloseTo(brute.last[i], 12);
    // Each prefix too: filtering the first m values is the brute force over m values.
    for (let m = 1; m < Y.length; m++) {
      const b = bruteForce(THREE, Y.slice(0, m), pi);
      for (let i = 0; i < 3; i++) expect(f.filtered[(m - 1) * 3 + i]).toBeCloseTo(b.last[i], 12);
    }
  });

  it('an observation 60 standard deviations from every mean gives finite probabilities and the log-space likelihood', () => {
    const y = [0.1, 80, 0.3];
    const f = hamiltonFilter(y, THREE);
    for (const v of f.filtered) expect(Number.isFinite(v)).toBe(true);
    // Day 1 by hand in logs: log Σ_i predicted(i)·φ_i(80), with the largest term factored out.
    const logs = [0, 1, 2].map(
      (i) => Math.log(f.predicted[3 + i]) - (80 - THREE.means[i]) ** 2 / (2 * THREE.variances[i]) - 0.5 * Math.log(2 * Math.PI * THREE.variances[i]),
    );
    const max = Math.max(...logs);
    const expected = max + Math.log(logs.reduce((s, l) => s + Math.exp(l - max), 0));
    expect(f.loglikObs[1]).toBeCloseTo(expected, 8);
    expect(f.filtered[3 + 2]).toBeCloseTo(1, 12); // the widest state takes the outlier
  });

  it('predicts through a missing observation: filtered = predicted, no likelihood', () => {
    const f = hamiltonFilter([0.1, NaN, 0.3], THREE);
    for (let i = 0; i < 3; i++) expect(f.filtered[3 + i]).toBe(f.predicted[3 + i]);
    expect(f.loglikObs[1]).toBe(0);
    const g = hamiltonFilter([0.1, 0.3], THREE, { n: 2 });
    // Skipping the day is one more transition step: llf differs, but the llf of y_0 is the same.
    expect(f.loglikObs[0]).toBe(g.loglikObs[0]);
  });
});

describe('hamiltonFilter resumeAt', () => {
  it('continuing a filter from row 3 gives the same rows as one pass, and the same log-likelihood', () => {
    const whole = hamiltonFilter(Y, THREE);
    const part = hamiltonFilter(Y, THREE, { n: 3, out: filterWorkspace(Y.length, 3) });
    const resumed = hamiltonFilter(Y, THREE, { out: part, resumeAt: 3 });
    expect(Array.from(resumed.filtered)).toEqual(Array.from(whole.filtered));
    expect(resumed.llf).toBeCloseTo(whole.llf, 12);
  });
  it('refuses to resume anywhere but where the workspace stopped', () => {
    const part = hamiltonFilter(Y, THREE, { n: 3, out: filterWorkspace(Y.length, 3) });
    expect(() => hamiltonFilter(Y, THREE, { out: part, resumeAt: 2 })).toThrow(/resume only where its workspace stopped \(row 3\)/);
  });
});

describe('kimSmoother', () => {
  it('three states: the smoothed probabilities equal the brute-force path sums, and expected transitions sum to n', () => {
    const pi = Array.from(steadyState(THREE.transition, 3));
    const f = hamiltonFilter(Y, THREE);
    const s = kimSmoother(f, THREE);
    // Pr(S_2 = i | all y) by brute force: weight paths by their state at day 2.
    const k = 3;
    const at2 = [0, 0, 0];
    let total = 0;
    const path: number[] = [];
    const walk = (t: number, w: number): void => {
      if (t === Y.length) {
        total += w;
        at2[path[2]] += w;
        return;
      }
      for (let st = 0; st < k; st++) {
        path[t] = st;
        walk(t + 1, w * (t === 0 ? pi[st] : THREE.transition[st * k + path[t - 1]]) * density(Y[t], THREE.means[st], THREE.variances[st]));
      }
    };
    walk(0, 1);
    for (let i = 0; i < 3; i++) expect(s.smoothed[2 * 3 + i]).toBeCloseTo(at2[i] / total, 12);
    expect(s.transitionCounts.reduce((a, b) => a + b, 0)).toBeCloseTo(Y.length, 12);
  });
});

describe('starting values and EM', () => {
  it("the same seed gives the same starts; start 0 is statsmodels' default", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8];
    const a = startingValues(y, y.length, 2, 7, 4);
    const b = startingValues(y, y.length, 2, 7, 4);
    expect(a.map((p) => Array.from(p.means))).toEqual(b.map((p) => Array.from(p.means)));
    // mean 4.5, population variance 5.25: means [0, 2.25], variances [0.525, 5.25], transitions 1/2.
    expect(Array.from(a[0].means)).toEqual([0, 2.25]);
    expect(a[0].variances[0]).toBeCloseTo(0.525, 14);
    expect(a[0].variances[1]).toBeCloseTo(5.25, 14);
  });

  it('a shared variance stays shared through EM, and the floor holds a collapsing state up', () => {
    const y = [0, 0, 0, 0, 0, 5, 5.1, 4.9, 5, 0, 0, 0];
    const start: MarkovParams = {
      k: 2,
      transition: Float64Array.from([0.9, 0.1, 0.1, 0.9]),
      means: Float64Array.from([0.1, 4]),
      variances: Float64Array.from([1, 1]),
    };
    const shared = fitMarkovEm(y, start, { maxIter: 200, tolerance: 1e-10, switchingVariance: false, varianceFloor: 1e-4 });
    expect(shared.params.variances[0]).toBe(shared.params.variances[1]);
    const own = fitMarkovEm(y, start, { maxIter: 200, tolerance: 1e-10, varianceFloor: 1e-4 });
    // State 0 sees only exact zeros: its variance would go to 0; the floor stops it there.
    expect(own.params.variances[0]).toBe(1e-4);
    expect(Number.isFinite(own.llf)).toBe(true);
  });
});
