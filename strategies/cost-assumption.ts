import { ConfigError } from '../datasets/errors.ts';
import { EXECUTIONS, type Execution } from '../engine/backtest/options.ts';
import type { Plan } from '../engine/backtest/plan.ts';

/**
 * When a strategy's orders fill: the replay's own executions, plus `lag-2`, decisions one
 * trading day later than `next-close` (the order decided at close t fills at close t+2), for
 * a desk that needs a day to act on a label.
 */
export type StrategyExecution = Execution | 'lag-2';
export const STRATEGY_EXECUTIONS: readonly StrategyExecution[] = [...EXECUTIONS, 'lag-2'];

/** The cost every command charges unless told otherwise: basis points of the value traded. */
export const DEFAULT_COST_BPS = 5;
export const DEFAULT_EXECUTION: StrategyExecution = 'next-close';

/** The one cost and execution assumption behind every replayed figure of a command's output. */
export interface CostAssumption {
  costBps: number;
  execution: StrategyExecution;
}

export const DEFAULT_ASSUMPTION: CostAssumption = { costBps: DEFAULT_COST_BPS, execution: DEFAULT_EXECUTION };

/**
 * Checks a cost assumption (from `--cost-bps` and `--execution`).
 *
 * @throws ConfigError naming the option `cost-bps` (negative, non-finite or above 10,000) or `execution`.
 */
export function costAssumption(costBps: number = DEFAULT_COST_BPS, execution: string = DEFAULT_EXECUTION): CostAssumption {
  if (!(Number.isFinite(costBps) && costBps >= 0 && costBps <= 10_000)) throw new ConfigError('bad-argument', `--cost-bps must be a number from 0 to 10000, got ${costBps}`, { option: 'cost-bps' });
  if (!(STRATEGY_EXECUTIONS as readonly string[]).includes(execution)) {
    throw new ConfigError('bad-argument', `unknown execution "${execution}"`, { option: 'execution', hint: STRATEGY_EXECUTIONS.join(' | ') });
  }
  return { costBps, execution: execution as StrategyExecution };
}

const EXECUTION_WORDS: Record<StrategyExecution, string> = {
  'next-close': 'decided at each close, filled at the next close',
  'next-open': 'decided at each close, filled at the next open',
  'same-close': 'filled at the close that decided them (LOOK-AHEAD-PRONE)',
  'lag-2': 'decided at each close, filled two closes later (a day to act)',
};

/** The assumption in one line, e.g. "costs 5 bps of the value traded; orders decided at each close, filled at the next close". */
export function describeAssumption(a: CostAssumption): string {
  return `costs ${a.costBps} bps of the value traded; orders ${EXECUTION_WORDS[a.execution]}`;
}

/** The assumption as JSON (`assumptions` in every command's JSON output). */
export function assumptionJson(a: CostAssumption): { costBps: number; execution: StrategyExecution; description: string } {
  return { costBps: a.costBps, execution: a.execution, description: describeAssumption(a) };
}

/** The replay's execution and the decision delay (days) that give a strategy execution. */
export function replayExecution(execution: StrategyExecution): { execution: Execution; delay: number } {
  return execution === 'lag-2' ? { execution: 'next-close', delay: 1 } : { execution, delay: 0 };
}

/**
 * A plan whose decisions come `days` trading days later: the target and trigger of day t are
 * those of day t − days (no target and no trigger for the first `days` days). Replayed at the
 * next close, a delay of 1 fills the decision of close t at close t + 2. Uses nothing after t,
 * so it adds no look-ahead.
 */
export function delayPlan(plan: Plan, days: number): Plan {
  if (!Number.isInteger(days) || days < 0) throw new ConfigError('bad-config', `delay must be a whole number of days ≥ 0, got ${days}`, { field: 'execution' });
  if (days === 0) return plan;
  const n = plan.index.length;
  const index = new Int32Array(n).fill(-1);
  const trigger = new Uint8Array(n);
  for (let t = days; t < n; t++) {
    index[t] = plan.index[t - days];
    trigger[t] = plan.trigger[t - days];
  }
  return { ...plan, index, trigger };
}
