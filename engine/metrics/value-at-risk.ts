import { badArgument } from '../stats/bad-argument.ts';
import { quantileSorted } from '../stats/quantile.ts';

/** Historical value at risk and expected shortfall of daily returns. */
export interface ValueAtRisk {
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** The (1 − level) quantile of daily returns, a (usually negative) fraction per day. */
  var: number;
  /** Mean of the daily returns at or below `var` (CVaR, expected shortfall). */
  cvar: number;
}

/**
 * Historical (non-parametric) VaR and CVaR of daily returns: VaR is the (1 − level) sample
 * quantile with linear interpolation (R type 7, numpy's default), CVaR the mean of the returns
 * at or below it. This is empyrical's `value_at_risk` / `conditional_value_at_risk`; quantstats'
 * `value_at_risk` is parametric (normal) instead. Signs: losses are negative, as in both.
 *
 * @throws QuadrantError `bad-argument` for an empty or non-finite sample or a level outside (0, 1).
 * @example
 * historicalVar(Float64Array.of(-0.03, -0.01, 0, 0.01, 0.02), 0.75); // { var: −0.01, cvar: −0.02 }
 */
export function historicalVar(returns: Float64Array, level = 0.95): ValueAtRisk {
  if (!(level > 0 && level < 1)) throw badArgument(`historicalVar needs a level in (0, 1), got ${level}`);
  if (returns.length === 0) throw badArgument('historicalVar needs at least 1 return, got 0');
  const sorted = Float64Array.from(returns).sort();
  if (!Number.isFinite(sorted[0]) || !Number.isFinite(sorted[sorted.length - 1])) throw badArgument('historicalVar: returns must be finite');
  const v = quantileSorted(sorted, 1 - level);
  let sum = 0;
  let m = 0;
  for (let i = 0; i < sorted.length && sorted[i] <= v; i++) {
    sum += sorted[i];
    m++;
  }
  return { level, var: v, cvar: sum / m };
}
