import type { Role } from '../../datasets/catalog.ts';
import { changeOver } from '../signals/change-over.ts';
import { spreadClaim } from './spread-claim.ts';
import type { Claim, ClaimContext } from './types.ts';

/** The risk assets of C1 (and of C5–C7's basket): US large and small, non-US developed, emerging, commodities. */
export const RISK_ROLES: readonly Role[] = ['us_large', 'us_small', 'non_us_developed', 'emerging', 'commodities'];

/** Trading days over which C3's risk gauge must have risen (one month). */
export const RISK_GAUGE_DAYS = 21;

/** Decision-day codes: 1 where the label at t is `quadrant`. */
function inQuadrant(ctx: ClaimContext, quadrant: number): Uint8Array {
  const out = new Uint8Array(ctx.labels.length);
  for (let t = 0; t < out.length; t++) out[t] = ctx.labels[t] === quadrant ? 1 : 0;
  return out;
}

/**
 * Falling risk appetite at close t: the risk-aversion gauge (VIX, else the high-yield spread)
 * is higher than RISK_GAUGE_DAYS trading days earlier, both as-of values public by t. Without a
 * gauge: US large caps' compound return over the last RISK_GAUGE_DAYS days is negative.
 */
export function riskAppetiteFalling(ctx: ClaimContext): Uint8Array {
  const n = ctx.calendar.length;
  const out = new Uint8Array(n);
  if (ctx.riskAversion) {
    const change = changeOver(ctx.riskAversion.values, RISK_GAUGE_DAYS);
    for (let t = 0; t < n; t++) out[t] = change[t] > 0 ? 1 : 0;
    return out;
  }
  const r = ctx.roles.us_large;
  for (let t = RISK_GAUGE_DAYS; t < n; t++) {
    let g = 1;
    for (let k = t - RISK_GAUGE_DAYS + 1; k <= t; k++) g *= 1 + r[k];
    out[t] = g < 1 ? 1 : 0;
  }
  return out;
}

export const C1: Claim = spreadClaim({
  id: 'C1',
  title: 'Q1: broad rally',
  text: 'In Q1, global risk assets rise broadly (US large, US small, non-US developed, emerging, commodities all positive on average).',
  legs: RISK_ROLES.map((r) => ({ name: r, long: [r], short: [] })),
  conditionText: 'in Q1',
  condition: (ctx) => inQuadrant(ctx, 1),
});

export const C2: Claim = spreadClaim({
  id: 'C2',
  title: 'Q2: USD assets beat non-US',
  text: 'In Q2, USD assets beat non-US assets.',
  legs: [{ name: 'US (large+small) − non-US (developed+emerging)', long: ['us_large', 'us_small'], short: ['non_us_developed', 'emerging'] }],
  conditionText: 'in Q2',
  condition: (ctx) => inQuadrant(ctx, 2),
});

export const C3: Claim = spreadClaim({
  id: 'C3',
  title: 'Q2 + risk-off: small beat large',
  text: 'In Q2, when risk appetite falls, US small caps beat US large caps.',
  legs: [{ name: 'US small − US large', long: ['us_small'], short: ['us_large'] }],
  conditionText: `in Q2 with risk appetite falling (risk gauge up over ${RISK_GAUGE_DAYS} days)`,
  condition: (ctx) => {
    const q2 = inQuadrant(ctx, 2);
    const off = riskAppetiteFalling(ctx);
    for (let t = 0; t < q2.length; t++) q2[t] &= off[t];
    return q2;
  },
  conditionNote: (ctx) =>
    `risk gauge: ${ctx.riskAversion ? `${ctx.riskAversion.name} up over ${RISK_GAUGE_DAYS} days` : `US large caps down over ${RISK_GAUGE_DAYS} days (no VIX or HY spread in the data)`}`,
});

export const C4: Claim = spreadClaim({
  id: 'C4',
  title: 'Q3: non-US + commodities beat US',
  text: 'In Q3, non-US assets (incl. Hong Kong / China) and commodities beat US assets.',
  legs: [
    { name: 'non-US (dev+EM+China/HK) − US', long: ['non_us_developed', 'emerging', 'china_hk'], short: ['us_large', 'us_small'] },
    { name: 'commodities − US', long: ['commodities'], short: ['us_large', 'us_small'] },
  ],
  conditionText: 'in Q3',
  condition: (ctx) => inQuadrant(ctx, 3),
});
