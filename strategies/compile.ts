import type { Role } from '../datasets/catalog.ts';
import { isoDay } from '../datasets/day.ts';
import { ConfigError } from '../datasets/errors.ts';
import { ruleTriggers } from '../engine/backtest/calendar-triggers.ts';
import type { Plan } from '../engine/backtest/plan.ts';
import { parseRebalanceRule, type RebalanceRule } from '../engine/backtest/rebalance-rule.ts';
import { createPinnedContext, type StrategyEnv } from './context.ts';
import type { Step, StepFn, StepSetup, Strategy } from './step.ts';

/** How many recent distinct rows a new target is compared with before it gets a row of its own. */
const RECENT_ROWS = 16;

/** The rule a strategy uses when it has no rebalance step: trade when the target changes. */
export const DEFAULT_RULE = 'change';

/** The rule a strategy trades on: `override` (e.g. --rebalance), else its rebalance step, else `change`. */
export function strategyRule(strategy: Strategy, override?: string | RebalanceRule): RebalanceRule {
  if (override !== undefined) return typeof override === 'string' ? parseRebalanceRule(override) : override;
  const step = strategy.steps.find((s) => s.kind === 'rebalance');
  return step && step.kind === 'rebalance' ? step.rule : parseRebalanceRule(DEFAULT_RULE);
}

/** The labels a strategy sees: its own transform of the env's labels (the control), else the env's. */
export function strategyLabels(strategy: Strategy, env: StrategyEnv): Uint8Array | undefined {
  return strategy.labels && env.labels ? strategy.labels(env.labels, env.market.calendar) : env.labels;
}

/**
 * Runs a strategy's steps day by day into a {@link Plan}. On each calendar day t the steps see
 * only a context pinned to t (data at t and before) and a fresh state; when every step goes on,
 * the day's weights become the target at t's close (the row of equal weights among the 16 most
 * recent distinct rows, else a new row, so a regime table compiles to at most four rows); when a
 * step stops, the previous target stays. Days before the first
 * target have index −1.
 *
 * Each row is checked: finite, no negative weight unless the strategy allows shorts, and a sum
 * of 1 (to 1e-9).
 *
 * @throws ConfigError naming the step and the day when a row is not valid.
 */
export function compileStrategy(strategy: Strategy, env: StrategyEnv, options: { rebalance?: string | RebalanceRule } = {}): Plan {
  const market = env.market;
  const R = market.roles.length;
  const n = market.calendar.length;
  const labels = strategyLabels(strategy, env);
  const rule = strategyRule(strategy, options.rebalance);
  const setup: StepSetup = { roles: market.roles, column: (role: Role) => market.roles.indexOf(role) };
  const daily = strategy.steps.filter((s): s is Step => s.kind !== 'rebalance');
  const fns: StepFn[] = daily.map((s) => s.bind(setup));
  const weigher = [...daily].reverse().find((s) => s.kind === 'weigh' || s.kind === 'limit')?.name ?? strategy.name;
  const { ctx, moveTo } = createPinnedContext({ ...env, labels });
  const state = { selected: new Uint8Array(R), weights: new Float64Array(R) };

  let rows = new Float64Array(8 * R);
  let count = 0;
  const index = new Int32Array(n);
  let last = -1;
  for (let t = 0; t < n; t++) {
    moveTo(t);
    state.selected.fill(0);
    state.weights.fill(0);
    let go = true;
    for (let j = 0; j < fns.length && go; j++) go = fns[j](ctx, state);
    if (go && !(last >= 0 && sameRow(rows, last * R, state.weights))) {
      // A regime table returns to earlier rows: look among the recent distinct ones first.
      let found = -1;
      for (let j = count - 1; j >= 0 && j >= count - RECENT_ROWS; j--) {
        if (sameRow(rows, j * R, state.weights)) {
          found = j;
          break;
        }
      }
      if (found >= 0) last = found;
      else {
        checkRow(state.weights, market.roles, strategy, weigher, market.calendar[t]);
        if ((count + 1) * R > rows.length) {
          const grown = new Float64Array(rows.length * 2);
          grown.set(rows);
          rows = grown;
        }
        rows.set(state.weights, count * R);
        last = count++;
      }
    }
    index[t] = last;
  }
  return {
    rows: rows.slice(0, count * R),
    index,
    trigger: ruleTriggers(rule, market.calendar, labels),
    onChange: rule.change,
    driftBand: rule.drift,
    rule: rule.text,
  };
}

function sameRow(rows: Float64Array, off: number, w: Float64Array): boolean {
  for (let k = 0; k < w.length; k++) if (rows[off + k] !== w[k]) return false;
  return true;
}

function checkRow(w: Float64Array, roles: readonly Role[], strategy: Strategy, step: string, day: number): void {
  let sum = 0;
  for (let k = 0; k < w.length; k++) {
    const where = { field: `${strategy.name}: ${step}`, date: isoDay(day) };
    if (!Number.isFinite(w[k])) throw new ConfigError('bad-weights', `weight of ${roles[k]} is ${w[k]} on ${isoDay(day)}`, where);
    if (w[k] < 0 && !strategy.allowShorts) {
      throw new ConfigError('bad-weights', `negative weight ${w[k]} for ${roles[k]} on ${isoDay(day)} without shorts`, {
        ...where,
        hint: 'set allowShorts on the strategy',
      });
    }
    sum += w[k];
  }
  if (Math.abs(sum - 1) > 1e-9)
    throw new ConfigError('bad-weights', `weights sum to ${sum} on ${isoDay(day)}, not 1`, { field: `${strategy.name}: ${step}`, date: isoDay(day) });
}
