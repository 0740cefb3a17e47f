import { describe, expect, it } from 'vitest';
import type { Role } from '../../../datasets/catalog.ts';
import type { RegimeStatsRow } from '../../../engine/analysis/index.ts';
import type { TableBlock } from '../../../reports/model.ts';
import { regimeHeatmapSection } from '../../../reports/sections/regime-heatmap-section.ts';
import { makeCalendar } from '../../builders.ts';

describe('returns by regime', () => {
  it('marks the series in the report heatmap and table, and explains the mark', () => {
    const row = (series: string, quadrant: number) =>
      ({
        series,
        quadrant,
        days: 10,
        episodes: 1,
        meanAnnual: 0.1,
        lower: -0.1,
        upper: 0.2,
        volatility: 0.2,
        sharpe: 0.5,
        tStat: 1,
        level: 0.95,
        reps: 100,
      }) as unknown as RegimeStatsRow;
    const rows = ['Commodities', 'Gold'].flatMap((s) => [1, 2, 3, 4].map((q) => row(s, q)));
    const calendar = makeCalendar('2024-01-01', 3);
    const section = regimeHeatmapSection(rows, {
      standIns: new Map([['Commodities', [{ role: 'commodities' as Role, days: 2, of: 40, from: calendar[1], to: calendar[2] }]]]),
    });
    const table = section.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.rows.filter((r) => r.cells[0] === 'Commodities †')).toHaveLength(4);
    expect(table.rows.filter((r) => r.cells[0] === 'Gold')).toHaveLength(4);
    expect(table.note).toContain('† rests on a stand-in');
  });
});
