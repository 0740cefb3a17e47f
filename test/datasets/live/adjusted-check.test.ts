import { describe, expect, it } from 'vitest';
import { adjustedCloseWarning, adjustedDisagreements, rebuildTotalReturn } from '../../../datasets/live/adjusted-check.ts';
import type { PriceRow } from '../../../datasets/live/snapshot-format.ts';

const row = (date: string, close: number, adjClose: number): PriceRow => ({ date, open: close, high: close, low: close, close, adjClose, volume: 1 });
const none = { dividends: [], splits: [] };

describe('adjusted closes against closes and events', () => {
  // By hand, Yahoo's method: a 2.00 dividend going ex on day 3 (previous close 100) multiplies
  // the earlier adjusted prices by 1 − 2/100 = 0.98: adj = 98, 99.96, 99 for closes 100, 102, 99.
  const rows = [row('2024-01-02', 100, 98), row('2024-01-03', 102, 99.96), row('2024-01-04', 99, 99)];
  const div = { dividends: [{ date: '2024-01-04', amount: 2 }], splits: [] };

  it('rebuilds the total-return path from closes and dividends', () => {
    // 98 → 98·102/100 = 99.96 → 99.96·99/(102 − 2) = 98.9604.
    const path = rebuildTotalReturn(rows, div);
    expect(path[1]).toBeCloseTo(99.96, 10);
    expect(path[2]).toBeCloseTo(98.9604, 10);
  });

  it('finds no disagreement when adj_close follows the events', () => {
    // Day 3: adj moves 99/99.96 = 0.990396; rebuilt 99/100 = 0.99: 0.04% apart, inside 0.1%.
    expect(adjustedDisagreements(rows, div)).toEqual([]);
    expect(adjustedCloseWarning('X', rows, div)).toBeUndefined();
  });

  it('names the ticker and the date when a dividend is missing from adj_close or from the events', () => {
    expect(adjustedCloseWarning('X', rows, none)).toBe(
      'X: adj_close disagrees with the closes, dividends and splits Yahoo lists on 1 date beyond 0.1%: 2024-01-04 by 2.04%',
    );
    const ignored = [row('2024-01-02', 100, 100), row('2024-01-03', 102, 102), row('2024-01-04', 99, 99)];
    const found = adjustedDisagreements(ignored, div);
    // adj moves 99/102; rebuilt 99/100: 100/102 − 1 = −1.96%.
    expect(found).toHaveLength(1);
    expect(found[0].date).toBe('2024-01-04');
    expect(found[0].difference).toBeCloseTo(100 / 102 - 1, 12);
  });

  it('points at a split when closes are not split-adjusted', () => {
    const unadjusted = [row('2020-08-28', 500, 125), row('2020-08-31', 126, 126)];
    const split = { dividends: [], splits: [{ date: '2020-08-31', numerator: 4, denominator: 1 }] };
    expect(adjustedCloseWarning('SPLT', unadjusted, split)).toMatch(/2020-08-31 by 300\.00% \(a 4:1 split that day: closes not split-adjusted\?\)/);
  });

  it('credits a dividend whose ex-date has no bar to the next bar', () => {
    const gap = [row('2024-01-02', 100, 98), row('2024-01-04', 99, 99)];
    const exOnMissingDay = { dividends: [{ date: '2024-01-03', amount: 2 }], splits: [] };
    // Rebuilt 99/(100 − 2) = 1.010204; adj 99/98 = 1.010204.
    expect(adjustedDisagreements(gap, exOnMissingDay)).toEqual([]);
  });
});
