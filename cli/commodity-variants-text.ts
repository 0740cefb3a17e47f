import { COMMODITY_PROXIES, type CommodityVariantRow } from '../engine/analysis/commodity-variants.ts';
import { pct } from '../engine/percent.ts';
import { formatTable } from './output.ts';

/** The commodity claims under each commodity proxy, for the terminal. */
export function commodityVariantsText(rows: readonly CommodityVariantRow[]): string {
  const body = rows.map((r) => [
    r.claim,
    r.sample === 'in-sample' ? 'in' : 'out',
    r.proxy,
    pct(r.statistic),
    Number.isFinite(r.lower) ? `[${pct(r.lower)}, ${pct(r.upper)}]` : '',
    r.verdict,
  ]);
  return [
    formatTable(['claim', 'sample', 'commodities', 'statistic', 'interval', 'verdict'], body),
    ...COMMODITY_PROXIES.map((p) => `  ${p.name}: ${p.note}`),
    '  DBC fell 3.1% in 2025 Q2, the quarter the note calls good for commodities; GLD rose 5.8%. A verdict that changes with the proxy rests on the choice of commodity index.',
  ].join('\n');
}
