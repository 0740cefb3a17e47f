/**
 * Per-regime analytics: statistics of daily returns by quadrant (with Newey–West t-statistics
 * and stationary-bootstrap intervals), relative tables, conditional forward-return tables for
 * the liquidity watch-list, and the named-episode comparison.
 */
export { DEFAULT_LEVEL, DEFAULT_REPS, DEFAULT_SEED, MIN_BOOTSTRAP_DAYS } from './defaults.ts';
export { EPISODE_MIN_DAYS, checkWindow, countDays, countRuns, countSpells, fullWindow, gather, maskIndices, navFromReturns, regimeMask } from './day-masks.ts';
export type { DayWindow } from './day-masks.ts';
export { basketReturns, differenceReturns } from './basket.ts';
export { bootstrapBlockLength } from './block-length.ts';
export { meanInference } from './mean-inference.ts';
export type { InferenceOptions, MeanInference } from './mean-inference.ts';
export { regimeStats, regimeTable } from './regime-stats.ts';
export type { NamedReturns, RegimeStatsOptions, RegimeStatsRow } from './regime-stats.ts';
export { RELATIVE_PAIRS, pairReturns, relativeTable } from './relative-tables.ts';
export type { RelativePair, RelativeRow } from './relative-tables.ts';
export { forwardDrawdowns, forwardReturns } from './forward-returns.ts';
export { groupMeanDifference, overlapLags } from './group-difference.ts';
export type { GroupDifference } from './group-difference.ts';
export { RESERVES_RED_LINE, panelNetLiquidity, thresholdCodes, trailingTerciles } from './liquidity-signals.ts';
export { NET_LIQUIDITY_CHANGE_DAYS, TERCILE_MIN_HISTORY, TERCILE_WINDOW, netLiquidityTercileCondition, reservesCondition } from './liquidity-conditions.ts';
export { conditionalTable } from './conditional-tables.ts';
export type { ConditionSpec, ConditionalOptions, ConditionalRow } from './conditional-tables.ts';
export { EPISODES, episodeFromRange, resolveEpisode } from './episodes-catalog.ts';
export type { EpisodeSpan, NamedEpisode } from './episodes-catalog.ts';
export { compareEpisodes } from './episode-compare.ts';
export type { EpisodeComparison, EpisodeInput, EpisodeReturn, EpisodeSegment, EpisodeSignal, EpisodeSummary, EventPath, PathMode } from './episode-compare.ts';
