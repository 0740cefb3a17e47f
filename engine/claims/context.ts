import { ROLES, TBILL, type Role } from '../../datasets/catalog.ts';
import { parseIsoDay, type Day } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import { tbillReturns, type RoleSeries } from '../../datasets/roles.ts';
import { DEFAULT_LEVEL, DEFAULT_REPS, DEFAULT_SEED } from '../analysis/defaults.ts';
import { panelNetLiquidity } from '../analysis/liquidity-signals.ts';
import { badArgument } from '../stats/bad-argument.ts';
import type { BootstrapKind, ClaimContext, ClaimWindow } from './types.ts';

/** The article's date: 19 January 2026. Data after it is out of sample. */
export const ARTICLE_DAY: Day = parseIsoDay('2026-01-19');

/** Options of {@link buildClaimContext}. */
export interface ClaimContextOptions {
  reps?: number;
  seed?: number;
  level?: number;
  /** Split day (default ARTICLE_DAY). */
  articleDay?: Day;
  /** Resampling of the history claims: days in blocks (default) or whole episodes. */
  bootstrap?: BootstrapKind;
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
  const standIn = {} as Record<Role, Uint8Array>;
  for (const role of ROLES) {
    const rs = roles.get(role);
    if (!rs) throw new DataError('series-missing', `the claims need returns of role ${role}`, { series: role });
    roleReturns[role] = rs.returns;
    standIn[role] = standInDays(rs);
  }
  const gauge = panel.columns.VIXCLS ? 'VIXCLS' : panel.columns.BAMLH0A0HYM2 ? 'BAMLH0A0HYM2' : undefined;
  const articleDay = options.articleDay ?? ARTICLE_DAY;
  return {
    calendar: panel.calendar,
    labels,
    roles: roleReturns,
    cash: tbillReturns(panel),
    standIn,
    macro: { WALCL: panel.columns.WALCL, WRESBAL: panel.columns.WRESBAL, WDTGAL: panel.columns.WDTGAL, DFF: panel.columns.DFF, DGS2: panel.columns.DGS2 },
    asOf: { WALCL: panel.asOf.WALCL, WRESBAL: panel.asOf.WRESBAL, WDTGAL: panel.asOf.WDTGAL, DFF: panel.asOf.DFF },
    netLiquidity: panelNetLiquidity(panel),
    riskAversion: gauge ? { name: gauge, values: panel.columns[gauge] } : undefined,
    articleDay,
    articleIndex: calendarIndexAtOrBefore(panel.calendar, articleDay),
    reps: options.reps ?? DEFAULT_REPS,
    seed: options.seed ?? DEFAULT_SEED,
    level: options.level ?? DEFAULT_LEVEL,
    bootstrap: options.bootstrap ?? 'stationary',
  };
}

/** 1 on the days a (non-cash) role earned the T-bill rate because none of its instruments was priced. */
function standInDays(rs: RoleSeries): Uint8Array {
  const out = new Uint8Array(rs.source.length);
  if (rs.role === 'cash') return out;
  for (let t = 1; t < out.length; t++) out[t] = rs.source[t] >= 0 && rs.instruments[rs.source[t]] === TBILL ? 1 : 0;
  return out;
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
