import { badArgument } from './bad-argument.ts';
import { normalInverseCdf } from './normal-inverse-cdf.ts';

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * Expected maximum of N independent Sharpe-ratio estimates whose true Sharpe is 0 and whose
 * cross-sectional variance is V (Bailey & López de Prado 2014, "The deflated Sharpe ratio",
 * J. Portfolio Management 40(5), eq. for SR₀; the extreme-value approximation of
 * Bailey, Borwein, López de Prado & Zhu 2014):
 * `E[max SR] ≈ √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)))`, γ = Euler–Mascheroni.
 * Units: those of the Sharpe ratios (per period when V is per period²). 0 for N = 1.
 *
 * @param trials N, an integer ≥ 1.
 * @param sharpeVariance V ≥ 0, the variance of the N Sharpe estimates.
 * @throws QuadrantError `bad-argument` when N is not an integer ≥ 1 or V is negative or not finite.
 * @example
 * expectedMaxSharpe(100, 0.5 / 250); // ≈ 0.1132 (the paper's numerical example)
 */
export function expectedMaxSharpe(trials: number, sharpeVariance: number): number {
  if (!Number.isInteger(trials) || trials < 1) throw badArgument(`expectedMaxSharpe needs an integer trials ≥ 1, got ${trials}`);
  if (!(sharpeVariance >= 0) || !Number.isFinite(sharpeVariance)) {
    throw badArgument(`expectedMaxSharpe needs a finite sharpeVariance ≥ 0, got ${sharpeVariance}`);
  }
  if (trials === 1) return 0;
  const g = EULER_MASCHERONI;
  return Math.sqrt(sharpeVariance) * ((1 - g) * normalInverseCdf(1 - 1 / trials) + g * normalInverseCdf(1 - 1 / (trials * Math.E)));
}
