import { describe, it, expect } from 'vitest';
import { ROLES } from '../../datasets/catalog.ts';
import { dayParts } from '../../datasets/day.ts';
import { marketFromRoles } from '../../engine/backtest/market.ts';
import { compileStrategy, defineStrategy, rebalanceOn, riskParity, selectRoles, weighInverseVolatility, whenMonthStarts } from '../../strategies/index.ts';
import { syntheticWorld } from './robustness/synthetic-inputs.ts';

const { panel, roles } = syntheticWorld(5, 400);
const market = marketFromRoles(panel, roles);
const R = market.roles.length;

describe('risk-parity and whenMonthStarts', () => {
  it('whenMonthStarts goes on exactly on the first trading day of each month (and the first day)', () => {
    const fn = whenMonthStarts().bind({ roles: market.roles, column: () => -1 });
    const cal = market.calendar;
    for (let t = 0; t < cal.length; t++) {
      const go = fn({ day: cal[t] } as never, { selected: new Uint8Array(R), weights: new Float64Array(R) });
      const first = t === 0 || dayParts(cal[t]).month !== dayParts(cal[t - 1]).month;
      expect(go).toBe(first);
    }
  });

  it('on every day the monthly rule trades, its target is the daily inverse-volatility target (computed the slow way: every day)', () => {
    const daily = defineStrategy({
      name: 'daily',
      steps: [selectRoles(ROLES.filter((r) => r !== 'cash')), weighInverseVolatility({ lookback: 63 }), rebalanceOn('monthly')],
    });
    const a = compileStrategy(riskParity(), { market });
    const b = compileStrategy(daily, { market });
    let checked = 0;
    for (let t = 1; t < market.calendar.length; t++) {
      expect(a.trigger[t]).toBe(b.trigger[t]);
      if (!a.trigger[t]) continue;
      const ra = a.rows.subarray(a.index[t] * R, (a.index[t] + 1) * R);
      const rb = b.rows.subarray(b.index[t] * R, (b.index[t] + 1) * R);
      expect(Array.from(ra)).toEqual(Array.from(rb));
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });
});
