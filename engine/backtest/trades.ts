import type { Role } from '../../datasets/catalog.ts';
import type { Day } from '../../datasets/day.ts';
import type { Market } from './market.ts';
import type { BacktestResult } from './result.ts';

/** One order of a fill, for listings (built after the run, never inside the loop). */
export interface Trade {
  day: Day;
  role: Role;
  /** The instrument behind the role on the fill day. */
  instrument: string;
  /** Value bought (+) or sold (−), NAV units (starting equity = 1). */
  amount: number;
  /** The amount as a fraction of that day's closing NAV. */
  fraction: number;
  /** The order's cost (proportional and fixed), NAV units. */
  cost: number;
}

/**
 * The orders of a result: every role whose traded amount exceeds `minFraction` of the day's
 * NAV (default 1e-12, which drops nothing but rounding), in day then role order. With a market
 * the instrument used that day is named; without one, the role.
 */
export function tradesOf(result: BacktestResult, market?: Market, minFraction = 1e-12): Trade[] {
  const R = result.roles.length;
  const out: Trade[] = [];
  for (let i = 0; i < result.nav.length; i++) {
    if (!result.filled[i]) continue;
    const t = result.start + i;
    for (let k = 0; k < R; k++) {
      const amount = result.traded[i * R + k];
      if (Math.abs(amount) <= minFraction * result.nav[i]) continue;
      let instrument: string = result.roles[k];
      if (market) {
        const src = market.source[t * R + k];
        instrument = market.instruments[k][src >= 0 ? src : 0];
      }
      out.push({ day: result.days[i], role: result.roles[k], instrument, amount, fraction: amount / result.nav[i], cost: result.tradeCost[i * R + k] });
    }
  }
  return out;
}
