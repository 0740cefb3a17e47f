/**
 * A small synthetic world for the robustness tests: the regime engine's synthetic macro data
 * (test/fixtures/regimes) on 900 weekdays from 2004, every role with seeded random daily
 * returns, and a regime definition with short windows so labels start within weeks.
 */
import { ROLES, type Role } from '../../../datasets/catalog.ts';
import { buildPanel, type Panel } from '../../../datasets/panel.ts';
import type { RoleSeries } from '../../../datasets/roles.ts';
import { makeRng } from '../../../engine/random.ts';
import { syntheticDataset } from '../../fixtures/regimes/synthetic.ts';

export const SHORT_WINDOWS = {
  zScore: { window: 120, minHistory: 20 },
  windows: {
    dollarTrendDays: 40,
    dollarMomentumDays: 20,
    dollarAccelerationDays: 10,
    balanceSheetWeeks: 4,
    netLiquidityWeeks: 4,
    reservesWeeks: 4,
    policyRateMonths: 1,
    rateExpectationsMonths: 1,
  },
  stability: { confirmDays: 3 },
};

/** Roles with seeded returns: risk roles ±2% a day with a small drift, cash 0.01% a day. */
export function syntheticRoles(panel: Panel, seed: number): Map<Role, RoleSeries> {
  const rng = makeRng(seed);
  const n = panel.calendar.length;
  const out = new Map<Role, RoleSeries>();
  for (const role of ROLES) {
    const returns = new Float64Array(n);
    for (let t = 1; t < n; t++) returns[t] = role === 'cash' ? 0.0001 : 0.0003 + (rng() - 0.5) * 0.04;
    out.set(role, { role, instruments: [role], returns, overnight: new Float64Array(n).fill(NaN), source: new Int8Array(n) });
  }
  return out;
}

export function syntheticWorld(seed = 11, n = 900): { panel: Panel; roles: Map<Role, RoleSeries> } {
  const panel = buildPanel(syntheticDataset(seed, n));
  return { panel, roles: syntheticRoles(panel, seed + 1) };
}
