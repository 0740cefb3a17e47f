import { badArgument } from '../stats/bad-argument.ts';
import { beta as betaOf } from '../stats/beta.ts';
import { correlation as correlationOf } from '../stats/correlation.ts';
import { kurtosis as kurtosisOf } from '../stats/kurtosis.ts';
import { mean } from '../stats/mean.ts';
import { skewness } from '../stats/skewness.ts';
import { standardDeviation } from '../stats/standard-deviation.ts';
import { TRADING_DAYS_PER_YEAR } from './annualisation.ts';
import { maxDrawdown } from './max-drawdown.ts';
import type { Metrics, MetricsInput } from './types.ts';

const SQRT_YEAR = Math.sqrt(TRADING_DAYS_PER_YEAR);

/**
 * Performance metrics of a NAV path over its counted daily returns.
 *
 * Timing: day i's return is `rᵢ = nav[i]/nav[i−1] − 1`, earned from close i−1 to close i; it
 * counts when `mask[i] = 1` (every i ≥ 1 counts without a mask). Excess return
 * `eᵢ = rᵢ − riskFree[i]`. With m counted days:
 * - `years = m / 252`; `cagr = G^{1/years} − 1`, G = Π (1 + rᵢ) over counted days — i.e. the
 *   growth of a path that moves only on counted days, annualised by counted trading days (not
 *   calendar time), so masked subsets are comparable with each other;
 * - `volatility = sd(r) √252`; `sharpe = mean(e) / sd(e) · √252` (sample sd, n − 1);
 * - `sortino = mean(e) / DD · √252` with downside deviation `DD = √(Σ min(eᵢ, 0)² / m)` over
 *   ALL counted days (target 0 on excess returns; Sortino & Price 1994);
 * - drawdown figures from {@link maxDrawdown} on the counted-return path; `calmar = cagr / maxDrawdown`;
 * - `hitRate` = share of counted rᵢ > 0; skew and (excess) kurtosis of r; beta and correlation
 *   of r on the benchmark's counted returns;
 * - `turnover = turnover / years` and `costDrag = costs / years` (annualised, simple).
 *
 * Figures needing more data are NaN: sd-based ones need m ≥ 2, skew m ≥ 3, kurtosis m ≥ 4; a
 * zero sd or downside deviation gives NaN, as do beta/correlation without a benchmark.
 * With m = 0 everything is NaN except `days = 0` and `years = 0`.
 *
 * Cost: O(n), three scratch arrays of length n − 1; about 0.1 ms for 6,000 days.
 *
 * @throws QuadrantError `bad-argument` for fewer than 2 NAVs, mismatched lengths, a NAV that is not
 *   finite and positive, days not strictly increasing, a non-finite risk-free or benchmark
 *   return on a counted day, or a negative or non-finite turnover or costs.
 * @example
 * computeMetrics({ nav: Float64Array.of(100, 101, 99.99, 100.9899), days: Int32Array.of(0, 1, 2, 3) });
 * // { cagr: 1.009899^{84} − 1 ≈ 1.2874, hitRate: 2/3, maxDrawdown: 0.01, days: 3, … }
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { nav, days, riskFree, benchmark, mask } = input;
  const n = nav.length;
  validate(input);

  const r = new Float64Array(n - 1);
  const e = new Float64Array(n - 1);
  const b = benchmark ? new Float64Array(n - 1) : undefined;
  let m = 0;
  let growth = 1;
  let hits = 0;
  let downside = 0;
  for (let i = 1; i < n; i++) {
    if (mask && mask[i] !== 1) continue;
    const ratio = nav[i] / nav[i - 1];
    const ri = ratio - 1;
    const ei = riskFree ? ri - riskFree[i] : ri;
    r[m] = ri;
    e[m] = ei;
    if (b) b[m] = benchmark![i];
    growth *= ratio;
    if (ri > 0) hits++;
    if (ei < 0) downside += ei * ei;
    m++;
  }

  const years = m / TRADING_DAYS_PER_YEAR;
  const rs = r.subarray(0, m);
  const es = e.subarray(0, m);
  const dd = maxDrawdown(nav, days, mask);
  const cagr = m > 0 ? growth ** (1 / years) - 1 : NaN;
  const sdR = m >= 2 ? standardDeviation(rs) : NaN;
  const sdE = m >= 2 ? standardDeviation(es) : NaN;
  const meanE = m >= 1 ? mean(es) : NaN;
  const downsideDev = Math.sqrt(downside / m);
  const maxDd = m > 0 ? dd.depth : NaN;
  const bs = b ? b.subarray(0, m) : undefined;
  return {
    cagr,
    volatility: sdR * SQRT_YEAR,
    sharpe: sdE > 0 ? (meanE / sdE) * SQRT_YEAR : NaN,
    sortino: m >= 2 && downsideDev > 0 ? (meanE / downsideDev) * SQRT_YEAR : NaN,
    maxDrawdown: maxDd,
    maxDrawdownStart: dd.start,
    maxDrawdownTrough: dd.trough,
    maxDrawdownRecovery: dd.recovery,
    maxDrawdownLengthDays: m > 0 ? dd.lengthDays : NaN,
    calmar: maxDd > 0 ? cagr / maxDd : NaN,
    hitRate: m > 0 ? hits / m : NaN,
    skew: m >= 3 ? skewness(rs) : NaN,
    kurtosis: m >= 4 ? kurtosisOf(rs) : NaN,
    beta: bs && m >= 2 ? betaOf(rs, bs) : NaN,
    correlation: bs && m >= 2 ? correlationOf(rs, bs) : NaN,
    turnover: input.turnover !== undefined && m > 0 ? input.turnover / years : NaN,
    costDrag: input.costs !== undefined && m > 0 ? input.costs / years : NaN,
    days: m,
    years,
  };
}

/** Checks the shape and values of a {@link MetricsInput}; throws naming computeMetrics. */
function validate(input: MetricsInput): void {
  const { nav, days, riskFree, benchmark, mask, turnover, costs } = input;
  const n = nav.length;
  if (n < 2) throw badArgument(`computeMetrics needs at least 2 NAVs, got ${n}`);
  if (days.length !== n) throw badArgument(`computeMetrics needs days as long as nav (${n}), got ${days.length}`);
  if (riskFree && riskFree.length !== n) throw badArgument(`computeMetrics needs riskFree as long as nav (${n}), got ${riskFree.length}`);
  if (benchmark && benchmark.length !== n) throw badArgument(`computeMetrics needs benchmark as long as nav (${n}), got ${benchmark.length}`);
  if (mask && mask.length !== n) throw badArgument(`computeMetrics needs mask as long as nav (${n}), got ${mask.length}`);
  for (let i = 0; i < n; i++) {
    const v = nav[i];
    if (!(v > 0) || v === Infinity) throw badArgument(`computeMetrics: nav[${i}] is ${v}, not finite and positive`);
    if (i > 0 && !(days[i] > days[i - 1])) throw badArgument(`computeMetrics: days must increase, days[${i}] = ${days[i]} after ${days[i - 1]}`);
    if (i === 0 || (mask && mask[i] !== 1)) continue;
    if (riskFree && !Number.isFinite(riskFree[i])) throw badArgument(`computeMetrics: riskFree[${i}] is ${riskFree[i]}, not finite`);
    if (benchmark && !Number.isFinite(benchmark[i])) throw badArgument(`computeMetrics: benchmark[${i}] is ${benchmark[i]}, not finite`);
  }
  if (turnover !== undefined && !(turnover >= 0 && Number.isFinite(turnover))) {
    throw badArgument(`computeMetrics needs a finite turnover ≥ 0, got ${turnover}`);
  }
  if (costs !== undefined && !(costs >= 0 && Number.isFinite(costs))) {
    throw badArgument(`computeMetrics needs finite costs ≥ 0, got ${costs}`);
  }
}
