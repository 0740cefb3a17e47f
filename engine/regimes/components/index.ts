/**
 * The registry of regime components. Each is defined once in its own file (inputs, windows,
 * units, orientation, compute); everything else (the component lists per axis, window keys and
 * their defaults, signal units, the columns to load, config validation) is derived from the
 * list below. Adding a component: write its file with defineComponent and add it here.
 */
import { balanceSheet } from './balance-sheet.ts';
import type { Axis, ComponentDefinition, WindowParam } from './define-component.ts';
import { dollarAcceleration } from './dollar-acceleration.ts';
import { dollarMomentum } from './dollar-momentum.ts';
import { dollarTrend } from './dollar-trend.ts';
import { netLiquidity } from './net-liquidity.ts';
import { policyRate } from './policy-rate.ts';
import { policySurprise } from './policy-surprise.ts';
import { policyVsMarket } from './policy-vs-market.ts';
import { rateExpectations } from './rate-expectations.ts';
import { reserves } from './reserves.ts';
import { reservesChange } from './reserves-change.ts';

/** Every component, in output order: liquidity first, then the dollar. */
export const REGIME_COMPONENTS = [
  balanceSheet,
  netLiquidity,
  reserves,
  reservesChange,
  policyRate,
  rateExpectations,
  policyVsMarket,
  policySurprise,
  dollarMomentum,
  dollarTrend,
  dollarAcceleration,
] as const;

type Defs = (typeof REGIME_COMPONENTS)[number];
type WindowKeyOf<D> = D extends ComponentDefinition<string, infer W> ? W : never;
export type ComponentName = Defs['name'];
export type WindowKey = WindowKeyOf<Defs>;

const byName = new Map<string, ComponentDefinition>(REGIME_COMPONENTS.map((d) => [d.name, d as ComponentDefinition]));

/** The definition of a component by name (undefined for an unknown name). */
export function componentDefinition(name: string): ComponentDefinition | undefined {
  return byName.get(name);
}

export const COMPONENTS: readonly ComponentName[] = REGIME_COMPONENTS.map((d) => d.name);
const onAxis = (axis: Axis) => REGIME_COMPONENTS.filter((d) => d.axis === axis).map((d) => d.name);
/** Components of the first axis (Fed liquidity); each scores > 0 for easing. */
export const LIQUIDITY_COMPONENTS: readonly ComponentName[] = onAxis('liquidity');
/** Components of the second axis (US dollar); each scores > 0 for strengthening. */
export const DOLLAR_COMPONENTS: readonly ComponentName[] = onAxis('dollar');

/** Every window any component reads, once (components sharing a window must agree on it). */
export const WINDOW_PARAMS: readonly WindowParam<WindowKey>[] = (() => {
  const seen = new Map<string, WindowParam>();
  for (const d of REGIME_COMPONENTS as readonly ComponentDefinition[]) {
    for (const w of d.windows) {
      const prior = seen.get(w.key);
      if (prior && (prior.unit !== w.unit || prior.default !== w.default)) {
        throw new Error(`regime components disagree on window ${w.key}: ${prior.unit} ${prior.default} against ${w.unit} ${w.default} in ${d.name}`);
      }
      if (!prior) seen.set(w.key, w);
    }
  }
  return [...seen.values()] as WindowParam<WindowKey>[];
})();

export const WINDOW_KEYS: readonly WindowKey[] = WINDOW_PARAMS.map((w) => w.key);

/** The default of every window. */
export const DEFAULT_WINDOWS = Object.fromEntries(WINDOW_PARAMS.map((w) => [w.key, w.default])) as Record<WindowKey, number>;

/** The panel columns the components read (besides the dollar source). */
/** The panel columns the regime engine reads; DTS_TGA (the daily TGA) is read only where the data has it. */
export const REGIME_INPUTS: readonly string[] = [...new Set([...REGIME_COMPONENTS.flatMap((d) => d.inputs), 'DTS_TGA'])];

export type { Axis, ComponentDefinition, ContextSignal, SignalContext, WindowParam } from './define-component.ts';
export { defineComponent } from './define-component.ts';
