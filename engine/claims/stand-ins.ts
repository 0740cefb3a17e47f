import type { Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import type { ClaimContext, StandIn } from './types.ts';

/**
 * Which of `roles` were held as T-bills (ctx.standIn) on the days in `indices` (calendar
 * indices of the return days a result rests on), and on how many: one entry per role with at
 * least one such day, in the order of `roles`.
 *
 * @example
 * standInsOn(ctx, ['commodities'], idx); // [{ role: 'commodities', days: 24, of: 164, from, to }]
 */
export function standInsOn(ctx: Pick<ClaimContext, 'standIn' | 'calendar'>, roles: readonly Role[], indices: Float64Array): StandIn[] {
  const out: StandIn[] = [];
  for (const role of new Set(roles)) {
    const flag = ctx.standIn[role];
    let days = 0;
    let first = -1;
    let last = -1;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      if (flag[i] !== 1) continue;
      days++;
      if (first < 0) first = i;
      last = i;
    }
    if (days > 0) out.push({ role, days, of: indices.length, from: ctx.calendar[first], to: ctx.calendar[last] });
  }
  return out;
}

/** "commodities held as T-bills (unpriced) on 24 of 164 days, 2026-08-11 … 2026-09-14". */
export function standInNote(s: StandIn): string {
  return `stand-in: ${s.role} held as T-bills (no instrument priced) on ${s.days} of ${s.of} days, ${isoDay(s.from)} … ${isoDay(s.to)}`;
}
