import type { ConfigIssue, QuadrantTable, RoleWeights } from '../quadrant-table.ts';
import { checkQuadrantTable, checkRoleWeights } from '../quadrant-table.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { QuadrantError } from '../../datasets/errors.ts';

/**
 * A user strategy as written in a JSON or YAML file. Exactly one of `quadrants` (a regime
 * playbook: Q1..Q4 → role weights) or `weights` (one fixed mix).
 *
 * ```yaml
 * name: my-playbook
 * quadrants:
 *   Q1: { us_large: 0.5, emerging: 0.5 }
 *   Q2: { us_large: 0.4, us_small: 0.6 }
 *   Q3: { non_us_developed: 0.5, gold: 0.5 }
 *   Q4: { cash: 1 }
 * rebalance: regime+drift:0.05
 * maxWeight: 0.6
 * ```
 */
export interface StrategySpec {
  name?: string;
  description?: string;
  quadrants?: QuadrantTable;
  weights?: RoleWeights;
  /** Default: `regime+monthly` for a playbook, `monthly` for fixed weights. */
  rebalance?: string;
  /** Caps every role but cash; the excess goes to cash. */
  maxWeight?: number;
  allowShorts?: boolean;
}

const KEYS = ['name', 'description', 'quadrants', 'weights', 'rebalance', 'maxWeight', 'allowShorts'];

/**
 * Validates a parsed strategy file. Returns every problem found, each naming its field
 * (`quadrants.Q2.us_smal`, `weights`, `rebalance`, …); an empty list means it is valid.
 */
export function checkStrategySpec(raw: unknown): { ok: true; spec: StrategySpec } | { ok: false; issues: ConfigIssue[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ field: '(file)', message: 'a strategy file must hold one mapping (object)', code: 'bad-config' }] };
  }
  const o = raw as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) issues.push({ field: key, message: `unknown field (known: ${KEYS.join(', ')})`, code: 'bad-config' });
  }
  for (const key of ['name', 'description', 'rebalance']) {
    if (o[key] !== undefined && typeof o[key] !== 'string') issues.push({ field: key, message: `must be a string, got ${JSON.stringify(o[key])}`, code: 'bad-config' });
  }
  if (typeof o.name === 'string' && !/^[A-Za-z0-9][\w.-]*$/.test(o.name)) issues.push({ field: 'name', message: 'letters, digits, "-", "_" and "." only', code: 'bad-config' });
  if (o.allowShorts !== undefined && typeof o.allowShorts !== 'boolean') issues.push({ field: 'allowShorts', message: 'must be true or false', code: 'bad-config' });
  const shorts = o.allowShorts === true;
  if (o.maxWeight !== undefined && !(typeof o.maxWeight === 'number' && o.maxWeight > 0 && o.maxWeight <= 1)) {
    issues.push({ field: 'maxWeight', message: `must be a number in (0, 1], got ${JSON.stringify(o.maxWeight)}`, code: 'bad-config' });
  }
  if ((o.quadrants === undefined) === (o.weights === undefined)) {
    issues.push({ field: 'quadrants', message: 'give exactly one of "quadrants" (a playbook by quadrant) or "weights" (a fixed mix)', code: 'bad-config' });
  } else if (o.quadrants !== undefined) issues.push(...checkQuadrantTable(o.quadrants, 'quadrants', shorts));
  else issues.push(...checkRoleWeights(o.weights, 'weights', shorts));
  if (typeof o.rebalance === 'string') {
    try {
      parseRebalanceRule(o.rebalance);
    } catch (err) {
      if (!(err instanceof QuadrantError)) throw err;
      issues.push({ field: 'rebalance', message: err.message, code: 'bad-config' });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, spec: o as StrategySpec };
}
