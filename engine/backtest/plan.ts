import type { Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { ruleTriggers } from './calendar-triggers.ts';
import type { Market } from './market.ts';
import type { RebalanceRule } from './rebalance-rule.ts';

/**
 * A strategy's decisions, reduced to what the replay loop needs: distinct target-weight rows
 * and, per day, which row the strategy wants at that day's close and whether to trade.
 *
 * - `rows`: k × R target weights (one row per distinct target), each summing to 1; the replay
 *   scales them by the leverage setting.
 * - `index[t]`: the row wanted at the close of day t (decided with data ≤ t), −1 before the
 *   strategy has a target.
 * - `trigger[t] = 1`: the rule's calendar or regime part asks to trade on the decision at t.
 * - `onChange`: also trade when `index[t]` differs from the row last traded.
 * - `driftBand`: also trade when any weight is more than this far from its target (0 = off).
 *
 * A pure regime table is k = 5 rows (row = label) and needs no per-day work at all.
 */
export interface Plan {
  readonly rows: Float64Array;
  readonly index: Int32Array;
  readonly trigger: Uint8Array;
  readonly onChange: boolean;
  readonly driftBand: number;
  /** The rule's text, for manifests. */
  readonly rule: string;
}

/**
 * A plan from a quadrant table: row q of `table` (q = 1..4, row 0 unused) is the target while
 * label q is in force; label 0 (warm-up) keeps the previous target (none at first).
 *
 * @param table 5 × R weights, row-major, rows 1..4 for Q1..Q4.
 * @param labels one label per calendar day, known at that day's close.
 * @param trigger the rule's triggers when already computed (sweeps share them across configs).
 */
export function planFromTable(table: Float64Array, labels: Uint8Array, rule: RebalanceRule, calendar: Int32Array, trigger?: Uint8Array): Plan {
  const n = calendar.length;
  if (labels.length !== n) throw new ConfigError('bad-config', `labels must be as long as the calendar (${n}), got ${labels.length}`, { field: 'labels' });
  const index = new Int32Array(n);
  const used = new Uint8Array(5);
  let last = -1;
  for (let t = 0; t < n; t++) {
    const q = labels[t];
    if (q > 4) throw new ConfigError('bad-config', `label ${q} on ${isoDay(calendar[t])} is not 0..4`, { field: 'labels', date: isoDay(calendar[t]) });
    if (q !== 0) last = q;
    index[t] = last;
    used[q] = 1;
  }
  // The rows the index uses are known here: validatePlan need not walk it again.
  used[0] = 0;
  let max = -1;
  for (let q = 1; q <= 4; q++) if (used[q]) max = q;
  usedRowsOf.set(index, { max, used: used.subarray(0, max + 1) });
  return { rows: table, index, trigger: trigger ?? ruleTriggers(rule, calendar, labels), onChange: rule.change, driftBand: rule.drift, rule: rule.text };
}

/** A plan holding one fixed target from day 0 (buy and hold with `never`, or a rebalanced mix). */
export function planFromWeights(weights: Float64Array, rule: RebalanceRule, calendar: Int32Array, labels?: Uint8Array): Plan {
  const index = new Int32Array(calendar.length);
  return { rows: weights, index, trigger: ruleTriggers(rule, calendar, labels), onChange: rule.change, driftBand: rule.drift, rule: rule.text };
}

/**
 * Checks a plan against a market before a replay: shapes, finite weights, each used row
 * summing to 1 (to 1e-9), and no negative weight unless shorts are allowed.
 *
 * @throws ConfigError naming the field (`plan.rows[i].role`) and what to do.
 */
export function validatePlan(plan: Plan, market: Market, allowShorts: boolean): void {
  const R = market.roles.length;
  const n = market.calendar.length;
  if (plan.rows.length % R !== 0)
    throw new ConfigError('bad-config', `plan rows must be a multiple of R = ${R} long, got ${plan.rows.length}`, { field: 'plan.rows' });
  if (plan.index.length !== n || plan.trigger.length !== n)
    throw new ConfigError('bad-config', `plan index and trigger must be as long as the calendar (${n})`, { field: 'plan.index' });
  if (!(plan.driftBand >= 0 && plan.driftBand < 1))
    throw new ConfigError('bad-config', `drift band must be in [0, 1), got ${plan.driftBand}`, { field: 'rebalance' });
  const k = plan.rows.length / R;
  const used = rowsUsed(plan.index, k, market.calendar);
  for (let i = 0; i < k; i++) {
    if (!used[i]) continue;
    let sum = 0;
    for (let j = 0; j < R; j++) {
      const w = plan.rows[i * R + j];
      const role: Role = market.roles[j];
      if (!Number.isFinite(w)) throw new ConfigError('bad-config', `target weight of ${role} is ${w}`, { field: `plan.rows[${i}].${role}` });
      if (w < 0 && !allowShorts) {
        throw new ConfigError('bad-weights', `negative weight ${w} for ${role} without shorts`, {
          field: `plan.rows[${i}].${role}`,
          hint: 'allow shorts explicitly (allowShorts / --allow-shorts) or use weights ≥ 0',
        });
      }
      sum += w;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new ConfigError('bad-weights', `target weights sum to ${sum}, not 1`, {
        field: `plan.rows[${i}]`,
        hint: 'weights are fractions of equity; leverage is a separate setting',
      });
    }
  }
}

/** Per index array (plans are not changed once made): the highest row it uses and which rows. */
const usedRowsOf = new WeakMap<Int32Array, { max: number; used: Uint8Array }>();

/**
 * Which of k rows `index` uses. A sweep hands one index to thousands of replays: it is
 * walked once and remembered.
 *
 * @throws ConfigError naming the day of an index outside −1 … k − 1.
 */
function rowsUsed(index: Int32Array, k: number, calendar: Int32Array): Uint8Array {
  let seen = usedRowsOf.get(index);
  if (!seen) {
    let max = -1;
    for (let t = 0; t < index.length; t++) {
      const i = index[t];
      if (i < -1) throw new ConfigError('bad-config', `plan index ${i} on ${isoDay(calendar[t])} is below -1`, { field: 'plan.index' });
      if (i > max) max = i;
    }
    const used = new Uint8Array(max + 1);
    for (let t = 0; t < index.length; t++) if (index[t] >= 0) used[index[t]] = 1;
    seen = { max, used };
    usedRowsOf.set(index, seen);
  }
  if (seen.max >= k) {
    const t = index.indexOf(seen.max);
    throw new ConfigError('bad-config', `plan index ${seen.max} on ${isoDay(calendar[t])} is outside 0..${k - 1}`, { field: 'plan.index' });
  }
  const used = new Uint8Array(k);
  used.set(seen.used);
  return used;
}
