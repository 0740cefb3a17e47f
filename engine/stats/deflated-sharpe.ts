import { badArgument } from './bad-argument.ts';
import { expectedMaxSharpe } from './expected-max-sharpe.ts';
import { probabilisticSharpe } from './probabilistic-sharpe.ts';

/** Inputs of {@link deflatedSharpe}. All Sharpe ratios are PER PERIOD (not annualised). */
export interface DeflatedSharpeInput {
  /** Observed Sharpe ratio per period of the selected (best) configuration. */
  sharpe: number;
  /** Number of independent trials (configurations) tried, N ≥ 1. */
  trials: number;
  /** Number of return observations of the selected configuration (n ≥ 2). */
  n: number;
  /** Sample skewness γ₃ of the selected configuration's returns. */
  skew: number;
  /** Sample EXCESS kurtosis (γ₄ − 3) of its returns, as from `kurtosis`. */
  kurtosis: number;
  /**
   * Variance of the per-period Sharpe estimates across the N trials. Default 1/(n − 1): the
   * sampling variance of a Sharpe estimate when every trial's true Sharpe is 0.
   */
  sharpeVariance?: number;
}

/** Result of {@link deflatedSharpe}. */
export interface DeflatedSharpeResult {
  /** Deflated Sharpe ratio: PSR against SR₀ = expectedMaxSharpe, a probability. */
  dsr: number;
  /** SR₀, the expected maximum per-period Sharpe of N skill-less trials. */
  expectedMaxSharpe: number;
  /** PSR against 0, the probability that the true Sharpe is positive ignoring selection. */
  psr: number;
}

/**
 * Deflated Sharpe ratio (Bailey & López de Prado 2014, "The deflated Sharpe ratio: correcting
 * for selection bias, backtest overfitting and non-normality", J. Portfolio Management 40(5)):
 * `DSR = PSR(SR₀)` where `SR₀ = √V ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)))` is the expected
 * maximum Sharpe among N trials with no skill ({@link expectedMaxSharpe}) and PSR is the
 * {@link probabilisticSharpe}. It is the probability that the selected Sharpe beats what the
 * search alone would have produced.
 *
 * Sharpe ratios and V are per period: for daily data divide an annualised Sharpe by √252 and an
 * annualised variance by 252.
 *
 * @throws QuadrantError `bad-argument` for the inputs rejected by expectedMaxSharpe and
 *   probabilisticSharpe.
 * @example
 * // The paper's example: annualised SR 2.5 over 1,250 days (250 a year), N = 100,
 * // annualised V = 0.5, γ₃ = −3, γ₄ = 10 (excess 7):
 * deflatedSharpe({ sharpe: 2.5 / Math.sqrt(250), trials: 100, n: 1250, skew: -3, kurtosis: 7,
 *   sharpeVariance: 0.5 / 250 });
 * // { dsr ≈ 0.9004, expectedMaxSharpe ≈ 0.1132, psr ≈ 1 }
 */
export function deflatedSharpe(input: DeflatedSharpeInput): DeflatedSharpeResult {
  const { sharpe, trials, n, skew, kurtosis } = input;
  if (!Number.isFinite(n) || n < 2) throw badArgument(`deflatedSharpe needs n ≥ 2 observations, got ${n}`);
  const sharpeVariance = input.sharpeVariance ?? 1 / (n - 1);
  const sr0 = expectedMaxSharpe(trials, sharpeVariance);
  return {
    dsr: probabilisticSharpe({ sharpe, n, skew, kurtosis, benchmark: sr0 }),
    expectedMaxSharpe: sr0,
    psr: probabilisticSharpe({ sharpe, n, skew, kurtosis }),
  };
}
