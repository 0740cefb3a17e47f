import type { Day } from '../../datasets/day.ts';

/**
 * Input of `computeMetrics`. Arrays are aligned by index i = trading day; day i's return is
 * `nav[i] / nav[i − 1] − 1`, so index 0 carries no return.
 */
export interface MetricsInput {
  /** Net asset value at each close: finite and > 0; any starting level. */
  nav: Float64Array;
  /** The trading day of each NAV (days since 1970-01-01 UTC), strictly increasing. */
  days: Int32Array;
  /** Daily simple T-bill return earned on day i (from close i−1 to close i); element 0 ignored. */
  riskFree?: Float64Array;
  /** Daily simple return of the benchmark (US large caps) on day i; element 0 ignored. */
  benchmark?: Float64Array;
  /** Sum over the whole input of one-way turnover (fraction of equity traded); ≥ 0. */
  turnover?: number;
  /** Sum over the whole input of trading costs as fractions of equity; ≥ 0. */
  costs?: number;
  /** 1 = day i's return counts, 0 = it is skipped; element 0 ignored. Default: all count. */
  mask?: Uint8Array;
}

/**
 * Performance over the counted daily returns. Annualised figures use 252 trading days a year.
 * Figures that cannot be computed (too few counted days, zero variance, no benchmark) are NaN.
 */
export interface Metrics {
  /** Compound annual growth: `G^{252/m} − 1` with G the product of the m counted gross returns. */
  cagr: number;
  /** Annualised volatility: sample sd of counted daily returns × √252. */
  volatility: number;
  /** Annualised Sharpe: mean / sample sd of daily excess returns (over `riskFree`) × √252. */
  sharpe: number;
  /** Annualised Sortino: mean daily excess / √(Σ min(excess, 0)² / m) × √252. */
  sortino: number;
  /** Largest peak-to-trough fall of the counted-return path, a fraction in [0, 1). */
  maxDrawdown: number;
  /** Day of the peak before the largest drawdown (NaN when there is no drawdown). */
  maxDrawdownStart: Day;
  /** Day of its trough (NaN when there is no drawdown). */
  maxDrawdownTrough: Day;
  /** First day the path is back at the peak level, NaN if never (or no drawdown). */
  maxDrawdownRecovery: Day;
  /** Counted trading days from peak to recovery, or to the last counted day if unrecovered. */
  maxDrawdownLengthDays: number;
  /** CAGR / maxDrawdown (NaN when maxDrawdown is 0). */
  calmar: number;
  /** Share of counted days with a strictly positive return. */
  hitRate: number;
  /** Sample skewness (adjusted Fisher–Pearson) of counted daily returns. */
  skew: number;
  /** Sample EXCESS kurtosis of counted daily returns (0 for normal). */
  kurtosis: number;
  /** OLS beta of counted daily returns on the benchmark's. */
  beta: number;
  /** Pearson correlation of counted daily returns with the benchmark's. */
  correlation: number;
  /** Annualised one-way turnover: input turnover / years (NaN when not given). */
  turnover: number;
  /** Annualised cost drag: input costs / years, a fraction of equity per year (NaN when not given). */
  costDrag: number;
  /** m, the number of counted daily returns. */
  days: number;
  /** m / 252. */
  years: number;
}
