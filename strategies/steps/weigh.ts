import { ConfigError } from '../../datasets/errors.ts';
import { parseQuadrantTable, parseRoleWeights, tableRows, weightsRow, type QuadrantTable, type RoleWeights } from '../quadrant-table.ts';
import type { Step } from '../step.ts';

/**
 * `weighFixed(weights)`: the same target every day (roles not named weigh 0), e.g. 60/40.
 * Reads nothing. Sets: selected (named roles) and weights.
 *
 * @throws ProblemsError naming `weights.<role>` for unknown roles, bad numbers, or a sum ≠ 1.
 */
export function weighFixed(weights: RoleWeights, options: { allowShorts?: boolean; label?: string } = {}): Step {
  parseRoleWeights(weights, 'weights', options.allowShorts);
  const text =
    options.label ??
    Object.entries(weights)
      .map(([r, w]) => `${r} ${w}`)
      .join(', ');
  return {
    kind: 'weigh',
    name: `weighFixed(${text})`,
    bind: (setup) => {
      const row = weightsRow(weights, setup.roles);
      return (_ctx, s) => {
        for (let k = 0; k < row.length; k++) {
          s.weights[k] = row[k];
          if (row[k] !== 0) s.selected[k] = 1;
        }
        return true;
      };
    },
  };
}

/**
 * `weighEqually()`: 1/N to each of the N selected roles; with none selected, everything in
 * `cash`. Reads: selected. Sets: weights.
 */
export function weighEqually(): Step {
  return {
    kind: 'weigh',
    name: 'weighEqually',
    bind: (setup) => {
      const R = setup.roles.length;
      const cash = setup.column('cash');
      return (_ctx, s) => {
        let count = 0;
        for (let k = 0; k < R; k++) count += s.selected[k];
        if (count === 0) {
          s.weights[cash] = 1;
          return true;
        }
        for (let k = 0; k < R; k++) s.weights[k] = s.selected[k] ? 1 / count : 0;
        return true;
      };
    },
  };
}

/**
 * `weighByQuadrant(table)`: the row of the quadrant in force at today's close. Label 0
 * (warm-up) stops the day (no new target). Reads: label(0). Sets: selected and weights.
 *
 * @throws ProblemsError naming `table.Q2.us_small` etc. (see checkQuadrantTable).
 */
export function weighByQuadrant(table: QuadrantTable, options: { allowShorts?: boolean; label?: string } = {}): Step {
  parseQuadrantTable(table, 'table', options.allowShorts);
  return {
    kind: 'weigh',
    name: `weighByQuadrant(${options.label ?? 'table'})`,
    reads: 'label at t',
    byRegime: true,
    bind: (setup) => {
      const R = setup.roles.length;
      const rows = tableRows(table, setup.roles);
      return (ctx, s) => {
        const q = ctx.label();
        if (q < 1 || q > 4) return false;
        const off = q * R;
        for (let k = 0; k < R; k++) {
          s.weights[k] = rows[off + k];
          s.selected[k] = rows[off + k] !== 0 ? 1 : 0;
        }
        return true;
      };
    },
  };
}

/**
 * `weighInverseVolatility({ lookback, lag })`: selected roles weighted by 1/σ, σ the sample
 * standard deviation of their daily returns over the `lookback` days ending `lag` days before
 * t (returns at t−lag−lookback+1 … t−lag). Roles without a full window or with σ ≤ 1e-12 (flat) are dropped; none
 * left → all in cash. Reads: roleReturn(k, lag … lag+lookback−1). Sets: weights.
 *
 * @throws ConfigError naming `lookback` or `lag` when not whole numbers (lookback ≥ 2, lag ≥ 0).
 */
/** Below this daily σ a role counts as flat (no inverse-volatility weight). */
const MIN_SD = 1e-12;

export function weighInverseVolatility(options: { lookback: number; lag?: number }): Step {
  const { lookback } = options;
  const lag = options.lag ?? 0;
  if (!Number.isInteger(lookback) || lookback < 2)
    throw new ConfigError('bad-config', `lookback must be a whole number ≥ 2, got ${lookback}`, { field: 'lookback' });
  if (!Number.isInteger(lag) || lag < 0) throw new ConfigError('bad-config', `lag must be a whole number ≥ 0, got ${lag}`, { field: 'lag' });
  return {
    kind: 'weigh',
    name: `weighInverseVolatility(${lookback} days, lag ${lag})`,
    reads: `role returns t−${lag + lookback - 1} … t−${lag}`,
    bind: (setup) => {
      const R = setup.roles.length;
      const cash = setup.column('cash');
      const inv = new Float64Array(R);
      return (ctx, s) => {
        let total = 0;
        for (let k = 0; k < R; k++) {
          inv[k] = 0;
          if (!s.selected[k]) continue;
          // Two passes (mean, then squared deviations): the one-pass Σr² − (Σr)²/n cancels to
          // zero on nearly flat windows and would drop a role that does move.
          let sum = 0;
          let ok = true;
          for (let j = lag; j < lag + lookback; j++) {
            const r = ctx.roleReturn(k, j);
            if (Number.isNaN(r)) {
              ok = false;
              break;
            }
            sum += r;
          }
          if (!ok) continue;
          const mean = sum / lookback;
          let ss = 0;
          for (let j = lag; j < lag + lookback; j++) ss += (ctx.roleReturn(k, j) - mean) ** 2;
          const sd = Math.sqrt(ss / (lookback - 1));
          if (sd > MIN_SD) {
            inv[k] = 1 / sd;
            total += inv[k];
          }
        }
        for (let k = 0; k < R; k++) s.weights[k] = total > 0 ? inv[k] / total : 0;
        if (total === 0) s.weights[cash] = 1;
        return true;
      };
    },
  };
}
