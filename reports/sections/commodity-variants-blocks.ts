import { COMMODITY_PROXIES, type CommodityVariantRow } from '../../engine/analysis/commodity-variants.ts';
import type { HeadingBlock, TableBlock, TextBlock } from '../model.ts';

/** The commodity claims (C1, C4) with DBC, GSG and gold in the commodities role, for the scorecard section. */
export function commodityVariantsBlocks(rows: readonly CommodityVariantRow[]): (HeadingBlock | TableBlock | TextBlock)[] {
  const table: TableBlock = {
    kind: 'table',
    id: 'commodity-proxies',
    caption: 'Commodity claims by what stands for commodities',
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'sample', label: 'Sample', align: 'left' },
      { key: 'proxy', label: 'Commodities', align: 'left' },
      { key: 'statistic', label: 'Statistic', format: { style: 'percent', digits: 1 } },
      { key: 'verdict', label: 'Verdict', align: 'left' },
    ],
    rows: rows.map((r) => ({ cells: [r.claim, r.sample, r.proxy, Number.isFinite(r.statistic) ? r.statistic : null, r.verdict] })),
  };
  return [
    { kind: 'heading', text: 'How much the commodity verdicts rest on DBC' },
    table,
    {
      kind: 'text',
      paragraphs: [
        ...COMMODITY_PROXIES.map((p) => `${p.name}: ${p.note}.`),
        'DBC fell 3.1% in 2025 Q2, the quarter the note calls good for commodities; GLD rose 5.8%.',
      ],
    },
  ];
}
