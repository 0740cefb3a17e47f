import { ConfigError } from '../../datasets/errors.ts';
import { RISK_GAUGE_DAYS } from '../../engine/claims/quadrant-claims.ts';
import { parseRoleWeights, weightsRow, type RoleWeights } from '../quadrant-table.ts';
import type { DayContext } from '../context.ts';
import type { Step } from '../step.ts';

/** The risk-aversion gauges, in the order the claims use them (engine/claims buildClaimContext). */
const GAUGES = ['VIXCLS', 'BAMLH0A0HYM2'] as const;

/**
 * `weighByRiskAppetite(quadrant, when, weights)`: on days labelled `quadrant` when risk appetite
 * is falling (`when` = 'falling') or is not ('steady'), replace the target with `weights`; other
 * days keep what earlier steps set. Risk
 * appetite falls at close t exactly as in claim C3 (riskAppetiteFalling): the gauge (VIXCLS,
 * else the high-yield spread BAMLH0A0HYM2) is above its as-of value RISK_GAUGE_DAYS trading days
 * earlier; with neither in the panel, US large caps' compound return over the last
 * RISK_GAUGE_DAYS days is negative. Reads: label(0), the gauge at 0 and RISK_GAUGE_DAYS back (or
 * us_large's returns 0..RISK_GAUGE_DAYS−1 back). Sets: selected and weights.
 *
 * @throws ProblemsError naming `weights.<role>` for unknown roles, bad numbers, or a sum ≠ 1.
 */
export function weighByRiskAppetite(quadrant: 1 | 2 | 3 | 4, when: 'falling' | 'steady', weights: RoleWeights, label = 'weights'): Step {
  parseRoleWeights(weights, 'weights');
  const wantFalling = when === 'falling';
  return {
    kind: 'weigh',
    name: `weighByRiskAppetite(Q${quadrant} ${when}: ${label})`,
    byRegime: true,
    reads: `label at t; ${GAUGES.join(' or ')} at t and t−${RISK_GAUGE_DAYS} (else us_large returns)`,
    bind: (setup) => {
      const row = weightsRow(weights, setup.roles);
      const large = setup.column('us_large');
      let gauge: string | null | undefined;
      const falling = (ctx: DayContext): boolean => {
        if (gauge === undefined) gauge = GAUGES.find((id) => hasColumn(ctx, id)) ?? null;
        if (gauge !== null) return ctx.column(gauge, 0) > ctx.column(gauge, RISK_GAUGE_DAYS);
        if (large < 0 || ctx.t < RISK_GAUGE_DAYS) return false;
        let g = 1;
        for (let b = 0; b < RISK_GAUGE_DAYS; b++) g *= 1 + ctx.roleReturn(large, b);
        return g < 1;
      };
      return (ctx, s) => {
        if (ctx.label() !== quadrant || falling(ctx) !== wantFalling) return true;
        for (let k = 0; k < row.length; k++) {
          s.weights[k] = row[k];
          s.selected[k] = row[k] !== 0 ? 1 : 0;
        }
        return true;
      };
    },
  };
}

function hasColumn(ctx: DayContext, id: string): boolean {
  try {
    ctx.column(id, 0);
    return true;
  } catch (err) {
    if (err instanceof ConfigError) return false;
    throw err;
  }
}
