import type { RebalanceRule } from '../engine/backtest/rebalance-rule.ts';
import type { ReplayOptions } from '../engine/backtest/options.ts';
import { replay } from '../engine/backtest/replay.ts';
import type { ReplayBuffers } from '../engine/backtest/replay-buffers.ts';
import type { BacktestResult } from '../engine/backtest/result.ts';
import { compileStrategy } from './compile.ts';
import { delayPlan, replayExecution, type StrategyExecution } from './cost-assumption.ts';
import type { StrategyEnv } from './context.ts';
import type { Strategy } from './step.ts';

export interface RunStrategyOptions extends Omit<ReplayOptions, 'execution'> {
  /** The replay's executions, or `lag-2`: the plan's decisions one day later, filled at the next close. */
  execution?: StrategyExecution;
  /** Replaces the strategy's own rebalance rule. */
  rebalance?: string | RebalanceRule;
}

/**
 * Compiles a strategy on an environment and replays it: the TypeScript API's one call.
 * Shorts are allowed when the options say so, else when the strategy declares them.
 *
 * @example
 * const market = marketFromRoles(panel, buildRoles(panel));
 * const result = runStrategy(articleStrategy(), { market, labels }, { start, costs: { bps: 5 } });
 */
export function runStrategy(strategy: Strategy, env: StrategyEnv, options: RunStrategyOptions = {}, buffers?: ReplayBuffers): BacktestResult {
  const { rebalance, execution: wanted, ...replayOptions } = options;
  const { execution, delay } = replayExecution(wanted ?? 'next-close');
  const plan = delayPlan(compileStrategy(strategy, env, { rebalance }), delay);
  return replay(
    env.market,
    plan,
    { ...replayOptions, execution, name: options.name ?? strategy.name, allowShorts: options.allowShorts ?? strategy.allowShorts ?? false },
    buffers,
  );
}
