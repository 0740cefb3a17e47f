/**
 * The Markov-switching filter, smoother and EM against statsmodels 0.13.5's MarkovRegression
 * (k_regimes=2; switching_variance True, and False for the dollar score once more). Expected values: test/fixtures/markov/statsmodels-reference.json,
 * made by `/usr/bin/python3 test/fixtures/markov/make-reference.py` (the script names its inputs:
 * 300 seeded simulated draws and 337 weekly values of the article preset's dollar score).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitMarkovEm, fromStatsmodelsVector, hamiltonFilter, kimSmoother, toStatsmodelsVector } from '../../../../engine/regimes/markov/index.ts';

interface FilterBlock {
  params: number[];
  filtered: number[];
  predicted: number[];
  smoothed: number[];
  llf_obs: number[];
  llf: number;
  iterations?: number;
}
interface Reference {
  name: string;
  switching_variance: boolean;
  y: number[];
  filter: FilterBlock;
  start: number[];
  em: FilterBlock;
  em_converged: FilterBlock;
}
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/markov/statsmodels-reference.json', import.meta.url), 'utf8')) as { datasets: Reference[] };

/** Largest absolute difference between state 0's probabilities (n×2 rows) and statsmodels' column. */
function maxDiffState0(ours: Float64Array, theirs: number[]): number {
  let max = 0;
  for (let t = 0; t < theirs.length; t++) max = Math.max(max, Math.abs(ours[t * 2] - theirs[t]));
  return max;
}
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe.each(fixture.datasets)('Markov-switching model against statsmodels: $name', (ref) => {
  const y = Float64Array.from(ref.y);
  const switchingVariance = ref.switching_variance;
  const em = (maxIter: number, tolerance: number) => fitMarkovEm(y, fromStatsmodelsVector(ref.start, 2), { maxIter, tolerance, switchingVariance });

  it('filters at given parameters to 1e-10 (filtered, predicted, per-observation and total log-likelihood)', () => {
    const f = hamiltonFilter(y, fromStatsmodelsVector(ref.filter.params, 2));
    expect(maxDiffState0(f.filtered, ref.filter.filtered)).toBeLessThan(1e-10);
    expect(maxDiffState0(f.predicted, ref.filter.predicted)).toBeLessThan(1e-10);
    expect(maxDiff(f.loglikObs, ref.filter.llf_obs)).toBeLessThan(1e-10);
    expect(Math.abs(f.llf - ref.filter.llf)).toBeLessThan(1e-10 * Math.abs(ref.filter.llf));
  });

  it('smooths at given parameters to 1e-10 (Kim smoother)', () => {
    const params = fromStatsmodelsVector(ref.filter.params, 2);
    const s = kimSmoother(hamiltonFilter(y, params), params);
    expect(maxDiffState0(s.smoothed, ref.filter.smoothed)).toBeLessThan(1e-10);
  });

  it("10 EM iterations (mid-way) from a fixed start give statsmodels' parameters and filtered probabilities to 1e-9 (they agree to about 1e-15)", () => {
    const fit = em(10, 0);
    expect(fit.iterations).toBe(ref.em.iterations);
    expect(maxDiff(toStatsmodelsVector(fit.params, !switchingVariance), ref.em.params)).toBeLessThan(1e-9);
    expect(maxDiffState0(hamiltonFilter(y, fit.params).filtered, ref.em.filtered)).toBeLessThan(1e-9);
    expect(Math.abs(fit.llf - ref.em.llf)).toBeLessThan(1e-9);
  });

  it("EM to convergence stops at statsmodels' iteration with its parameters to 1e-4", () => {
    const fit = em(5000, 1e-12);
    expect(fit.iterations).toBe(ref.em_converged.iterations);
    expect(fit.converged).toBe(true);
    expect(maxDiff(toStatsmodelsVector(fit.params, !switchingVariance), ref.em_converged.params)).toBeLessThan(1e-4);
    expect(maxDiffState0(hamiltonFilter(y, fit.params).filtered, ref.em_converged.filtered)).toBeLessThan(1e-4);
  });
});
