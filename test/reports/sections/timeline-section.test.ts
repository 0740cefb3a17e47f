import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../datasets/day.ts';
import { buildPanel, loadDataset } from '../../../datasets/index.ts';
import { computeRegimes } from '../../../engine/regimes/index.ts';
import type { TableBlock } from '../../../reports/model.ts';
import { regimeTimelineSection } from '../../../reports/sections/timeline-section.ts';

const SNAPSHOT = process.env.QUADRANT_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets');

describe('the latest regime episodes, on the real snapshot', () => {
  const panel = buildPanel(loadDataset(SNAPSHOT));
  const regimes = computeRegimes(panel);
  const cal = panel.calendar;
  const table = regimeTimelineSection(panel, regimes).blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'regime-episodes')!;
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  const episodes = table.rows.filter((r) => !String(r.cells[0]).startsWith('stale'));

  it('counts the days whose raw label differs, straight from the label arrays', () => {
    expect(episodes.length).toBe(12);
    for (const row of episodes) {
      const from = cal.findIndex((d) => isoDay(d) === row.cells[col('start')]);
      const to = cal.findIndex((d) => isoDay(d) === row.cells[col('end')]);
      const q = regimes.labels[from];
      const tally = [0, 0, 0, 0, 0];
      let liquidity = 0;
      for (let t = from; t <= to; t++) {
        expect(regimes.labels[t]).toBe(q);
        tally[regimes.rawLabels[t]]++;
        liquidity += regimes.liquidityScore[t];
      }
      const differs = to - from + 1 - tally[q];
      expect(String(row.cells[col('rawDiffers')]).split(' ')[0]).toBe(String(differs));
      expect(row.cells[col('rawMostly')]).toBe(`Q${tally.indexOf(Math.max(...tally.slice(1)), 1)}`);
      expect(row.cells[col('liquidity')]).toBeCloseTo(liquidity / (to - from + 1), 12);
    }
  });

  it('explains a label whose mean scores point elsewhere: such an episode has raw days of another quadrant', () => {
    // Q4 is tightening (liquidity < 0) and a strong dollar (> 0): an episode with both means on the other side of zero must have raw days that differ.
    for (const row of episodes) {
      const q = Number(String(row.cells[col('quadrant')]).match(/Q(\d)/)![1]);
      const tight = q >= 3;
      const strong = q % 2 === 0;
      const liq = row.cells[col('liquidity')] as number;
      const dol = row.cells[col('dollar')] as number;
      if ((tight ? liq > 0 : liq < 0) || (strong ? dol < 0 : dol > 0)) expect(String(row.cells[col('rawDiffers')]).startsWith('0 ')).toBe(false);
    }
  });
});
