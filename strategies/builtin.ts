import { ConfigError } from '../datasets/errors.ts';
import { articleStrategy, articleUnconditionalStrategy } from './article.ts';
import { equalWeight, randomRegime, riskParity, sixtyForty, usLargeBuyAndHold, RANDOM_REGIME_SEED } from './benchmarks.ts';
import { loadStrategyFile } from './spec/load-strategy-file.ts';
import type { Strategy } from './step.ts';

/** Names `--strategy` answers to without a file. */
export const BUILTIN_STRATEGIES = ['article', 'article-unconditional', 'us-large', '60-40', 'equal-weight', 'risk-parity', 'random-regime'] as const;
export type BuiltinStrategy = (typeof BUILTIN_STRATEGIES)[number];

/** A built-in strategy by name (`seed` for the random-regime control). */
export function builtinStrategy(name: BuiltinStrategy, options: { seed?: number } = {}): Strategy {
  switch (name) {
    case 'article':
      return articleStrategy();
    case 'article-unconditional':
      return articleUnconditionalStrategy();
    case 'us-large':
      return usLargeBuyAndHold();
    case '60-40':
      return sixtyForty();
    case 'equal-weight':
      return equalWeight();
    case 'risk-parity':
      return riskParity();
    case 'random-regime':
      return randomRegime(options.seed ?? RANDOM_REGIME_SEED);
  }
}

/**
 * A built-in name, else a strategy file (.json, .yaml, .yml).
 *
 * @throws ConfigError naming `strategy` for an unknown name that is not a file either.
 */
export function resolveStrategy(nameOrFile: string, options: { seed?: number } = {}): Strategy {
  if ((BUILTIN_STRATEGIES as readonly string[]).includes(nameOrFile)) return builtinStrategy(nameOrFile as BuiltinStrategy, options);
  if (!/\.(json|ya?ml)$/i.test(nameOrFile)) {
    throw new ConfigError('bad-config', `unknown strategy "${nameOrFile}"`, {
      field: 'strategy',
      hint: `built-in: ${BUILTIN_STRATEGIES.join(', ')}; or a .json/.yaml file`,
    });
  }
  return loadStrategyFile(nameOrFile);
}

/** The benchmarks a strategy is printed against: buy-and-hold, 60/40, equal weight, risk parity, and the random-regime control. */
export function benchmarkStrategies(options: { seed?: number } = {}): Strategy[] {
  return [usLargeBuyAndHold(), sixtyForty(), equalWeight(), riskParity(), randomRegime(options.seed ?? RANDOM_REGIME_SEED)];
}
