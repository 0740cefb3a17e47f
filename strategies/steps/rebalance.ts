import { parseRebalanceRule, type RebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import type { RebalanceStep } from '../step.ts';

/**
 * `rebalanceOn(rule)`: when the strategy trades, e.g. `regime`, `monthly`, `regime+drift:0.05`,
 * `never` (buy and hold). See parseRebalanceRule for the terms.
 *
 * @throws ConfigError naming `rebalance` for a malformed rule.
 */
export function rebalanceOn(rule: string | RebalanceRule): RebalanceStep {
  const parsed = typeof rule === 'string' ? parseRebalanceRule(rule) : rule;
  return { kind: 'rebalance', name: `rebalanceOn(${parsed.text})`, rule: parsed };
}
