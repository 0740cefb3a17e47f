import type { Panel } from '../../datasets/panel.ts';
import { QuadrantError } from '../../datasets/errors.ts';
import { marketFromRoles } from '../../engine/backtest/market.ts';
import type { RunBundle } from '../../engine/run-bundle/index.ts';
import type { Role } from '../../datasets/catalog.ts';
import type { RoleSeries } from '../../datasets/roles.ts';
import { resolveStrategy } from '../../strategies/builtin.ts';
import { strategyFromKeptSpec } from '../../strategies/spec/load-strategy-file.ts';
import { STRATEGY_EXECUTIONS, type StrategyExecution } from '../../strategies/cost-assumption.ts';
import type { Strategy } from '../../strategies/step.ts';
import type { ReportBlock } from '../model.ts';
import { whatIfData, type WhatIfSource } from '../what-if/what-if-data.ts';

/** The what-if panel's blocks for a run (a heading and the panel), or a note saying why the run has none. */
export function whatIfBlocks(source: WhatIfSource | { omitted: string }): ReportBlock[] {
  const made = 'omitted' in source ? source : whatIfData(source);
  if ('omitted' in made) return [{ kind: 'note', tone: 'info', text: `No what-if panel: ${made.omitted}.` }];
  return [
    { kind: 'heading', text: `What if: edit ${made.data.strategy}'s weights, cost and rebalancing` },
    { kind: 'what-if', data: made.data },
  ];
}

/**
 * The what-if source of a finished run: its strategy rebuilt from manifest.json's configuration
 * (a built-in name, or the spec a strategy file had, kept in the bundle), its settings and NAV
 * from the bundle, on the market and labels the report recomputed from the run's data (`place`:
 * the run's days on its calendar). Anything that cannot be had again (a kept spec that no longer
 * checks, run days missing from the data) is a reason for no panel, never an error.
 */
export function runWhatIfSource(
  bundle: RunBundle,
  place: { index: Int32Array; unmatched: number },
  panel: Panel,
  roles: Map<Role, RoleSeries>,
  labels: Uint8Array,
): WhatIfSource | { omitted: string } {
  const run = bundle.manifest.runs[0];
  const name = bundle.config.strategy ?? bundle.navs[0].name;
  const execution = (bundle.metrics.assumptions?.execution ?? run?.options?.execution ?? 'next-close') as StrategyExecution;
  if (!run?.options || !STRATEGY_EXECUTIONS.includes(execution)) return { omitted: 'the run does not record its replay options' };
  if (place.unmatched > 0) return { omitted: `${place.unmatched} of the run's days are not trading days of the data now read` };
  let strategy: Strategy;
  try {
    // A strategy file's spec is in the bundle: the file may have moved, or be read from elsewhere.
    const spec = bundle.config.strategySpec;
    strategy =
      spec !== undefined ? strategyFromKeptSpec(spec, `${bundle.dir}/manifest.json config.strategySpec`) : resolveStrategy(name, { seed: bundle.config.seed });
  } catch (err) {
    if (err instanceof QuadrantError) return { omitted: `the run's strategy ${name} cannot be read again (${err.message})` };
    throw err;
  }
  return {
    strategy,
    market: marketFromRoles(panel, roles),
    labels,
    panel,
    rebalance: bundle.config.rebalance ?? undefined,
    execution,
    result: { start: place.index[0], end: place.index[place.index.length - 1], options: run.options, nav: bundle.navs[0].nav },
  };
}
