import { ConfigError } from '../../datasets/errors.ts';
import { deflatedSharpe } from '../../engine/stats/deflated-sharpe.ts';
import { kurtosis } from '../../engine/stats/kurtosis.ts';
import { skewness } from '../../engine/stats/skewness.ts';
import { TRADING_DAYS_PER_YEAR } from '../../engine/metrics/annualisation.ts';

const SQRT_YEAR = Math.sqrt(TRADING_DAYS_PER_YEAR);

/** The deflated Sharpe ratio of the best configuration of a sweep. */
export interface DeflatedSharpeSummary {
  /** DSR: the probability that the best Sharpe beats the best of `trials` skill-less ones. */
  probability: number;
  /** Configurations tried (every one counts, however alike), N of the DSR. */
  trials: number;
  /** The best configuration's Sharpe, annualised (per-period × √252). */
  sharpe: number;
  /** Its index among the rows. */
  config: number;
  /** Per-period (daily) Sharpe of the best: mean / sample sd of its daily excess returns. */
  perPeriodSharpe: number;
  /** SR₀, the expected maximum per-period Sharpe of `trials` skill-less configurations. */
  expectedMaxSharpe: number;
  /** SR₀ annualised. */
  expectedMaxSharpeAnnual: number;
  /** PSR against 0 (ignoring the search). */
  psr: number;
  /** V of the DSR: the larger of `crossTrialVariance` and `nullVariance`. */
  sharpeVariance: number;
  /** Sample variance (n − 1) of the per-period Sharpes of the configurations. */
  crossTrialVariance: number;
  /** 1/(T − 1): the sampling variance of a per-period Sharpe estimate when the true Sharpe is 0. */
  nullVariance: number;
  /** Daily returns behind each Sharpe. */
  n: number;
  /** Skewness and EXCESS kurtosis of the best configuration's daily excess returns. */
  skew: number;
  kurtosis: number;
}

/**
 * The deflated Sharpe ratio (Bailey & López de Prado 2014) of the best of the configurations
 * whose per-period Sharpes (mean / sample sd of T daily excess returns over T-bills; NaN when
 * the sd is 0) are `sharpes`: the best is the highest (first on ties); the trials are `trials`
 * (default every configuration; more when other configurations or definitions were tried
 * before this grid); skew and excess kurtosis are those of the best's daily excess returns,
 * `rowOf(best)`, the only full row it reads. See engine/stats deflatedSharpe.
 *
 * V, the variance of the trial Sharpes, is the larger of their sample variance and 1/(T − 1),
 * the sampling variance of one Sharpe estimate without skill. A grid of near-identical
 * configurations has a tiny cross-trial variance, which would make the expected best of N
 * skill-less trials look small and the DSR high: anti-conservative. With the floor, N alike
 * trials are priced as N skill-less draws, which errs on the side of doubt.
 *
 * @returns null when no row has a finite Sharpe or T < 4.
 * @throws ConfigError naming `trials` when it is not a whole number ≥ rows.
 */
export function deflatedBest(sharpes: Float64Array, T: number, rowOf: (config: number) => Float64Array, trials = sharpes.length): DeflatedSharpeSummary | null {
  const rows = sharpes.length;
  if (!Number.isSafeInteger(trials) || trials < rows)
    throw new ConfigError('bad-config', `trials must be a whole number ≥ the ${rows} configurations, got ${trials}`, { field: 'trials' });
  if (rows < 1 || T < 4) return null;
  const sr = sharpes;
  let best = -1;
  let count = 0;
  let sum = 0;
  for (let j = 0; j < rows; j++) {
    if (!Number.isFinite(sr[j])) continue;
    count++;
    sum += sr[j];
    if (best < 0 || sr[j] > sr[best]) best = j;
  }
  if (best < 0) return null;
  const mean = sum / count;
  let q = 0;
  for (let j = 0; j < rows; j++) if (Number.isFinite(sr[j])) q += (sr[j] - mean) ** 2;
  const crossTrialVariance = count > 1 ? q / (count - 1) : 0;
  const nullVariance = 1 / (T - 1);
  const sharpeVariance = Math.max(crossTrialVariance, nullVariance);
  const row = rowOf(best);
  const skew = skewness(row);
  const kurt = kurtosis(row);
  const d = deflatedSharpe({ sharpe: sr[best], trials, n: T, skew, kurtosis: kurt, sharpeVariance });
  return {
    probability: d.dsr,
    trials,
    sharpe: sr[best] * SQRT_YEAR,
    config: best,
    perPeriodSharpe: sr[best],
    expectedMaxSharpe: d.expectedMaxSharpe,
    expectedMaxSharpeAnnual: d.expectedMaxSharpe * SQRT_YEAR,
    psr: d.psr,
    sharpeVariance,
    crossTrialVariance,
    nullVariance,
    n: T,
    skew,
    kurtosis: kurt,
  };
}
