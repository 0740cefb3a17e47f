import type { Role } from '../datasets/catalog.ts';
import type { Day } from '../datasets/day.ts';
import { ConfigError } from '../datasets/errors.ts';
import type { Panel } from '../datasets/panel.ts';
import type { Market } from '../engine/backtest/market.ts';

/**
 * What a strategy step may read on day t: data at t and before, never after. Every accessor
 * takes `back`, a non-negative whole number of trading days to look back (0 = today's close);
 * a negative `back` (a peek at the future) throws. Reads before the first day give NaN (or
 * label 0). The context is pinned: steps cannot move it.
 */
export interface DayContext {
  /** Calendar index of the decision day. */
  readonly t: number;
  /** The decision day. */
  readonly day: Day;
  readonly roles: readonly Role[];
  /** Regime label (0 warm-up, 1..4 = Q1..Q4) known at the close `back` days ago. */
  label(back?: number): number;
  /** Role column k's simple return from close t−back−1 to close t−back. */
  roleReturn(k: number, back?: number): number;
  /** Whether role column k traded its preferred instrument on day t−back (not a fall-back). */
  usesPreferred(k: number, back?: number): boolean;
  /** A panel column (macro id or ticker), as-of value at t−back; needs the panel. */
  column(id: string, back?: number): number;
}

/** What a strategy runs on: the market, regime labels (calendar length) and, optionally, the panel. */
export interface StrategyEnv {
  market: Market;
  labels?: Uint8Array;
  panel?: Panel;
}

/**
 * A context pinned to one day and the only handle that moves it (kept by the compiler).
 */
export function createPinnedContext(env: StrategyEnv): { ctx: DayContext; moveTo: (t: number) => void } {
  const { market, labels, panel } = env;
  const R = market.roles.length;
  let t = 0;
  const at = (back: number | undefined, what: string): number => {
    const b = back ?? 0;
    if (!(b >= 0) || !Number.isInteger(b)) {
      throw new ConfigError('bad-config', `${what}: look-back ${b} is not a whole number ≥ 0 (a strategy may not read the future)`, { field: 'back' });
    }
    return t - b;
  };
  const ctx: DayContext = {
    get t() {
      return t;
    },
    get day() {
      return market.calendar[t];
    },
    roles: market.roles,
    label(back) {
      if (!labels) throw new ConfigError('bad-config', 'this strategy needs regime labels', { field: 'labels', hint: 'pass labels from computeRegimes' });
      const s = at(back, 'label');
      return s >= 0 ? labels[s] : 0;
    },
    roleReturn(k, back) {
      const s = at(back, 'roleReturn');
      return s >= 1 ? market.returns[s * R + k] : NaN;
    },
    usesPreferred(k, back) {
      const s = at(back, 'usesPreferred');
      return s >= 0 && market.source[s * R + k] === 0;
    },
    column(id, back) {
      if (!panel) throw new ConfigError('bad-config', `column "${id}" needs the panel`, { field: 'panel' });
      const col = panel.columns[id];
      if (!col) throw new ConfigError('unknown-series', `unknown column "${id}"`, { field: 'column', hint: 'a macro id or a ticker of the panel' });
      const s = at(back, 'column');
      return s >= 0 ? col[s] : NaN;
    },
  };
  return {
    ctx,
    moveTo(next: number) {
      t = next;
    },
  };
}
