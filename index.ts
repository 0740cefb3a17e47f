/**
 * Quadrant as a library: `import { … } from 'quadrant'`. The same functions the CLI is built
 * from, layer by layer (datasets → engine → strategies → reports):
 *
 * - data: `openDataset(dir)` reads a snapshot or the live cache (`defaultCacheDir()`, filled by
 *   `fetchIntoCache()`) and aligns it point in time; `buildRoles(panel)` chains the asset roles.
 * - regimes: `computeRegimes(panel, resolveRegimeConfig('article' | 'rates' | file | object))`,
 *   `REGIME_PRESETS`, `episodesOf`, `timeShares`, `transitionMatrix`.
 * - strategies: `defineStrategy` with steps (`whenRegimeKnown`, `weighByQuadrant`, `limitWeight`,
 *   `rebalanceOn`, …), `articleStrategy()`, the benchmarks, `runStrategy(strategy, { market, labels, panel }, options)`
 *   over `marketFromRoles(panel, roles)`; `result.toDataFrame()` needs the optional danfojs-node.
 * - metrics and statistics: `resultMetrics`, `computeMetrics`, `deflatedSharpe`, `pbo`, `stationaryBootstrap`, …
 * - the claims scorecard: `buildClaimContext`, `runScorecard`, `CLAIMS`.
 * - sweeps and robustness: `runSweep`, `runRobustness`, `loadGrid`, `permutationTest`, `walkForward`.
 * - reports: `buildReportFromInputs`, `renderReport` (HTML and PDF).
 */
export * from './datasets/index.ts';
export {
  fetchIntoCache,
  defaultCacheDir,
  type FetchIntoCacheOptions,
  type FetchSummary,
  type FetchItemResult,
  type FetchProgressEvent,
} from './datasets/live/index.ts';
export * from './engine/signals/index.ts';
export * from './engine/regimes/index.ts';
export * from './engine/backtest/index.ts';
export * from './engine/metrics/index.ts';
export * from './engine/stats/index.ts';
export * from './engine/analysis/index.ts';
export * from './engine/claims/index.ts';
export { quadrantVersion, dependencyVersion } from './engine/package-versions.ts';
export * from './strategies/index.ts';
export * from './strategies/robustness/index.ts';
export * from './reports/model.ts';
export * from './reports/escape.ts';
export * from './reports/format.ts';
export * from './reports/charts/index.ts';
export * from './reports/render/lazy.ts';
export * from './reports/sections/index.ts';
export { buildReportFromInputs, assembleReport, REPORT_TITLE, type ReportInputs, type ReportBuildOptions } from './reports/sections/report-from-inputs.ts';

// Names two layers both use: the regime engine's meaning wins; the other is renamed here.
export { QUADRANT_NAMES, type Quadrant, type EpisodeSummary } from './engine/regimes/index.ts';
/** 'Q1' … 'Q4': the keys of a playbook table. */
export type { Quadrant as QuadrantKey } from './strategies/index.ts';
/** An episode's summary in an episode comparison (`compareEpisodes`). */
export type { EpisodeSummary as EpisodeComparisonSummary } from './engine/analysis/index.ts';
/** Chart labels by label code: index 0 is "not yet known". */
export { QUADRANT_NAMES as QUADRANT_CHART_LABELS } from './reports/charts/index.ts';
