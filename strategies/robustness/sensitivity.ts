import type { GridConfig, GridParameter } from './grid.ts';

/** How a table's values read: plain numbers or fractions shown as percentages. */
export interface SensitivityFormat {
  style: 'number' | 'percent';
  digits: number;
}

/**
 * A headline metric over two parameters, averaged over every other parameter of the grid.
 * The shape of the report's SensitivityGrid (reports/sections/robustness-section.ts).
 */
export interface SensitivityTable {
  metric: string;
  format: SensitivityFormat;
  rowTitle: string;
  columnTitle: string;
  rows: string[];
  columns: string[];
  /** values[r][c]: the mean over the configurations with row value r and column value c whose metric is finite; null when none is. */
  values: (number | null)[][];
  /** counts[r][c]: how many configurations that mean is over. */
  counts: number[][];
}

/** The single column a one-parameter table gets. */
export const ALL_COLUMN = 'all';

/**
 * Sensitivity tables: for each pair (A, B) of parameters that take more than one value, in
 * grid order, the mean of `metric` over the configurations with A = a and B = b (a table of
 * |A| × |B| cells; each mean runs over every value of the other parameters). With a single
 * varied parameter, one table of it against a single column `all`; with none, no table.
 * Non-finite metric values are left out of the means.
 *
 * Cost: O(configs × pairs).
 */
export function sensitivityTables(
  parameters: readonly GridParameter[],
  configs: readonly GridConfig[],
  metric: ArrayLike<number>,
  name = 'Sharpe',
  format: SensitivityFormat = { style: 'number', digits: 2 },
): SensitivityTable[] {
  const varied = parameters.filter((p) => p.values.length > 1);
  // Per configuration and varied parameter: the value's index.
  const index = varied.map((p) => {
    const at = new Map(p.values.map((v, i) => [v, i]));
    return Int32Array.from(configs, (c) => at.get(c.params[p.name]) ?? -1);
  });
  const pairs: [number, number][] = [];
  for (let a = 0; a < varied.length; a++) for (let b = a + 1; b < varied.length; b++) pairs.push([a, b]);
  if (varied.length === 1) pairs.push([0, -1]);
  return pairs.map(([a, b]) => {
    const rowsP = varied[a];
    const cols = b >= 0 ? varied[b].values.map(String) : [ALL_COLUMN];
    const sums = rowsP.values.map(() => new Float64Array(cols.length));
    const counts = rowsP.values.map(() => new Array<number>(cols.length).fill(0));
    for (let j = 0; j < configs.length; j++) {
      const x = metric[j];
      if (!Number.isFinite(x)) continue;
      const r = index[a][j];
      const c = b >= 0 ? index[b][j] : 0;
      sums[r][c] += x;
      counts[r][c]++;
    }
    return {
      metric: name,
      format,
      rowTitle: rowsP.name,
      columnTitle: b >= 0 ? varied[b].name : ALL_COLUMN,
      rows: rowsP.values.map(String),
      columns: cols,
      values: sums.map((row, r) => Array.from(row, (s, c) => (counts[r][c] > 0 ? s / counts[r][c] : null))),
      counts,
    };
  });
}
