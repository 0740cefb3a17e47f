import { makeRng } from '../../random.ts';
import { badArgument } from '../../stats/bad-argument.ts';
import { fitMarkovEm, type EmFit, type EmOptions, type EmWorkspace } from './markov-em.ts';
import type { MarkovParams } from './markov-params.ts';

/**
 * Starting values for EM on y_0..y_{n−1} (NaN skipped), deterministic for a seed:
 *
 * - start 0 is statsmodels' default: every transition probability 1/k, means `ȳ·i/k`, variances
 *   evenly from var(y)/10 to var(y) (all var(y) when the variance is shared);
 * - starts 1.. are seeded draws: means at k sorted random quantiles of y (levels in 5%..95%),
 *   variances var(y)·U(0.2, 1) (the first draw for all when shared), staying probabilities U(0.8, 0.99) with the rest spread evenly.
 *
 * @throws QuadrantError `bad-argument` when fewer than 2 observations are finite.
 */
export function startingValues(y: ArrayLike<number>, n: number, k: number, seed: number, count: number, switchingVariance = true): MarkovParams[] {
  const sorted: number[] = [];
  for (let t = 0; t < n; t++) if (y[t] === y[t]) sorted.push(y[t]);
  if (sorted.length < 2) throw badArgument(`startingValues needs at least 2 finite observations, got ${sorted.length}`);
  sorted.sort((a, b) => a - b);
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= sorted.length;
  let variance = 0;
  for (const v of sorted) variance += (v - mean) * (v - mean);
  variance /= sorted.length;
  if (!(variance > 0)) variance = 1;
  const starts: MarkovParams[] = [];
  const base: MarkovParams = { k, transition: new Float64Array(k * k).fill(1 / k), means: new Float64Array(k), variances: new Float64Array(k) };
  for (let i = 0; i < k; i++) {
    base.means[i] = (mean * i) / k;
    base.variances[i] = switchingVariance ? variance / 10 + ((variance - variance / 10) * i) / (k - 1) : variance;
  }
  starts.push(base);
  const rng = makeRng(seed);
  for (let s = 1; s < count; s++) {
    const levels = Array.from({ length: k }, () => 0.05 + 0.9 * rng()).sort((a, b) => a - b);
    const p: MarkovParams = { k, transition: new Float64Array(k * k), means: new Float64Array(k), variances: new Float64Array(k) };
    for (let i = 0; i < k; i++) {
      p.means[i] = sorted[Math.min(sorted.length - 1, Math.floor(levels[i] * sorted.length))];
      p.variances[i] = variance * (0.2 + 0.8 * rng());
    }
    if (!switchingVariance) p.variances.fill(p.variances[0]);
    for (let j = 0; j < k; j++) {
      const stay = 0.8 + 0.19 * rng();
      for (let i = 0; i < k; i++) p.transition[i * k + j] = i === j ? stay : (1 - stay) / (k - 1);
    }
    starts.push(p);
  }
  return starts;
}

/**
 * EM from each start in turn; the fit with the highest log-likelihood wins (the earliest on a
 * tie), so the result depends on the seed and the data only.
 */
export function fitBestOfStarts(y: ArrayLike<number>, n: number, starts: readonly MarkovParams[], options: EmOptions, ws?: EmWorkspace): EmFit {
  let best: EmFit | undefined;
  for (const start of starts) {
    const fit = fitMarkovEm(y, start, options, n, ws);
    if (best === undefined || fit.llf > best.llf) best = fit;
  }
  if (best === undefined) throw badArgument('fitBestOfStarts needs at least one start');
  return best;
}
