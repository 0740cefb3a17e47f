import type { DataFrame } from 'danfojs-node';
import { isoDay } from '../../datasets/day.ts';
import { QuadrantError } from '../../datasets/errors.ts';
import { dailyCosts, type BacktestResult } from './result.ts';

/**
 * The result as a danfojs-node DataFrame for researchers: one row per trading day with
 * `date`, `nav`, one weight column per role (`w_<role>`), `cash`, `financing`, `turnover`,
 * `commission`, `slippage`, `fixed_costs`, `costs`, `filled`. danfojs-node is an optional peer
 * dependency, imported here lazily (it takes about a second), never on the replay path.
 *
 * @throws QuadrantError (exit 1) saying how to install danfojs-node when it is missing.
 */
export async function toDataFrame(result: BacktestResult): Promise<DataFrame> {
  const dfd = await importDanfo();
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

/** What toDataFrame uses of danfojs-node. */
interface Danfo {
  DataFrame: new (columns: Record<string, (string | number)[]>) => DataFrame;
}

/** danfojs-node, or an error saying how to install it (the specifier is a parameter so tests can name a missing one). */
export async function importDanfo(specifier = 'danfojs-node'): Promise<Danfo> {
  try {
    return (await import(specifier)) as Danfo;
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (err as Error).message.includes(`'${specifier}'`);
    if (!missing) throw err;
    throw new QuadrantError('missing-dependency', `toDataFrame() needs ${specifier}, an optional dependency that is not installed`, {
      hint: 'npm install danfojs-node@1.2.0 with "overrides": { "xlsx": "0.18.5", "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0" } in your package.json (see the README)',
    });
  }
}
