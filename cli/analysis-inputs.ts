import { ROLES, type Role } from '../datasets/catalog.ts';
import type { Progress } from '../datasets/live/progress.ts';
import type { Panel } from '../datasets/panel.ts';
import { buildRoles, type RoleSeries } from '../datasets/roles.ts';
import { formatIssue } from '../datasets/issues.ts';
import type { NamedReturns } from '../engine/analysis/index.ts';
import { marketFromRoles } from '../engine/backtest/index.ts';
import { computeRegimes, type RegimeResult } from '../engine/regimes/index.ts';
import { BUILTIN_STRATEGIES, builtinStrategy, runStrategy } from '../strategies/index.ts';
import { regimeConfigFrom } from './commands/regimes.ts';
import { loadData } from './load-data.ts';

/** Options shared by `validate` and `compare`. */
export interface AnalysisArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
  preset?: string;
  config?: string;
  strategies: boolean;
}

/** Everything the analyses read, built once. */
export interface AnalysisInputs {
  dir: string;
  panel: Panel;
  roles: Map<Role, RoleSeries>;
  regimes: RegimeResult;
  /** Each built-in strategy's daily NAV return on the calendar (NaN before its first day). */
  strategies: NamedReturns[];
  /** The data's warnings, one line each (file or series first), for JSON and reports. */
  warnings: string[];
}

/**
 * Loads the data, labels the regimes and replays the built-in strategies from the first
 * labelled day (default replay options: the backtest's own execution and cost defaults).
 */
export async function loadAnalysisInputs(args: AnalysisArgs, progress: Progress): Promise<AnalysisInputs> {
  const { dir, dataset, panel } = await loadData(args);
  const warnings = dataset.issues.filter((i) => i.severity === 'warning').map(formatIssue);
  const roles = buildRoles(panel);
  progress.tick('data');
  const regimes = computeRegimes(panel, regimeConfigFrom(args));
  progress.tick('regimes');
  const strategies: NamedReturns[] = [];
  if (args.strategies && regimes.firstLabelled >= 0) {
    const market = marketFromRoles(panel, roles);
    for (const name of BUILTIN_STRATEGIES) {
      const res = runStrategy(builtinStrategy(name), { market, labels: regimes.labels, panel }, { start: regimes.firstLabelled });
      const r = new Float64Array(panel.calendar.length).fill(NaN);
      for (let i = 1; i < res.nav.length; i++) r[res.start + i] = res.nav[i] / res.nav[i - 1] - 1;
      strategies.push({ name: `strategy:${name}`, returns: r });
      progress.tick(name);
    }
  }
  return { dir, panel, roles, regimes, strategies, warnings };
}

/** Role returns as named series, in catalog order. */
export function roleReturns(roles: Map<Role, RoleSeries>): NamedReturns[] {
  return ROLES.map((r) => ({ name: r, returns: roles.get(r)!.returns }));
}
