import type { Role } from '../datasets/catalog.ts';
import { ConfigError } from '../datasets/errors.ts';
import type { RebalanceRule } from '../engine/backtest/rebalance-rule.ts';
import type { DayContext } from './context.ts';

/**
 * The scratch a day's steps share: which roles are selected and their target weights, both
 * indexed by the market's role columns. Reset to zeros before each day.
 */
export interface StepState {
  readonly selected: Uint8Array;
  readonly weights: Float64Array;
}

/** What a step may know when a run starts: the layout, never the data. */
export interface StepSetup {
  readonly roles: readonly Role[];
  /** Column of a role, −1 when the market lacks it. */
  column(role: Role): number;
}

/**
 * One day's work of a step: read the pinned context, update the state, and return whether the
 * strategy goes on (false = no new target today; the previous one stays).
 */
export type StepFn = (ctx: DayContext, state: StepState) => boolean;

export type StepKind = 'when' | 'select' | 'weigh' | 'limit';

/**
 * A composable strategy step (the bt pattern, typed): `when` gates the day, `select` picks
 * roles, `weigh` sets weights summing to 1, `limit` caps them. `bind` runs once per run, so a
 * definition is reusable and each run has fresh state.
 */
export interface Step {
  readonly kind: StepKind;
  /** Readable description, e.g. `weighByQuadrant(article playbook)`. */
  readonly name: string;
  /** What the step reads and sets, for documentation. */
  readonly reads?: string;
  /** A weigh step whose weights follow the regime label (so shuffling the labels is a control of it). */
  readonly byRegime?: boolean;
  bind(setup: StepSetup): StepFn;
}

/** The `rebalance` step: not run daily; it sets the plan's trading rule. */
export interface RebalanceStep {
  readonly kind: 'rebalance';
  readonly name: string;
  readonly rule: RebalanceRule;
}

export type StrategyStep = Step | RebalanceStep;

/** A hook that replaces the regime labels a strategy sees (the random-regime control). */
export type LabelTransform = (labels: Uint8Array, calendar: Int32Array) => Uint8Array;

/** A strategy: a name and its steps, read top to bottom like a sentence. */
export interface Strategy {
  readonly name: string;
  readonly description?: string;
  readonly steps: readonly StrategyStep[];
  /** Negative weights are intended (otherwise they are an error). */
  readonly allowShorts?: boolean;
  /** Replaces the labels before the run (controls only: may use the whole sample). */
  readonly labels?: LabelTransform;
  /**
   * The file spec it was built from (strategy files only): `quadrant run` keeps it in its
   * bundle, so the run's report rebuilds the strategy without the file.
   */
  readonly spec?: unknown;
}

/**
 * Defines a strategy, checking its shape: at most one `rebalance` step, at least one `weigh`.
 *
 * @throws ConfigError naming `steps` when there are two rebalance steps or no weigh step.
 * @example
 * defineStrategy({ name: '60-40', steps: [weighFixed({ us_large: 0.6, treasuries: 0.4 }), rebalanceOn('monthly')] });
 */
export function defineStrategy(strategy: Strategy): Strategy {
  const rebalances = strategy.steps.filter((s) => s.kind === 'rebalance').length;
  if (rebalances > 1)
    throw new ConfigError('bad-config', `strategy "${strategy.name}" has ${rebalances} rebalance steps`, {
      field: 'steps',
      hint: 'combine rules in one step with +, e.g. regime+monthly',
    });
  if (!strategy.steps.some((s) => s.kind === 'weigh'))
    throw new ConfigError('bad-config', `strategy "${strategy.name}" has no weigh step`, {
      field: 'steps',
      hint: 'add weighFixed, weighEqually, weighByQuadrant, …',
    });
  return Object.freeze({ ...strategy, steps: Object.freeze([...strategy.steps]) });
}

/** The strategy as one line: its steps' names joined by arrows. */
export function describeStrategy(strategy: Strategy): string {
  return strategy.steps.map((s) => s.name).join(' → ');
}

/** Whether any of a strategy's weights follow the regime label: what the random-regime control tests. */
export function weighsByRegime(strategy: Strategy): boolean {
  return strategy.steps.some((s) => s.kind === 'weigh' && s.byRegime === true);
}
