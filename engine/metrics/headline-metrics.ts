import { badArgument } from '../stats/bad-argument.ts';
import { TRADING_DAYS_PER_YEAR } from './annualisation.ts';

/** The figures a parameter sweep keeps per configuration; the same definitions as computeMetrics. */
export interface HeadlineMetrics {
  cagr: number;
  volatility: number;
  sharpe: number;
  maxDrawdown: number;
  /** Annualised one-way turnover (the total divided by years). */
  turnover: number;
  /** Annualised costs as a fraction of equity. */
  costDrag: number;
}

const SQRT_YEAR = Math.sqrt(TRADING_DAYS_PER_YEAR);

/**
 * computeMetrics's headline figures for an unmasked NAV path in two passes with no allocation,
 * for sweeps that score thousands of configurations: CAGR over counted trading days / 252,
 * volatility `sd(r)·√252`, Sharpe `mean(e)/sd(e)·√252` on excess returns `e = r − riskFree`
 * (sample sd, two-pass like the stats library), maximum drawdown `max(1 − nav/peak)`. Day i's return is
 * `nav[i]/nav[i−1] − 1`; `riskFree[0]` is ignored. A property test holds it to computeMetrics.
 * Pass 1 keeps the returns for pass 2 (which then does not divide again) in `scratch` when it
 * is at least nav.length long (sweeps reuse one), else in an array of its own; the figures are
 * the same bits either way.
 *
 * @throws QuadrantError `bad-argument` for fewer than 2 NAVs, mismatched lengths or a NAV that is not positive.
 * @example
 * headlineMetrics(Float64Array.of(100, 120, 90, 130), new Float64Array(4), 0, 0).maxDrawdown; // 0.25
 */
export function headlineMetrics(nav: Float64Array, riskFree: Float64Array, turnover: number, costs: number, scratch?: Float64Array): HeadlineMetrics {
  const n = nav.length;
  if (n < 2) throw badArgument(`headlineMetrics needs at least 2 NAVs, got ${n}`);
  if (riskFree.length !== n) throw badArgument(`headlineMetrics needs riskFree as long as nav (${n}), got ${riskFree.length}`);
  // Pass 1: compensated sums of r and e (as the stats library's mean), and the drawdown.
  const rs = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  let sumR = 0;
  let cR = 0;
  let sumE = 0;
  let cE = 0;
  let prev = nav[0];
  let peak = prev;
  let depth = 0;
  // A NAV at or above `deeper` cannot deepen the drawdown (1 − v/peak ≤ depth even after
  // rounding, with 1e-9 to spare): only NAVs below it pay for the division.
  let deeper = peak * (1 + 1e-9);
  for (let i = 1; i < n; i++) {
    const v = nav[i];
    if (!(v > 0 && v < Infinity)) throw badArgument(`headlineMetrics: nav[${i}] is ${v}, not finite and positive`);
    const r = v / prev - 1;
    prev = v;
    rs[i] = r;
    const e = r - riskFree[i];
    let t = sumR + r;
    cR += Math.abs(sumR) >= Math.abs(r) ? sumR - t + r : r - t + sumR;
    sumR = t;
    t = sumE + e;
    cE += Math.abs(sumE) >= Math.abs(e) ? sumE - t + e : e - t + sumE;
    sumE = t;
    if (v > peak) {
      peak = v;
      deeper = peak * (1 - depth + 1e-9);
    } else if (v < deeper && 1 - v / peak > depth) {
      depth = 1 - v / peak;
      deeper = peak * (1 - depth + 1e-9);
    }
  }
  const m = n - 1;
  const meanR = (sumR + cR) / m;
  const meanE = (sumE + cE) / m;
  // Pass 2: corrected two-pass variances, the stats library's formula, so a flat path gives 0.
  let ssR = 0;
  let sR = 0;
  let ssE = 0;
  let sE = 0;
  for (let i = 1; i < n; i++) {
    const r = rs[i];
    const dR = r - meanR;
    const dE = r - riskFree[i] - meanE;
    ssR += dR * dR;
    sR += dR;
    ssE += dE * dE;
    sE += dE;
  }
  const years = m / TRADING_DAYS_PER_YEAR;
  const sdR = m >= 2 ? Math.sqrt(Math.max(0, (ssR - (sR * sR) / m) / (m - 1))) : NaN;
  const sdE = m >= 2 ? Math.sqrt(Math.max(0, (ssE - (sE * sE) / m) / (m - 1))) : NaN;
  return {
    cagr: (nav[n - 1] / nav[0]) ** (1 / years) - 1,
    volatility: sdR * SQRT_YEAR,
    sharpe: sdE > 0 ? (meanE / sdE) * SQRT_YEAR : NaN,
    maxDrawdown: depth,
    turnover: turnover / years,
    costDrag: costs / years,
  };
}
