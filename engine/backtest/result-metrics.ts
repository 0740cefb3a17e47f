import { isoDay } from '../../datasets/day.ts';
import { computeMetrics, metricsByMask, metricsByYear, tearsheetJson, type Metrics, type MetricsInput, type Tearsheet } from '../metrics/index.ts';
import type { Market } from './market.ts';
import { dailyCosts, total, type BacktestResult } from './result.ts';

/** A result's metrics: overall, per calendar year, per quadrant (label in force, 1..4). */
export interface ResultMetrics {
  overall: Metrics;
  byYear: Map<number, Metrics>;
  byQuadrant: Map<number, Metrics>;
  /** The tearsheet analytics, when attached (attachTearsheets; `quadrant run` does). */
  tearsheet?: Tearsheet;
}

/**
 * The metrics input of a result: its NAV and days, the T-bill account's daily accrual as the
 * risk-free return, US large caps' daily return as the benchmark, and the window's totals of
 * one-way turnover and trading costs (commission + slippage + fixed, fractions of equity).
 * After a wipe-out (NAV 0, see the result's warnings) the input stops the day before.
 */
export function metricsInput(result: BacktestResult, market: Market): MetricsInput {
  const m = positiveLength(result.nav);
  const R = market.roles.length;
  const riskFree = market.cashReturns.slice(result.start, result.start + m);
  const large = market.roles.indexOf('us_large');
  let benchmark: Float64Array | undefined;
  if (large >= 0) {
    benchmark = new Float64Array(m);
    for (let i = 0; i < m; i++) benchmark[i] = market.returns[(result.start + i) * R + large];
  }
  return {
    nav: result.nav.subarray(0, m),
    days: result.days.subarray(0, m),
    riskFree,
    benchmark,
    turnover: total(result.turnover.subarray(0, m)),
    costs: total(dailyCosts(result).subarray(0, m)),
  };
}

/** Days before a wipe-out (NAV 0): metrics need a positive NAV, so they stop the day before. */
function positiveLength(nav: Float64Array): number {
  let m = 0;
  while (m < nav.length && nav[m] > 0) m++;
  return m;
}

/**
 * Metrics of a result, computed by engine/metrics (no formulas here). `labels` (calendar
 * length, 1..4 = Q1..Q4) splits them by the quadrant in force: day i's return counts for the
 * label decided at the previous close.
 */
export function resultMetrics(result: BacktestResult, market: Market, labels?: Uint8Array): ResultMetrics {
  const input = metricsInput(result, market);
  const overall = computeMetrics(input);
  const byYear = metricsByYear(input);
  const byQuadrant = labels ? metricsByMask(input, labels.subarray(result.start, result.start + input.nav.length), [1, 2, 3, 4]) : new Map<number, Metrics>();
  return { overall, byYear, byQuadrant };
}

const DAY_FIELDS = new Set(['maxDrawdownStart', 'maxDrawdownTrough', 'maxDrawdownRecovery']);

/** A Metrics record for JSON: drawdown days as ISO dates, NaN as null. */
export function metricsToJson(m: Metrics): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const [key, value] of Object.entries(m)) {
    if (Number.isNaN(value)) out[key] = null;
    else out[key] = DAY_FIELDS.has(key) ? isoDay(value) : value;
  }
  return out;
}

/** ResultMetrics for JSON: `{ overall, byYear: { "2008": … }, byQuadrant: { "Q1": … }, tearsheet? }`. */
export function resultMetricsToJson(rm: ResultMetrics): Record<string, unknown> {
  return {
    overall: metricsToJson(rm.overall),
    byYear: Object.fromEntries([...rm.byYear].map(([y, m]) => [String(y), metricsToJson(m)])),
    byQuadrant: Object.fromEntries([...rm.byQuadrant].map(([q, m]) => [`Q${q}`, metricsToJson(m)])),
    ...(rm.tearsheet ? { tearsheet: tearsheetJson(rm.tearsheet) } : {}),
  };
}
