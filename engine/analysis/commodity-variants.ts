import type { Role } from '../../datasets/catalog.ts';
import type { Panel } from '../../datasets/panel.ts';
import { buildRoles, resolveRoleMap, type RoleSeries } from '../../datasets/roles.ts';
import { buildClaimContext, runScorecard, type ClaimContextOptions } from '../claims/index.ts';

/** What stands for "commodities" in each variant: DBC (the default), GSG, or gold. */
export const COMMODITY_PROXIES: readonly { name: string; instruments: readonly string[]; note: string }[] = [
  { name: 'DBC', instruments: ['DBC', 'GSG'], note: 'Invesco DB Commodity Index (the default): about 55% energy at its fixed weights' },
  { name: 'GSG', instruments: ['GSG', 'DBC'], note: 'S&P GSCI: weighted by world production, even more energy-heavy' },
  { name: 'gold', instruments: ['GLD', 'GC_F'], note: 'gold (GLD): the weak-dollar metal, no energy' },
];

/** The claims that hold commodities: C1 (a leg of the broad rally) and C4 (non-US + commodities against US). */
export const COMMODITY_CLAIMS: readonly string[] = ['C1', 'C4'];

export interface CommodityVariantRow {
  claim: string;
  sample: 'in-sample' | 'out-of-sample';
  proxy: string;
  statistic: number;
  lower: number;
  upper: number;
  verdict: string;
}

/**
 * The commodity claims scored with each proxy in the commodities role, all else (labels, other
 * roles, bootstrap seed and resamples) unchanged: how much their verdicts rest on DBC.
 */
export function commodityVariants(
  panel: Panel,
  labels: Uint8Array,
  options: ClaimContextOptions,
  defaultRoles?: ReadonlyMap<Role, RoleSeries>,
): CommodityVariantRow[] {
  const rows: CommodityVariantRow[] = [];
  const map = resolveRoleMap(panel);
  for (const proxy of COMMODITY_PROXIES) {
    const roles = proxy.name === 'DBC' && defaultRoles ? defaultRoles : buildRoles(panel, { ...map, commodities: proxy.instruments });
    const scorecard = runScorecard(buildClaimContext(panel, roles, labels, options), { only: COMMODITY_CLAIMS });
    for (const { claim, inSample, outOfSample } of scorecard) {
      for (const r of [inSample, outOfSample]) {
        if (!r) continue;
        rows.push({ claim: claim.id, sample: r.window, proxy: proxy.name, statistic: r.statistic, lower: r.lower, upper: r.upper, verdict: r.verdict });
      }
    }
  }
  return rows;
}
