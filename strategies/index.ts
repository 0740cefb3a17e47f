/**
 * Strategies: composable typed steps (when / select / weigh / limit / rebalance), the
 * article's playbook, the benchmarks, and user strategy files.
 */
export * from './context.ts';
export * from './step.ts';
export * from './quadrant-table.ts';
export * from './steps/index.ts';
export { compileStrategy, strategyRule, strategyLabels, DEFAULT_RULE } from './compile.ts';
export { ARTICLE_PLAYBOOK, ARTICLE_Q2_STEADY, ARTICLE_RULE, articleStrategy, articleUnconditionalStrategy } from './article.ts';
export { usLargeBuyAndHold, sixtyForty, equalWeight, riskParity, randomRegime, RANDOM_REGIME_SEED, RISK_PARITY_LOOKBACK } from './benchmarks.ts';
export { blockShuffleLabels, shuffleBlocks, type ShuffleBlocks } from './block-shuffle.ts';
export { runStrategy, type RunStrategyOptions } from './run-strategy.ts';
export { BUILTIN_STRATEGIES, builtinStrategy, resolveStrategy, benchmarkStrategies, type BuiltinStrategy } from './builtin.ts';
export * from './spec/index.ts';
export * from './cost-assumption.ts';
