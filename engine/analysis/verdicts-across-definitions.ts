import type { Role } from '../../datasets/catalog.ts';
import type { Panel } from '../../datasets/panel.ts';
import type { RoleSeries } from '../../datasets/roles.ts';
import { buildClaimContext, CLAIMS, runScorecard, type ClaimContextOptions, type ClaimResult, type ScorecardRow } from '../claims/index.ts';
import { computeRegimes, RegimeCache, type RegimeDefinition } from '../regimes/index.ts';

/** One claim on one side of the publication date, under every definition. */
export interface StabilityRow {
  claim: string;
  title: string;
  sample: 'in-sample' | 'out-of-sample';
  /** The verdict under the default definition (the first). */
  defaultVerdict: string;
  /** Verdicts by definition name, in grid order ("n/a" where the window is empty). */
  verdicts: Record<string, string>;
  /** Definitions (the default included) whose verdict equals the default's. */
  agree: number;
  /** Definitions in the grid. */
  total: number;
}

export interface VerdictGrid {
  definitions: { name: string; change: string }[];
  rows: StabilityRow[];
}

export interface VerdictGridOptions extends ClaimContextOptions {
  /** Claim ids (default all). */
  only?: readonly string[];
  /** Labels already computed for some configs (the default's), by JSON of the config. */
  known?: ReadonlyMap<string, Uint8Array>;
}

const verdictOf = (r: ClaimResult | undefined): string => (r ? r.verdict : 'n/a');

/**
 * Claims that do not read the regime labels (reserves, net liquidity, the RMP and rate-cut
 * forecasts): scored once, under the default definition, and the same under every other. A
 * test scores them on shuffled labels to keep this list true.
 */
export const LABEL_FREE_CLAIMS: readonly string[] = ['C6', 'C7', 'C8', 'C10'];

/**
 * Scores every claim under every regime definition of the grid (regimeDefinitions): the labels
 * of each definition are computed once (signals shared through one RegimeCache; labels given in
 * `known` are reused), and each claim is scored in and out of sample with the same bootstrap
 * seed and resamples as the main scorecard. A row's `agree` counts the definitions whose
 * verdict equals the default definition's (the first), the "stability" of that verdict.
 */
export function verdictsAcrossDefinitions(
  panel: Panel,
  roles: ReadonlyMap<Role, RoleSeries>,
  definitions: readonly RegimeDefinition[],
  options: VerdictGridOptions,
): VerdictGrid {
  const cache = new RegimeCache(panel);
  const all = options.only?.map((id) => id.toUpperCase());
  const labelled = all ? all.filter((id) => !LABEL_FREE_CLAIMS.includes(id)) : undefined;
  const scorecards: ScorecardRow[][] = definitions.map((d, k) => {
    const labels = options.known?.get(JSON.stringify(d.config)) ?? computeRegimes(panel, d.config, { cache }).labels;
    const { only: _only, known: _known, ...claimOptions } = options;
    const ctx = buildClaimContext(panel, roles, labels, claimOptions);
    if (k === 0) return runScorecard(ctx, { only: all });
    const claims = CLAIMS.filter((c) => !LABEL_FREE_CLAIMS.includes(c.id));
    return runScorecard(ctx, { only: labelled ?? claims.map((c) => c.id) }, claims);
  });
  const names = definitions.map((d) => d.name);
  const rows: StabilityRow[] = [];
  const base = scorecards[0] ?? [];
  for (let i = 0; i < base.length; i++) {
    const { claim } = base[i];
    for (const sample of ['in-sample', 'out-of-sample'] as const) {
      const pick = (row: ScorecardRow) => (sample === 'in-sample' ? row.inSample : row.outOfSample);
      if (sample === 'in-sample' && claim.kind !== 'history') continue;
      const verdicts: Record<string, string> = {};
      scorecards.forEach((sc, k) => {
        const row = sc.find((r) => r.claim.id === claim.id) ?? base[i];
        verdicts[names[k]] = verdictOf(pick(row));
      });
      const defaultVerdict = verdicts[names[0]];
      rows.push({
        claim: claim.id,
        title: claim.title,
        sample,
        defaultVerdict,
        verdicts,
        agree: names.filter((n) => verdicts[n] === defaultVerdict).length,
        total: names.length,
      });
    }
  }
  return { definitions: definitions.map((d) => ({ name: d.name, change: d.change })), rows };
}
