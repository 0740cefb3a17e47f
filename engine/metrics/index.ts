/**
 * Performance metrics over a NAV path: returns, drawdowns, the full metrics record, and its
 * splits by calendar year and by regime label. Annualisation uses 252 trading days.
 */
export { TRADING_DAYS_PER_YEAR } from './annualisation.ts';
export type { Metrics, MetricsInput } from './types.ts';
export { simpleReturns } from './returns.ts';
export { drawdownSeries } from './drawdown-series.ts';
export { maxDrawdown } from './max-drawdown.ts';
export type { MaxDrawdown } from './max-drawdown.ts';
export { computeMetrics } from './compute-metrics.ts';
export { headlineMetrics, type HeadlineMetrics } from './headline-metrics.ts';
export { metricsByYear } from './metrics-by-year.ts';
export { metricsByMask } from './metrics-by-mask.ts';
export { rollingSharpe } from './rolling-sharpe.ts';
export { periodReturns, bestAndWorst, type PeriodReturn } from './period-returns.ts';
export { worstDrawdowns, type DrawdownEpisode } from './worst-drawdowns.ts';
export { historicalVar, type ValueAtRisk } from './value-at-risk.ts';
export { rollingRisk } from './rolling-risk.ts';
export { relativePerformance, type RelativePerformance } from './relative-performance.ts';
export { trailingReturns, type TrailingReturn } from './trailing-returns.ts';
export {
  tearsheet,
  tearsheetJson,
  type Tearsheet,
  type TearsheetReference,
  type TearsheetRecord,
  type PeriodReturnRecord,
  type RelativeRecord,
} from './tearsheet.ts';
