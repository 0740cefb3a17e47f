import { ROLES, type Role } from '../../datasets/catalog.ts';
import { parseIsoDay, type Day } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import { tbillReturns, type RoleSeries } from '../../datasets/roles.ts';
import { DEFAULT_LEVEL, DEFAULT_REPS, DEFAULT_SEED } from '../analysis/defaults.ts';
import { panelNetLiquidity } from '../analysis/liquidity-signals.ts';
import { badArgument } from '../stats/bad-argument.ts';
import type { ClaimContext, ClaimWindow } from './types.ts';

/** The article's date: 19 January 2026. Data after it is out of sample. */
export const ARTICLE_DAY: Day = parseIsoDay('2026-01-19');

/** Options of {@link buildClaimContext}. */
export interface ClaimContextOptions {
  reps?: number;
  seed?: number;
  level?: number;
  /** Split day (default ARTICLE_DAY). */
  articleDay?: Day;
}

const MACRO = ['WALCL', 'WRESBAL', 'WDTGAL', 'DFF'] as const;

/**
 * Gathers what the claims read from a panel, its role returns and the regime labels. The risk
 * aversion gauge of C3 is VIXCLS when the panel has it, else the high-yield spread
 * BAMLH0A0HYM2, else none (C3 then falls back on US large caps' trailing return).
 *
 * @throws DataError when a needed macro column is missing; QuadrantError `bad-argument` when the
 *   labels' length differs from the calendar's.
 */
export function buildClaimContext(panel: Panel, roles: ReadonlyMap<Role, RoleSeries>, labels: Uint8Array, options: ClaimContextOptions = {}): ClaimContext {
  const n = panel.calendar.length;
  if (labels.length !== n) throw badArgument(`buildClaimContext needs labels as long as the calendar (${n}), got ${labels.length}`);
  for (const id of MACRO) {
    if (!panel.columns[id]) throw new DataError('series-missing', `the claims need ${id}`, { series: id, hint: 'check `quadrant data verify`' });
  }
  const roleReturns = {} as Record<Role, Float64Array>;
  for (const role of ROLES) {
    const rs = roles.get(role);
    if (!rs) throw new DataError('series-missing', `the claims need returns of role ${role}`, { series: role });
    roleReturns[role] = rs.returns;
  }
  const gauge = panel.columns.VIXCLS ? 'VIXCLS' : panel.columns.BAMLH0A0HYM2 ? 'BAMLH0A0HYM2' : undefined;
  const articleDay = options.articleDay ?? ARTICLE_DAY;
  return {
    calendar: panel.calendar,
    labels,
    roles: roleReturns,
    cash: tbillReturns(panel),
    macro: { WALCL: panel.columns.WALCL, WRESBAL: panel.columns.WRESBAL, WDTGAL: panel.columns.WDTGAL, DFF: panel.columns.DFF },
    asOf: { WALCL: panel.asOf.WALCL, WRESBAL: panel.asOf.WRESBAL, WDTGAL: panel.asOf.WDTGAL, DFF: panel.asOf.DFF },
    netLiquidity: panelNetLiquidity(panel),
    riskAversion: gauge ? { name: gauge, values: panel.columns[gauge] } : undefined,
    articleDay,
    articleIndex: calendarIndexAtOrBefore(panel.calendar, articleDay),
    reps: options.reps ?? DEFAULT_REPS,
    seed: options.seed ?? DEFAULT_SEED,
    level: options.level ?? DEFAULT_LEVEL,
  };
}

/**
 * The two sample windows of return days: in-sample = days up to and including the last close
 * on or before the article's date; out-of-sample = every later day (its first return is earned
 * from that close to the next). Either is undefined when empty.
 */
export function claimWindows(ctx: ClaimContext): { inSample?: ClaimWindow; outOfSample?: ClaimWindow } {
  const n = ctx.calendar.length;
  const a = ctx.articleIndex;
  return {
    inSample: a >= 1 ? { kind: 'in-sample', from: 1, to: Math.min(a, n - 1) } : undefined,
    outOfSample: a + 1 <= n - 1 ? { kind: 'out-of-sample', from: Math.max(1, a + 1), to: n - 1 } : undefined,
  };
}
