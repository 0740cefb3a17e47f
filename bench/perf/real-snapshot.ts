/**
 * The sweep on the real snapshot: every day of it and all ten roles, labelled by the default
 * regime definition, running the workload's own tables (its eight assets are eight of the
 * roles, by name; `short_treasuries` and `cash` get 0), month-end, same-close, 10 bps. The
 * strategy family of `../shared/perf`, on real data and 10/8 as many roles.
 */
import { buildPanel } from '../../datasets/panel.ts';
import { loadDataset } from '../../datasets/load-dataset.ts';
import { buildRoles } from '../../datasets/roles.ts';
import { marketFromRoles, type Market } from '../../engine/backtest/index.ts';
import type { SweepConfig } from '../../engine/backtest/sweep.ts';
import { computeRegimes } from '../../engine/regimes/index.ts';
import { SNAPSHOT_DIR } from '../snapshot.ts';
import { COST_BPS, loadTables, R as WORKLOAD_R, WORKLOAD_ROLES } from './workload.ts';

export interface RealSweep {
  market: Market;
  labels: Uint8Array;
  configs: SweepConfig[];
}

/** The real snapshot's market and labels, and the first `count` workload tables over its roles. */
export function loadRealSweep(count: number): RealSweep {
  const panel = buildPanel(loadDataset(SNAPSHOT_DIR));
  const market = marketFromRoles(panel, buildRoles(panel));
  const labels = computeRegimes(panel).labels;
  const R = market.roles.length;
  const column = WORKLOAD_ROLES.map((role) => market.roles.indexOf(role));
  const configs = loadTables('tables-10000.csv', count).map((t) => {
    const table = new Float64Array(5 * R);
    for (let q = 1; q <= 4; q++) for (let k = 0; k < WORKLOAD_R; k++) table[q * R + column[k]] = t[q * WORKLOAD_R + k];
    return { table, rule: 'month-end', costBps: COST_BPS, execution: 'same-close' as const };
  });
  return { market, labels, configs };
}
