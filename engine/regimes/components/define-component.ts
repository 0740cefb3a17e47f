import type { Panel } from '../../../datasets/panel.ts';
import type { ComponentConfig } from '../types.ts';

/**
 * The parts of a ConfigView a component may read (structural, so that the config's own types
 * can be derived from the component definitions).
 */
export interface ConfigView {
  dollarSource: string;
  windows: Readonly<Record<string, number>>;
  reserves: { readonly redLine: number; readonly from: string };
}

/** The axis a component scores: liquidity (> 0 easing) or the dollar (> 0 strengthening). */
export type Axis = 'liquidity' | 'dollar';

/** A look-back window a component reads, as a field of `ConfigView.windows`. */
export interface WindowParam<K extends string = string> {
  key: K;
  unit: 'weeks' | 'months' | 'days';
  /** The value every preset starts from. */
  default: number;
  describe: string;
}

/** A raw series shown beside a component's signal (a level behind a change), with its units. */
export interface ContextSignal {
  name: string;
  units: string;
  compute(ctx: SignalContext): Float64Array;
}

/**
 * What a component's `compute` may read: the as-of panel columns (`col`), the dollar source's
 * column, the config, window lengths in panel rows, and a cache for arrays shared between
 * components (the dollar's momentum feeds both momentum and acceleration).
 */
export interface SignalContext {
  panel: Panel;
  config: ConfigView;
  /** An as-of panel column; DataError `series-missing` when the data lacks it. */
  col(id: string): Float64Array;
  /** The column of `config.dollarSource`. */
  dollar(): Float64Array;
  /** A window of `config.windows` in panel rows (weeks × 5, months × 21, days × 1). */
  rows(key: string): number;
  /** The array under `key`, made once per panel (keys must name everything the array depends on). */
  shared(key: string, make: () => Float64Array): Float64Array;
}

/**
 * One regime component, defined once: what it reads, its parameters, the units of its raw
 * signal, which way the signal points, and how it is computed. Lists of components, window
 * keys, units and config validation are all derived from these definitions
 * (`components/index.ts`).
 */
export interface ComponentDefinition<N extends string = string, W extends string = string> {
  name: N;
  axis: Axis;
  /** One sentence: what the component measures and why it belongs to its axis. */
  summary: string;
  /** Panel columns read (the dollar source is implied by `usesDollar`). */
  inputs: readonly string[];
  usesDollar?: boolean;
  /** Windows of `ConfigView.windows` read, declared here with their defaults. */
  windows: readonly WindowParam<W>[];
  /** Other config values the raw signal depends on (part of its cache key), e.g. the reserves red line. */
  settings?(config: ConfigView): readonly (string | number)[];
  /** The raw signal's name in outputs (may name its window: `walcl_change_13w`). */
  signalName(config: ConfigView): string;
  /** Units of the raw signal. */
  units: string;
  /** +1: a rising signal means easing (liquidity) or a stronger dollar; −1: the reverse. */
  orientation: 1 | -1;
  /** Normalisation and dead band when a preset or a config file does not set them (weight defaults to 0). */
  defaults: Omit<ComponentConfig, 'weight'>;
  /** ISO date before which the component scores 0 (e.g. the reserves red line applies from 2020). */
  zeroBefore?(config: ConfigView): string | undefined;
  /** Levels shown beside the signal in outputs (before it). */
  context?: readonly ContextSignal[];
  /**
   * The raw signal over the calendar, in `units`. Must read panel rows ≤ t only for day t
   * (the poisoned-future properties check every component).
   */
  compute(ctx: SignalContext): Float64Array;
}

/** Declares a component, keeping its name and window keys as literal types. */
export function defineComponent<const N extends string, const W extends string = never>(def: ComponentDefinition<N, W>): ComponentDefinition<N, W> {
  return def;
}
