import { toCsv } from '../../datasets/csv/write-csv.ts';
import { isoDay } from '../../datasets/day.ts';
import type { Market } from './market.ts';
import { dailyCosts, type BacktestResult } from './result.ts';
import { tradesOf } from './trades.ts';

/** CSV text through the one writer (formula-like names neutralised). */
function csv(fields: string[], data: (string | number)[][]): string {
  return toCsv(fields, data);
}

/** Full precision for numbers that are not exactly representable briefly (17 significant digits at most). */
function num(x: number): string | number {
  return Number.isNaN(x) ? '' : x;
}

/** `date,nav`: one row per trading day of the window, starting at 1. */
export function navCsv(result: BacktestResult): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < result.nav.length; i++) rows.push([isoDay(result.days[i]), num(result.nav[i])]);
  return csv(['date', 'nav'], rows);
}

/** Several NAVs side by side: `date,<name>,<name>,…` (all results must share the window). */
export function navsCsv(results: readonly BacktestResult[]): string {
  const first = results[0];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < first.nav.length; i++) rows.push([isoDay(first.days[i]), ...results.map((r) => num(r.nav[i]))]);
  return csv(['date', ...results.map((r) => r.name)], rows);
}

/**
 * `date,<role>…,financing,turnover,costs`: closing weights per role (fractions of NAV), the
 * financing account's share, and the day's one-way turnover and total trading cost (fractions
 * of pre-trade equity).
 */
export function weightsCsv(result: BacktestResult): string {
  const R = result.roles.length;
  const costs = dailyCosts(result);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < result.nav.length; i++) {
    const row: (string | number)[] = [isoDay(result.days[i])];
    for (let k = 0; k < R; k++) row.push(num(result.weights[i * R + k]));
    row.push(num(result.financing[i]), num(result.turnover[i]), num(costs[i]));
    rows.push(row);
  }
  return csv(['date', ...result.roles, 'financing', 'turnover', 'costs'], rows);
}

/**
 * `date,role,instrument,side,amount,fraction,cost`: each order; `amount` and `cost` in the
 * currency of the initial capital, `fraction` of the day's closing NAV.
 */
export function tradesCsv(result: BacktestResult, market?: Market): string {
  const capital = result.options.costs.initialCapital;
  const rows = tradesOf(result, market).map((t) => [
    isoDay(t.day),
    t.role,
    t.instrument,
    t.amount > 0 ? 'buy' : 'sell',
    t.amount * capital,
    t.fraction,
    t.cost * capital,
  ]);
  return csv(['date', 'role', 'instrument', 'side', 'amount', 'fraction', 'cost'], rows);
}
