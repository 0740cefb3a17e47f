import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../datasets/day.ts';
import { compareEpisodes, episodeFromRange } from '../../../engine/analysis/index.ts';
import type { TableBlock } from '../../../reports/model.ts';
import { episodesSection } from '../../../reports/sections/episodes-section.ts';

// Ten weekdays from Mon 2024-01-01; the confirmed label Q4 throughout while the raw label reads
// Q1 on four of the days in force: what the confirmation rule held back.
const start = parseIsoDay('2024-01-01');
const calendar = Int32Array.from([0, 1, 2, 3, 4, 7, 8, 9, 10, 11], (k) => start + k);
const labels = Uint8Array.of(4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
const rawLabels = Uint8Array.of(4, 1, 1, 4, 4, 1, 1, 4, 4, 4);
const returns = [{ name: 'a', returns: Float64Array.from({ length: 10 }, (_, i) => (i === 0 ? NaN : 0.01)) }];
const span = episodeFromRange('2024-01-02', '2024-01-12');

describe('the episode table', () => {
  it('shows the raw label beside the confirmed one and how many labelled days differ', () => {
    const cmp = compareEpisodes({ calendar, labels, rawLabels, returns, signals: [] }, [span]);
    const section = episodesSection(cmp, { confirmation: 'a new quadrant must be the raw one for 10 trading days in a row' });
    const table = section.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'episode-regimes')!;
    const col = (key: string) => table.columns.findIndex((c) => c.key === key);
    const row = table.rows[0].cells;
    // By hand: return days 1..9 carry labels[0..8] (all Q4) and raw[0..8] = 4 1 1 4 4 1 1 4 4: 4 of 9 differ (44%).
    expect(row[col('confirmed')]).toBe('0/0/0/9');
    expect(row[col('rawDiffers')]).toBe('4 (44%)');
    expect(row[col('raw')]).toBe('4/0/0/5');
    expect(table.columns.map((c) => c.label)).toContain('Raw differs');
    expect(table.note).toContain('10 trading days in a row');
  });

  it('has no raw columns when the comparison has no raw labels', () => {
    const cmp = compareEpisodes({ calendar, labels, returns, signals: [] }, [span]);
    const table = episodesSection(cmp).blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.columns.map((c) => c.key)).not.toContain('rawDiffers');
    expect(table.note).toBeUndefined();
  });
});
