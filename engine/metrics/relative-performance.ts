import { badArgument } from '../stats/bad-argument.ts';
import { TRADING_DAYS_PER_YEAR } from './annualisation.ts';

/** A strategy against one benchmark, over the days both have a return. */
export interface RelativePerformance {
  /** OLS beta of daily excess returns on the benchmark's excess returns. */
  beta: number;
  /** Jensen's alpha, annualised by compounding: (1 + mean(eᵢ − β·bᵢ))^252 − 1 (empyrical's convention). */
  alpha: number;
  /** Annualised tracking error: sample sd of the daily active return r − b, × √252. */
  trackingError: number;
  /** Information ratio: mean(r − b) / sd(r − b) × √252 (annualised; quantstats and empyrical report the daily ratio). */
  informationRatio: number;
  /** Annualised return on the benchmark's up days over the benchmark's own then (empyrical's up_capture). */
  upCapture: number;
  /** The same on the benchmark's down days (below 1 is good). */
  downCapture: number;
  /** Days compared. */
  days: number;
}

/**
 * Alpha, beta, tracking error, information ratio and up/down capture of daily returns `r`
 * against a benchmark's `b`, both as simple daily fractions aligned by index (NaN entries are
 * skipped pairwise), with `riskFree` the daily T-bill return (excess returns for alpha and beta).
 *
 * Capture follows empyrical: on the days the benchmark rose (fell), the strategy's annualised
 * compound return over those days, `Π(1+rᵢ)^{252/m} − 1`, divided by the benchmark's.
 *
 * @throws QuadrantError `bad-argument` when lengths differ or fewer than 2 days pair up.
 */
export function relativePerformance(r: Float64Array, b: Float64Array, riskFree?: Float64Array): RelativePerformance {
  const n = r.length;
  if (b.length !== n || (riskFree && riskFree.length !== n))
    throw badArgument(`relativePerformance needs returns, benchmark and risk-free of one length (${n})`);
  let m = 0;
  let se = 0;
  let sf = 0;
  let sa = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(r[i]) || !Number.isFinite(b[i])) continue;
    const rf = riskFree ? riskFree[i] : 0;
    se += r[i] - rf;
    sf += b[i] - rf;
    sa += r[i] - b[i];
    m++;
  }
  if (m < 2) throw badArgument(`relativePerformance needs at least 2 paired days, got ${m}`);
  const me = se / m;
  const mf = sf / m;
  const ma = sa / m;
  let cov = 0;
  let varF = 0;
  let varA = 0;
  let upR = 1;
  let upB = 1;
  let upN = 0;
  let downR = 1;
  let downB = 1;
  let downN = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(r[i]) || !Number.isFinite(b[i])) continue;
    const rf = riskFree ? riskFree[i] : 0;
    const de = r[i] - rf - me;
    const df = b[i] - rf - mf;
    cov += de * df;
    varF += df * df;
    const da = r[i] - b[i] - ma;
    varA += da * da;
    if (b[i] > 0) {
      upR *= 1 + r[i];
      upB *= 1 + b[i];
      upN++;
    } else if (b[i] < 0) {
      downR *= 1 + r[i];
      downB *= 1 + b[i];
      downN++;
    }
  }
  const beta = varF > 0 ? cov / varF : NaN;
  const alphaDaily = me - beta * mf;
  const sdA = Math.sqrt(varA / (m - 1));
  const annual = (growth: number, days: number) => growth ** (TRADING_DAYS_PER_YEAR / days) - 1;
  return {
    beta,
    alpha: (1 + alphaDaily) ** TRADING_DAYS_PER_YEAR - 1,
    trackingError: sdA * Math.sqrt(TRADING_DAYS_PER_YEAR),
    informationRatio: sdA > 0 ? (ma / sdA) * Math.sqrt(TRADING_DAYS_PER_YEAR) : NaN,
    upCapture: upN > 0 ? annual(upR, upN) / annual(upB, upN) : NaN,
    downCapture: downN > 0 ? annual(downR, downN) / annual(downB, downN) : NaN,
    days: m,
  };
}
