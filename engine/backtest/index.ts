/**
 * The replay: a market of role returns, a plan of target weights, one loop over trading days
 * (mark → accrue → fill → decide → book), exact self-financing costs, and the result's
 * metrics, exports and manifest.
 */
export { marketFromRoles, marketFromArrays, roleIndex, type Market } from './market.ts';
export { parseRebalanceRule, type RebalanceRule, type CalendarAnchor } from './rebalance-rule.ts';
export { ruleTriggers, anchorBetween } from './calendar-triggers.ts';
export { planFromTable, planFromWeights, validatePlan, type Plan } from './plan.ts';
export { resolveCosts, postTradeEquity, type CostOptions, type CostModel, type PerRoleBps } from './costs.ts';
export { resolveReplayOptions, EXECUTIONS, type Execution, type ReplayOptions, type ResolvedReplayOptions } from './options.ts';
export { replay } from './replay.ts';
export { createReplayBuffers, type ReplayBuffers } from './replay-buffers.ts';
export { LOOK_AHEAD_WARNING, total, dailyCosts, type BacktestResult, type UsedSegment } from './result.ts';
export { tradesOf, type Trade } from './trades.ts';
export { metricsInput, resultMetrics, metricsToJson, resultMetricsToJson, type ResultMetrics } from './result-metrics.ts';
export { attachTearsheets, TEARSHEET_REFERENCES } from './result-tearsheets.ts';
export { navCsv, navsCsv, weightsCsv, tradesCsv } from './export.ts';
export { toDataFrame } from './to-data-frame.ts';
export { dataChecksums, buildManifest, type RunManifest, type FileChecksum } from './manifest.ts';
export { runSweep, type SweepConfig, type SweepOptions, type SweepOutput } from './sweep.ts';
export { SWEEP_FIELDS } from './sweep-core.ts';
export {
  runPool,
  poolArray,
  poolCopy,
  type PoolTask,
  type PoolOptions,
  type PoolRun,
  type PoolThreadTiming,
  type TypedArrayConstructor,
} from './worker-pool.ts';
