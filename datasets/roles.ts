import { DEFAULT_ROLE_INSTRUMENTS, ROLES, TBILL, isRole, type Role } from './catalog.ts';
import { isoDay } from './day.ts';
import { ConfigError } from './errors.ts';
import type { Panel } from './panel.ts';

/** Which macro column carries the T-bill rate (percent, DTB3 continued by DGS3MO). */
export const TBILL_RATE = 'DTB3';

/**
 * A role's daily returns on the calendar, chained across its instruments: on day t the first
 * instrument (in preference order) with closes on both t-1 and t supplies the return, else the
 * T-bill account. `source[t]` is the index into `instruments` used on day t (-1 on day 0).
 */
export interface RoleSeries {
  role: Role;
  instruments: readonly string[];
  returns: Float64Array;
  /** Close-to-next-open return of the instrument used (NaN without an open), for next-open fills. */
  overnight: Float64Array;
  source: Int8Array;
}

/** One run of days on which a role used one instrument, for "which was used when" reports. */
export interface RoleSegment {
  role: Role;
  instrument: string;
  from: string;
  to: string;
  days: number;
}

export type RoleMap = Partial<Record<Role, readonly string[]>>;

/** Checks a user's role → instruments override against the panel's columns. */
export function resolveRoleMap(panel: Panel, overrides: RoleMap = {}): Record<Role, readonly string[]> {
  const map = { ...DEFAULT_ROLE_INSTRUMENTS } as Record<Role, readonly string[]>;
  for (const [role, list] of Object.entries(overrides)) {
    if (!isRole(role)) throw new ConfigError('unknown-role', `unknown role "${role}"`, { field: `roles.${role}`, hint: `roles are ${ROLES.join(', ')}` });
    for (const t of list ?? []) {
      if (t !== TBILL && !(t in panel.columns)) {
        throw new ConfigError('unknown-ticker', `unknown ticker "${t}" for role ${role}`, { field: `roles.${role}`, hint: 'use a ticker present in prices/' });
      }
    }
    map[role] = list ?? map[role];
  }
  return map;
}

/**
 * Daily simple returns of the T-bill account: the rate known at the previous close accrues
 * over the calendar days to this close, actual/360 (money-market convention). The discount
 * basis of DTB3 is used as the yield; the difference is a few basis points a year.
 */
export function tbillReturns(panel: Panel): Float64Array {
  const rate = panel.columns[TBILL_RATE];
  const cal = panel.calendar;
  const out = new Float64Array(cal.length);
  out[0] = 0;
  for (let t = 1; t < cal.length; t++) {
    const r = rate ? rate[t - 1] : NaN;
    out[t] = Number.isNaN(r) ? 0 : ((r / 100) * (cal[t] - cal[t - 1])) / 360;
  }
  return out;
}

/** Builds every role's chained return series. */
export function buildRoles(panel: Panel, map: Record<Role, readonly string[]> = resolveRoleMap(panel)): Map<Role, RoleSeries> {
  const cash = tbillReturns(panel);
  const out = new Map<Role, RoleSeries>();
  for (const role of ROLES) {
    const list = map[role].includes(TBILL) ? [...map[role]] : [...map[role], TBILL];
    out.set(role, chainRole(panel, role, list, cash));
  }
  return out;
}

function chainRole(panel: Panel, role: Role, instruments: string[], cash: Float64Array): RoleSeries {
  const n = panel.calendar.length;
  const returns = new Float64Array(n);
  const overnight = new Float64Array(n).fill(NaN);
  const source = new Int8Array(n).fill(-1);
  const closes = instruments.map((t) => (t === TBILL ? undefined : panel.columns[t]));
  const opens = instruments.map((t) => (t === TBILL ? undefined : panel.open[t]));
  for (let t = 1; t < n; t++) {
    for (let k = 0; k < instruments.length; k++) {
      const c = closes[k];
      if (!c) {
        // An instrument absent from the data is skipped; only the T-bill account has no closes.
        if (instruments[k] !== TBILL) continue;
        returns[t] = cash[t];
        overnight[t] = 0;
        source[t] = k;
        break;
      }
      const prev = c[t - 1];
      const cur = c[t];
      if (Number.isNaN(prev) || Number.isNaN(cur)) continue;
      returns[t] = cur / prev - 1;
      const o = opens[k]![t];
      overnight[t] = Number.isNaN(o) ? NaN : o / prev - 1;
      source[t] = k;
      break;
    }
  }
  return { role, instruments, returns, overnight, source };
}

/** The runs of one instrument per role, in time order. */
export function roleSegments(panel: Panel, roles: Map<Role, RoleSeries>): RoleSegment[] {
  const out: RoleSegment[] = [];
  for (const rs of roles.values()) {
    let start = 1;
    for (let t = 2; t <= rs.source.length; t++) {
      if (t === rs.source.length || rs.source[t] !== rs.source[start]) {
        out.push({
          role: rs.role,
          instrument: rs.instruments[rs.source[start]],
          from: isoDay(panel.calendar[start]),
          to: isoDay(panel.calendar[t - 1]),
          days: t - start,
        });
        start = t;
      }
    }
  }
  return out;
}
