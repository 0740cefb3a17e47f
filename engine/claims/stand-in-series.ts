import type { Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { regimeMask, type DayWindow } from '../analysis/day-masks.ts';
import { standInsOn } from './stand-ins.ts';
import type { ClaimContext, StandIn } from './types.ts';

/** The mark put after a series name that leans on a stand-in; the footnote under the table explains it. */
export const STAND_IN_MARK = '†';

/** A row of a per-regime or relative table and the roles it is made of (a role; a pair's long and short roles). */
export interface SeriesRoles {
  name: string;
  roles: readonly Role[];
}

/**
 * The series of a per-regime or relative table that rest on stand-ins: for each, the roles that
 * earned the T-bill rate (no instrument priced) on some of the days the table counts (return
 * days of `window` whose previous close has a quadrant, the "all" row's days), and on how many.
 * Series without stand-ins are left out.
 *
 * @example
 * standInsBySeries(ctx, labels, [{ name: 'commodities', roles: ['commodities'] }], window);
 * // Map { 'commodities' => [{ role: 'commodities', days: 24, of: 4869, from, to }] }
 */
export function standInsBySeries(
  ctx: Pick<ClaimContext, 'standIn' | 'calendar'>,
  labels: Uint8Array,
  series: readonly SeriesRoles[],
  window?: DayWindow,
): Map<string, StandIn[]> {
  const mask = regimeMask(labels, 0, window);
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i];
  const indices = new Float64Array(count);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) indices[k++] = i;
  const out = new Map<string, StandIn[]>();
  for (const s of series) {
    const found = standInsOn(ctx, s.roles, indices);
    if (found.length) out.set(s.name, found);
  }
  return out;
}

/**
 * The footnote under a table whose marked series rest on stand-ins: "† held as T-bills (no
 * instrument priced) on some of the table's days: commodities on 24 of 4,869 (2026-08-11 to
 * 2026-09-14)". Undefined when nothing is marked.
 */
export function standInFootnote(marked: ReadonlyMap<string, readonly StandIn[]>): string | undefined {
  const seen = new Map<Role, StandIn>();
  for (const list of marked.values()) for (const s of list) if (!seen.has(s.role)) seen.set(s.role, s);
  if (!seen.size) return undefined;
  const parts = [...seen.values()].map((s) => `${s.role} on ${s.days} of ${s.of.toLocaleString('en-US')} (${isoDay(s.from)} to ${isoDay(s.to)})`);
  return `${STAND_IN_MARK} rests on a stand-in: held as T-bills (no instrument priced) on some of the table's days: ${parts.join('; ')}.`;
}

/** The series' stand-ins as JSON records (validate's `standIns`): one per series and role, dates ISO. */
export function standInRecords(
  marked: ReadonlyMap<string, readonly StandIn[]>,
): { series: string; role: Role; days: number; of: number; from: string; to: string }[] {
  return [...marked].flatMap(([series, list]) => list.map((s) => ({ series, role: s.role, days: s.days, of: s.of, from: isoDay(s.from), to: isoDay(s.to) })));
}
