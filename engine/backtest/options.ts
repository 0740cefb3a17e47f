import { ConfigError } from '../../datasets/errors.ts';
import { resolveCosts, type CostModel, type CostOptions } from './costs.ts';
import type { Market } from './market.ts';

/**
 * When an order decided at the close of day t fills:
 * - `next-close` (default): at the close of day t+1;
 * - `next-open`: at the open of day t+1 (falls back to that day's close when an instrument
 *   involved has no open price, and the result says so);
 * - `same-close`: at the close of day t itself, at the very prices the decision just saw:
 *   look-ahead-prone, and every output marks it.
 */
export type Execution = 'next-close' | 'next-open' | 'same-close';
export const EXECUTIONS: readonly Execution[] = ['next-close', 'next-open', 'same-close'];

export interface ReplayOptions {
  /** A name for outputs. */
  name?: string;
  /** First calendar index of the run (its close is NAV = 1). Default 0. */
  start?: number;
  /** Last calendar index of the run, inclusive. Default the last day. */
  end?: number;
  execution?: Execution;
  costs?: CostOptions;
  /**
   * The sum of the weights held: target rows (which sum to 1) are scaled by it; the rest
   * (1 − leverage) sits in the financing account, borrowed when negative. Default 1; anything
   * else must be asked for explicitly.
   */
  leverage?: number;
  /** Allow negative target weights. Default false. */
  allowShorts?: boolean;
  /**
   * Annual spread over the T-bill rate, basis points, paid on borrowed cash (a negative
   * financing account) and charged as a borrow fee on the value of short positions; accrued
   * actual/360 per calendar day. Default 50.
   */
  financingBps?: number;
  /** `all` (default) books everything; `nav` skips daily weights, cash, financing and per-order amounts (sweeps). */
  record?: 'all' | 'nav';
}

/** Options after validation, as recorded in manifests. */
export interface ResolvedReplayOptions {
  name: string;
  start: number;
  end: number;
  execution: Execution;
  costs: Required<Pick<CostOptions, 'impactBps' | 'fixedPerTrade' | 'initialCapital'>> & Pick<CostOptions, 'bps' | 'slippageBps'>;
  leverage: number;
  allowShorts: boolean;
  financingBps: number;
}

/**
 * Validates replay options against a market.
 *
 * @throws ConfigError naming the field: `start`/`end` outside the calendar or reversed, an
 *   unknown `execution`, a leverage that is not in (0, 10], a negative or non-finite
 *   `financingBps`, and every cost field (see resolveCosts).
 */
export function resolveReplayOptions(options: ReplayOptions, market: Market): { resolved: ResolvedReplayOptions; costs: CostModel } {
  const n = market.calendar.length;
  const start = options.start ?? 0;
  const end = options.end ?? n - 1;
  if (!Number.isInteger(start) || start < 0 || start >= n)
    throw new ConfigError('bad-config', `start index ${start} is outside the calendar (0..${n - 1})`, { field: 'start' });
  if (!Number.isInteger(end) || end < start || end >= n)
    throw new ConfigError('bad-config', `end index ${end} is outside ${start}..${n - 1}`, { field: 'end' });
  const execution = options.execution ?? 'next-close';
  if (!EXECUTIONS.includes(execution))
    throw new ConfigError('bad-config', `unknown execution "${execution}"`, { field: 'execution', hint: EXECUTIONS.join(' | ') });
  const leverage = options.leverage ?? 1;
  if (!(leverage > 0 && leverage <= 10)) throw new ConfigError('bad-config', `leverage must be in (0, 10], got ${leverage}`, { field: 'leverage' });
  const financingBps = options.financingBps ?? 50;
  if (!(financingBps >= 0 && Number.isFinite(financingBps)))
    throw new ConfigError('bad-config', `financingBps must be ≥ 0, got ${financingBps}`, { field: 'financingBps' });
  const costs = resolveCosts(options.costs, market.roles);
  const c = options.costs ?? {};
  return {
    resolved: {
      name: options.name ?? 'strategy',
      start,
      end,
      execution,
      costs: {
        bps: c.bps ?? 0,
        slippageBps: c.slippageBps ?? 0,
        impactBps: c.impactBps ?? 0,
        fixedPerTrade: c.fixedPerTrade ?? 0,
        initialCapital: c.initialCapital ?? 1_000_000,
      },
      leverage,
      allowShorts: options.allowShorts ?? false,
      financingBps,
    },
    costs,
  };
}
