import { ProblemList, quote, type SafeParse } from '../../datasets/problems.ts';
import { MAX_INPUT_DEPTH, tooDeepAt } from '../../datasets/input-limits.ts';
import { QuadrantError } from '../../datasets/errors.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { checkName } from '../name-rule.ts';
import { checkQuadrantTable, checkRoleWeights, type QuadrantTable, type RoleWeights } from '../quadrant-table.ts';

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

/** Longest `description`, in characters. */
export const MAX_DESCRIPTION_LENGTH = 2_000;

/** Checks a parsed strategy file into `problems`, each naming its field (`quadrants.Q2.us_smal`, `weights`, `rebalance`, …). */
export function checkStrategySpec(raw: unknown, problems: ProblemList): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.add('(file)', 'bad-config', 'a strategy file must hold one mapping (object)');
    return;
  }
  const deep = tooDeepAt(raw, MAX_INPUT_DEPTH);
  if (deep !== undefined) {
    problems.add(deep.length > 80 ? `${deep.slice(0, 80)}…` : deep, 'too-deep', `nests deeper than ${MAX_INPUT_DEPTH} levels`);
    return;
  }
  const o = raw as Record<string, unknown>;
  // Own keys only: `__proto__`, `constructor` or `toString` is an unknown field like any other.
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key))
      problems.add(key.length > 40 ? `${key.slice(0, 40)}…` : key, 'bad-config', `unknown field ${quote(key)} (known: ${KEYS.join(', ')})`);
  }
  const field = (key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
  if (field('name') !== undefined) checkName(field('name'), 'name', problems);
  for (const key of ['description', 'rebalance']) {
    const v = field(key);
    if (v !== undefined && typeof v !== 'string') problems.add(key, 'bad-config', `must be a string, got ${quote(v)}`);
  }
  const description = field('description');
  if (typeof description === 'string' && description.length > MAX_DESCRIPTION_LENGTH) {
    problems.add(
      'description',
      'too-large',
      `is ${description.length.toLocaleString('en-US')} characters long; at most ${MAX_DESCRIPTION_LENGTH.toLocaleString('en-US')}`,
    );
  }
  const allowShorts = field('allowShorts');
  if (allowShorts !== undefined && typeof allowShorts !== 'boolean')
    problems.add('allowShorts', 'bad-config', `must be true or false, got ${quote(allowShorts)}`);
  const shorts = allowShorts === true;
  const maxWeight = field('maxWeight');
  if (maxWeight !== undefined && !(typeof maxWeight === 'number' && maxWeight > 0 && maxWeight <= 1)) {
    problems.add('maxWeight', 'bad-config', `must be a number in (0, 1], got ${quote(maxWeight)}`);
  }
  const quadrants = field('quadrants');
  const weights = field('weights');
  if ((quadrants === undefined) === (weights === undefined)) {
    problems.add('quadrants', 'bad-config', 'give exactly one of "quadrants" (a playbook by quadrant) or "weights" (a fixed mix)');
  } else if (quadrants !== undefined) checkQuadrantTable(quadrants, 'quadrants', problems, shorts);
  else checkRoleWeights(weights, 'weights', problems, shorts);
  const rebalance = field('rebalance');
  if (typeof rebalance === 'string') {
    try {
      parseRebalanceRule(rebalance);
    } catch (err) {
      if (!(err instanceof QuadrantError)) throw err;
      problems.add('rebalance', 'bad-config', err.message);
    }
  }
}

/** The spec, or every problem found in it (at most MAX_PROBLEMS kept, the rest counted). */
export function safeParseStrategySpec(raw: unknown): SafeParse<StrategySpec> {
  const problems = new ProblemList();
  checkStrategySpec(raw, problems);
  return problems.result(() => raw as StrategySpec);
}

/** The spec. @throws ProblemsError naming `file`, carrying every problem found. */
export function parseStrategySpec(raw: unknown, file?: string): StrategySpec {
  const problems = new ProblemList();
  checkStrategySpec(raw, problems);
  problems.throwIfAny(file);
  return raw as StrategySpec;
}
