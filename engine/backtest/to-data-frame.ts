import type { DataFrame } from 'danfojs-node';
import { isoDay } from '../../datasets/day.ts';
import { dailyCosts, type BacktestResult } from './result.ts';

/**
 * The result as a danfojs-node DataFrame for researchers: one row per trading day with
 * `date`, `nav`, one weight column per role (`w_<role>`), `cash`, `financing`, `turnover`,
 * `commission`, `slippage`, `fixed_costs`, `costs`, `filled`. danfojs-node is imported here, lazily
 * (it takes about a second), never on the replay path.
 */
export async function toDataFrame(result: BacktestResult): Promise<DataFrame> {
  const dfd = await import('danfojs-node');
  const m = result.nav.length;
  const R = result.roles.length;
  const columns: Record<string, (string | number)[]> = {
    date: Array.from(result.days, isoDay),
    nav: Array.from(result.nav),
  };
  for (let k = 0; k < R; k++) {
    const col = new Array<number>(m);
    for (let i = 0; i < m; i++) col[i] = result.weights[i * R + k];
    columns[`w_${result.roles[k]}`] = col;
  }
  columns.cash = Array.from(result.cash);
  columns.financing = Array.from(result.financing);
  columns.turnover = Array.from(result.turnover);
  columns.commission = Array.from(result.commission);
  columns.slippage = Array.from(result.slippage);
  columns.fixed_costs = Array.from(result.fixedCosts);
  columns.costs = Array.from(dailyCosts(result));
  columns.filled = Array.from(result.filled);
  return new dfd.DataFrame(columns);
}
