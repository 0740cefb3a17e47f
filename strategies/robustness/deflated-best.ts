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

/** Per-period Sharpe (mean / sample sd) of each row of a rows × T matrix; NaN for a zero sd. */
export function rowSharpes(excess: Float64Array, rows: number, T: number): Float64Array {
  const out = new Float64Array(rows);
  for (let j = 0; j < rows; j++) {
    const off = j * T;
    let s = 0;
    for (let i = 0; i < T; i++) s += excess[off + i];
    const mean = s / T;
    let q = 0;
    for (let i = 0; i < T; i++) {
      const d = excess[off + i] - mean;
      q += d * d;
    }
    const sd = Math.sqrt(q / (T - 1));
    out[j] = sd > 0 ? mean / sd : NaN;
  }
  return out;
}

/**
 * The deflated Sharpe ratio (Bailey & López de Prado 2014) of the best of `rows`
 * configurations, from their daily excess returns over T-bills (row j = excess[j·T … j·T+T−1]):
 * the best is the highest per-period Sharpe (first on ties); the trials are `trials` (default
 * all `rows` configurations; more when other configurations or definitions were tried before
 * this grid); skew and excess kurtosis are the best row's. See engine/stats deflatedSharpe.
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
export function deflatedBest(excess: Float64Array, rows: number, T: number, trials = rows): DeflatedSharpeSummary | null {
  if (!Number.isSafeInteger(trials) || trials < rows)
    throw new ConfigError('bad-config', `trials must be a whole number ≥ the ${rows} configurations, got ${trials}`, { field: 'trials' });
  if (rows < 1 || T < 4) return null;
  const sr = rowSharpes(excess, rows, T);
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
  const row = excess.subarray(best * T, (best + 1) * T);
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
