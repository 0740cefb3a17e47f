import { optimalBlockLength } from '../stats/optimal-block-length.ts';

/**
 * The expected block length every Quadrant bootstrap interval uses for a daily series of n
 * observations: the Politis & White (2004) automatic choice (engine/stats optimalBlockLength,
 * with the Patton–Politis–White 2009 correction), floored at n^{1/3}, the rate-optimal order of
 * the block length for bootstrap variance estimates (Hall, Horowitz & Jing 1995, "On blocking
 * rules for the bootstrap with dependent data", Biometrika 82(3)), and capped at n.
 *
 * Why the floor: on daily returns the automatic rule sees almost no autocorrelation in levels
 * and picks blocks of one or two days, which cuts through the volatility clustering that makes
 * calm and turbulent weeks differ; a floor of n^{1/3} days (18 for 6,000 days, 8 for 500)
 * keeps short stretches together. Longer blocks also make each resample cheaper. Units: days.
 *
 * @example
 * bootstrapBlockLength(dailyReturns6000); // ≥ 18.2
 */
export function bootstrapBlockLength(x: Float64Array): number {
  const n = x.length;
  return Math.min(n, Math.max(optimalBlockLength(x), Math.cbrt(n)));
}
