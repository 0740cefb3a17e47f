/**
 * Robustness: parameter sweeps over regime and rebalancing parameters, sensitivity tables, the
 * deflated Sharpe ratio, the probability of backtest overfitting, a block-permutation test of
 * the regime labels and walk-forward selection. It runs strategies, so it sits in this layer.
 */
export {
  MAX_GRID_CONFIGS,
  DEFAULT_COST_BPS,
  parseGrid,
  loadGrid,
  gridParameters,
  gridSize,
  regimeCombinations,
  regimeConfigOf,
  expandGrid,
  defaultValidateGrid,
  type RobustnessGrid,
  type RegimeDimension,
  type GridParameter,
  type GridConfig,
} from './grid.ts';
export { JOB_FIELDS, type JobField } from './jobs-core.ts';
export { runJobs, replayRows, type Job, type JobsInput, type JobsOptions, type JobsOutput } from './run-jobs.ts';
export { summaryLayout, summariseRow, summariseRows, summarySharpes, type RowSummaryLayout } from './row-summary.ts';
export { sensitivityTables, ALL_COLUMN, type SensitivityTable, type SensitivityFormat } from './sensitivity.ts';
export { deflatedBest, type DeflatedSharpeSummary } from './deflated-best.ts';
export { pboOf, pboBlocks, autoPartitions, PBO_BUDGET, type PboSummary } from './overfitting.ts';
export { permutationTest, shuffledLabelSets, type PermutationSummary } from './permutation.ts';
export { walkForward, yearStarts, type WalkForwardInput, type WalkForwardResult, type WalkForwardYear, type PathFigures } from './walk-forward.ts';
export {
  runRobustness,
  DEFAULT_ROBUSTNESS_SEED,
  DEFAULT_PERMUTATIONS,
  type RobustnessOptions,
  type RobustnessResult,
  type RobustnessPhase,
  type ConfigResult,
  type ReferenceResult,
} from './run-robustness.ts';
export { robustnessReportInput, type RobustnessReportInput } from './report-input.ts';
export {
  againstBenchmarks,
  simpleBenchmarks,
  SENSITIVITY_COSTS,
  SENSITIVITY_EXECUTIONS,
  type BenchmarkAnalysis,
  type BenchmarkAnalysisOptions,
  type BenchmarkRow,
  type SpaSummary,
  type DeflatedDifference,
  type SensitivityCell,
  type EpisodeTable,
  type Figures,
} from './against-benchmarks.ts';
export {
  randomRegimeDistribution,
  DEFAULT_SHUFFLES,
  type RandomRegimeDistribution,
  type RandomRegimeOptions,
  type Band,
} from './random-regime-distribution.ts';
