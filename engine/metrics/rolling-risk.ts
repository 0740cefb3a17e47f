import { badArgument } from '../stats/bad-argument.ts';
import { TRADING_DAYS_PER_YEAR } from './annualisation.ts';

/**
 * Rolling annualised volatility and beta over the trailing `window` daily returns (default one
 * year, 252 days), aligned with the input: element i uses returns i − window + 1 … i and is NaN
 * before a full window or when a return in it is NaN (index 0 of a NAV's returns is NaN).
 * Volatility is the sample sd (n − 1) × √252, as pandas' `rolling(252).std() * sqrt(252)` in
 * quantstats; beta is cov(r, b) / var(b) over the window, as empyrical's `roll_beta`.
 *
 * Each window is summed afresh (two passes, O(n·w), about 2 ms for 8,000 days) rather than
 * updated in place, so round-off cannot accumulate over a 30-year history.
 *
 * @throws QuadrantError `bad-argument` when lengths differ or the window is below 2.
 */
export function rollingRisk(
  returns: Float64Array,
  benchmark: Float64Array | undefined,
  window = TRADING_DAYS_PER_YEAR,
): { volatility: Float64Array; beta: Float64Array } {
  const n = returns.length;
  if (!(Number.isInteger(window) && window >= 2)) throw badArgument(`rollingRisk needs an integer window ≥ 2, got ${window}`);
  if (benchmark && benchmark.length !== n) throw badArgument(`rollingRisk needs a benchmark as long as the returns (${n}), got ${benchmark.length}`);
  const volatility = new Float64Array(n).fill(NaN);
  const beta = new Float64Array(n).fill(NaN);
  const annual = Math.sqrt(TRADING_DAYS_PER_YEAR);
  for (let i = window - 1; i < n; i++) {
    const from = i - window + 1;
    let sr = 0;
    let sb = 0;
    for (let j = from; j <= i; j++) {
      sr += returns[j];
      if (benchmark) sb += benchmark[j];
    }
    if (Number.isNaN(sr) || Number.isNaN(sb)) continue;
    const mr = sr / window;
    const mb = sb / window;
    let vr = 0;
    let vb = 0;
    let cov = 0;
    for (let j = from; j <= i; j++) {
      const dr = returns[j] - mr;
      vr += dr * dr;
      if (benchmark) {
        const db = benchmark[j] - mb;
        vb += db * db;
        cov += dr * db;
      }
    }
    volatility[i] = Math.sqrt(vr / (window - 1)) * annual;
    if (benchmark && vb > 0) beta[i] = cov / vb;
  }
  return { volatility, beta };
}
