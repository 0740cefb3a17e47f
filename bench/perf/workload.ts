/**
 * The fixed speed workload of `../shared/perf` (8 assets × 6,522 days, month-end rebalancing by
 * a 4 × 8 regime table, 10 bps, exact self-financing costs), expressed with Quadrant's own API:
 * the eight assets are eight roles plus the `cash` role (earning nothing), the rule is
 * `month-end`, execution `same-close` (the workload trades at the close it decides on), and the
 * labels are the workload's regimes, 0 (warm-up: no target) before its first month-end, so the
 * book sits in cash until then as the workload's does.
 *
 * One convention differs: Quadrant charges its cost rate on the cash role too, so the first
 * trade out of cash costs c·(V + V′) instead of c·V′: V′ = V(1 − c)/(1 + c) against V/(1 + c).
 * Every later step is linear in equity, hence Quadrant's final equity = the workload's × (1 − c)
 * exactly (to rounding); {@link toWorkloadEquity} undoes that factor before comparing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '../../datasets/catalog.ts';
import { monthKey, parseIsoDay } from '../../datasets/day.ts';
import { marketFromArrays, type Market } from '../../engine/backtest/index.ts';
import type { SweepConfig } from '../../engine/backtest/sweep.ts';

/** Where the workload and its floor scripts live: PERF_DIR, else ../shared/perf beside the repository. */
export const PERF_DIR = process.env.PERF_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'perf');

export const ASSETS = 8;
export const COST_BPS = 10;
export const INITIAL_CASH = 1_000_000;
/** The catalog's roles but short Treasuries: eight assets in the workload's column order, then cash. */
export const WORKLOAD_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'short_treasuries');
export const R = WORKLOAD_ROLES.length;

export interface Workload {
  market: Market;
  labels: Uint8Array;
  /** The workload's default table as a Quadrant 5 × R table (row q = regime q; cash 0). */
  table: Float64Array;
}

/** A Quadrant NAV (growth of 1) as the workload's equity in currency, under its cost convention. */
export function toWorkloadEquity(nav: number): number {
  return (nav * INITIAL_CASH) / (1 - COST_BPS / 1e4);
}

/** The workload's prices and regimes as a Quadrant market and labels. */
export function loadWorkload(): Workload {
  const lines = readFileSync(join(PERF_DIR, 'data', 'prices.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const n = lines.length;
  const calendar = new Int32Array(n);
  const returns = new Float64Array(n * R);
  const regime = new Uint8Array(n);
  const prev = new Float64Array(ASSETS);
  for (let t = 0; t < n; t++) {
    const f = lines[t].split(',');
    calendar[t] = parseIsoDay(f[0]);
    for (let k = 0; k < ASSETS; k++) {
      const p = Number(f[1 + k]);
      if (t > 0) returns[t * R + k] = p / prev[k] - 1;
      prev[k] = p;
    }
    regime[t] = Number(f[1 + ASSETS]);
  }
  const market = marketFromArrays({ calendar, roles: [...WORKLOAD_ROLES], returns, cashReturns: new Float64Array(n) });
  // Labels: none before the first month-end (the workload holds cash until then).
  const labels = new Uint8Array(n);
  let first = n;
  for (let t = 0; t < n - 1 && first === n; t++) if (monthKey(calendar[t]) !== monthKey(calendar[t + 1])) first = t;
  for (let t = first; t < n; t++) labels[t] = regime[t];
  const table = workloadTable(defaultTable());
  return { market, labels, table };
}

/** The workload's default 4 × 8 table (its README: regime 1 six assets equally, …). */
function defaultTable(): Float64Array {
  const t = new Float64Array(4 * ASSETS);
  for (let i = 0; i < 6; i++) t[i] = 1 / 6;
  t[ASSETS] = 0.5;
  t[ASSETS + 1] = 0.5;
  for (let i = 2; i < 5; i++) t[2 * ASSETS + i] = 1 / 3;
  t[3 * ASSETS + 7] = 1;
  return t;
}

/** A 4 × 8 workload table (rows regime 1..4) as a Quadrant 5 × R table (row 0 unused, cash 0). */
export function workloadTable(t: Float64Array, offset = 0): Float64Array {
  const out = new Float64Array(5 * R);
  for (let q = 0; q < 4; q++) for (let k = 0; k < ASSETS; k++) out[(q + 1) * R + k] = t[offset + q * ASSETS + k];
  return out;
}

/** The first `count` tables of a workload table file (rows `table,regime,w0..w7`) as Quadrant tables. */
export function loadTables(file: string, count: number): Float64Array[] {
  const lines = readFileSync(join(PERF_DIR, 'data', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const out: Float64Array[] = [];
  const t = new Float64Array(4 * ASSETS);
  for (let c = 0; c < count; c++) {
    for (let q = 0; q < 4; q++) {
      const f = lines[c * 4 + q].split(',');
      for (let k = 0; k < ASSETS; k++) t[q * ASSETS + k] = Number(f[2 + k]);
    }
    out.push(workloadTable(t));
  }
  return out;
}

/** The workload's sweep: the first `count` tables of `file`, month-end, same close, the workload's cost. */
export function workloadConfigs(file: string, count: number): SweepConfig[] {
  return loadTables(file, count).map((table) => ({ table, rule: 'month-end', costBps: COST_BPS, execution: 'same-close' }));
}
