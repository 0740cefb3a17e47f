import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ALL_COLUMN, expandGrid, gridParameters, parseGrid, sensitivityTables } from '../../../strategies/robustness/index.ts';

describe('sensitivityTables', () => {
  // 2 windows × 2 confirmations × 2 rules = 8 configurations, ids 0..7 in grid order:
  // id = 4·window + 2·confirm + rule.
  const grid = parseGrid({ regimes: { 'windows.balanceSheetWeeks': [8, 13], 'stability.confirmDays': [5, 10] }, rebalance: ['regime', 'monthly'] });
  const configs = expandGrid(grid);
  const params = gridParameters(grid);

  it('averages the metric over the other parameters (worked by hand)', () => {
    // Metric = id, except id 3 missing (NaN).
    const metric = Float64Array.from(configs, (c) => (c.id === 3 ? NaN : c.id));
    const tables = sensitivityTables(params, configs, metric);
    // Varied: windows, confirm, rebalance (playbook and cost have one value) → 3 pairs.
    expect(tables.map((t) => `${t.rowTitle}|${t.columnTitle}`)).toEqual([
      'windows.balanceSheetWeeks|stability.confirmDays',
      'windows.balanceSheetWeeks|rebalance',
      'stability.confirmDays|rebalance',
    ]);
    // windows × confirm: (8, 5) = ids 0, 1 → 0.5; (8, 10) = ids 2, 3(NaN) → 2; (13, 5) = 4, 5 → 4.5; (13, 10) = 6, 7 → 6.5.
    expect(tables[0].rows).toEqual(['8', '13']);
    expect(tables[0].columns).toEqual(['5', '10']);
    expect(tables[0].values).toEqual([
      [0.5, 2],
      [4.5, 6.5],
    ]);
    expect(tables[0].counts).toEqual([
      [2, 1],
      [2, 2],
    ]);
    // confirm × rebalance: (5, regime) = 0, 4 → 2; (5, monthly) = 1, 5 → 3; (10, regime) = 2, 6 → 4; (10, monthly) = 3(NaN), 7 → 7.
    expect(tables[2].values).toEqual([
      [2, 3],
      [4, 7],
    ]);
    expect(tables[0].metric).toBe('Sharpe');
  });

  it('null where every configuration of a cell lacks the metric', () => {
    const metric = Float64Array.from(configs, (c) => (c.id < 2 ? NaN : 1));
    expect(sensitivityTables(params, configs, metric)[0].values[0][0]).toBeNull();
  });

  it('one varied parameter: a single table against the column "all"; none: no table', () => {
    const one = parseGrid({ regimes: { 'stability.confirmDays': [5, 10, 20] } });
    const c1 = expandGrid(one);
    const t = sensitivityTables(gridParameters(one), c1, Float64Array.of(1, 2, 3));
    expect(t.length).toBe(1);
    expect(t[0].columns).toEqual([ALL_COLUMN]);
    expect(t[0].values).toEqual([[1], [2], [3]]);
    const none = parseGrid({});
    expect(sensitivityTables(gridParameters(none), expandGrid(none), Float64Array.of(1))).toEqual([]);
  });

  it('property: each cell is the mean of the configurations a brute-force filter finds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constant(NaN)), { minLength: 18, maxLength: 18 }),
        (a, b, c, xs) => {
          const g = parseGrid({
            regimes: { 'windows.reservesWeeks': [1, 2, 3].slice(0, a), 'stability.minDwellDays': [0, 1, 2].slice(0, b) },
            costBps: [0, 1].slice(0, c),
          });
          const cs = expandGrid(g);
          const metric = Float64Array.from(cs, (_, i) => xs[i]);
          for (const t of sensitivityTables(gridParameters(g), cs, metric)) {
            t.rows.forEach((rv, r) =>
              t.columns.forEach((cv, k) => {
                const hits = cs.filter(
                  (x, i) =>
                    String(x.params[t.rowTitle]) === rv &&
                    (t.columnTitle === ALL_COLUMN || String(x.params[t.columnTitle]) === cv) &&
                    Number.isFinite(metric[i]),
                );
                const want = hits.length ? hits.reduce((s, x) => s + metric[x.id], 0) / hits.length : null;
                if (want === null) expect(t.values[r][k]).toBeNull();
                else expect(t.values[r][k]).toBeCloseTo(want, 12);
                expect(t.counts[r][k]).toBe(hits.length);
              }),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
