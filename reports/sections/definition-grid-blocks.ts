import type { VerdictGrid } from '../../engine/analysis/verdicts-across-definitions.ts';
import type { HeadingBlock, TableBlock, TextBlock } from '../model.ts';

/**
 * The verdicts across regime definitions, as blocks for the scorecard section: per claim and
 * sample the default verdict, its stability (how many definitions agree) and the definitions
 * that disagree with their verdicts; then what each definition changes.
 */
export function definitionGridBlocks(grid: VerdictGrid): (HeadingBlock | TableBlock | TextBlock)[] {
  const n = grid.definitions.length;
  const table: TableBlock = {
    kind: 'table',
    id: 'definition-grid',
    caption: `Verdicts under ${n} regime definitions: stability = definitions agreeing with the default (${grid.definitions[0]?.name ?? ''})`,
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'sample', label: 'Sample', align: 'left' },
      { key: 'verdict', label: 'Default verdict', align: 'left' },
      { key: 'stability', label: 'Stability', align: 'left' },
      { key: 'others', label: 'Definitions that differ', align: 'left' },
    ],
    rows: grid.rows.map((r) => ({
      cells: [
        r.claim,
        r.sample,
        r.defaultVerdict,
        `${r.agree}/${r.total}`,
        Object.entries(r.verdicts)
          .filter(([, v]) => v !== r.defaultVerdict)
          .map(([name, v]) => `${name}: ${v}`)
          .join('; ') || 'none',
      ],
    })),
    note: `Every definition tried counts as a trial for the deflated Sharpe ratio (${n} definitions).`,
  };
  return [
    { kind: 'heading', text: 'Verdicts across regime definitions' },
    table,
    { kind: 'text', paragraphs: grid.definitions.map((d) => `${d.name}: ${d.change}.`) },
  ];
}
