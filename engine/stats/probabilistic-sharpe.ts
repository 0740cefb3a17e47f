import { badArgument } from './bad-argument.ts';
import { normalCdf } from './normal-cdf.ts';

/** Inputs of {@link probabilisticSharpe}. All Sharpe ratios are PER PERIOD (not annualised). */
export interface ProbabilisticSharpeInput {
  /** Observed Sharpe ratio per period, e.g. daily mean excess return / daily sd. */
  sharpe: number;
  /** Number of return observations behind it (n ≥ 2). */
  n: number;
  /** Sample skewness γ₃ of the returns; default 0. */
  skew?: number;
  /** Sample EXCESS kurtosis (γ₄ − 3, 0 for normal returns) as from `kurtosis`; default 0. */
  kurtosis?: number;
  /** Benchmark Sharpe SR* per period; default 0. */
  benchmark?: number;
}

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado 2012, "The Sharpe ratio efficient
 * frontier", J. of Risk 15(2), eq. for PSR): the probability that the true Sharpe exceeds SR*,
 * given the estimate's non-normal sampling error,
 * `PSR(SR*) = Φ( (SR − SR*) √(n − 1) / √(1 − γ₃ SR + (γ₄ − 1)/4 · SR²) )`
 * with γ₄ the raw kurtosis = `kurtosis + 3`.
 *
 * Sharpe ratios here are per period: divide an annualised daily Sharpe by √252 first.
 *
 * @returns a probability in [0, 1].
 * @throws QuadrantError `bad-argument` for n < 2, a non-finite input, or a non-positive
 *   variance term (possible only for extreme positive skew with a large Sharpe).
 * @example
 * probabilisticSharpe({ sharpe: 0.1, n: 253 }); // Φ(0.1·√252 / √1.005) ≈ 0.94335
 */
export function probabilisticSharpe(input: ProbabilisticSharpeInput): number {
  const { sharpe, n } = input;
  const skew = input.skew ?? 0;
  const excessKurtosis = input.kurtosis ?? 0;
  const benchmark = input.benchmark ?? 0;
  if (!Number.isFinite(n) || n < 2) throw badArgument(`probabilisticSharpe needs n ≥ 2 observations, got ${n}`);
  if (!Number.isFinite(sharpe) || !Number.isFinite(skew) || !Number.isFinite(excessKurtosis) || !Number.isFinite(benchmark)) {
    throw badArgument(`probabilisticSharpe needs finite sharpe, skew, kurtosis and benchmark, got ${sharpe}, ${skew}, ${excessKurtosis}, ${benchmark}`);
  }
  const varianceTerm = 1 - skew * sharpe + ((excessKurtosis + 2) / 4) * sharpe * sharpe;
  if (!(varianceTerm > 0)) {
    throw badArgument(`probabilisticSharpe: variance term 1 − γ₃·SR + (γ₄ − 1)/4·SR² is ${varianceTerm}, not positive`);
  }
  return normalCdf(((sharpe - benchmark) * Math.sqrt(n - 1)) / Math.sqrt(varianceTerm));
}
