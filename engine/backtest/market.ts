import { ROLES, type Role } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import type { Panel } from '../../datasets/panel.ts';
import { roleSegments, tbillReturns, type RoleSegment, type RoleSeries } from '../../datasets/roles.ts';

/**
 * What the replay trades, packed for the hot loop: the roles' daily returns day-major
 * (`returns[t * R + k]` is role k's simple return from close t−1 to close t), their overnight
 * returns (close t−1 → open t, NaN without an open), and the T-bill account's daily accrual.
 * Built once per data set and shared by every run (and, in sweeps, by every worker).
 */
export interface Market {
  /** Trading days (days since 1970-01-01 UTC), n of them. */
  readonly calendar: Int32Array;
  /** The assets, in column order; R = roles.length. */
  readonly roles: readonly Role[];
  /** n × R, day-major: `returns[t * R + k]`. Element t = 0 is 0. Never NaN. */
  readonly returns: Float64Array;
  /** n × R, day-major: close t−1 → open t of the instrument used on day t; NaN without an open. */
  readonly overnight: Float64Array;
  /** Daily T-bill accrual (actual/360 on the rate known at the previous close), length n. */
  readonly cashReturns: Float64Array;
  /** n × R: index of the instrument used on day t (into `instruments[k]`), −1 on day 0. */
  readonly source: Int8Array;
  /** Each role's instruments in order of preference (the last is the T-bill account). */
  readonly instruments: readonly (readonly string[])[];
  /** Runs of one instrument per role over the whole calendar ("which was used when"). */
  readonly segments: readonly RoleSegment[];
}

/** The arrays a replay reads: what sweeps share with their workers. */
export type MarketArrays = Pick<Market, 'calendar' | 'roles' | 'returns' | 'overnight' | 'cashReturns'>;

/**
 * Packs `buildRoles(panel)` into a {@link Market}. Returns, overnight returns and sources are
 * copied day-major; nothing is recomputed, so the market says exactly what the roles say.
 *
 * @throws ConfigError when a role of {@link ROLES} is missing from `roles`.
 */
export function marketFromRoles(panel: Panel, roles: Map<Role, RoleSeries>): Market {
  const list = ROLES.filter((r) => roles.has(r));
  if (!list.includes('cash')) throw new ConfigError('unknown-role', 'the roles lack "cash" (the T-bill account)', { field: 'roles.cash' });
  const n = panel.calendar.length;
  const R = list.length;
  const returns = new Float64Array(n * R);
  const overnight = new Float64Array(n * R);
  const source = new Int8Array(n * R);
  list.forEach((role, k) => {
    const rs = roles.get(role)!;
    for (let t = 0; t < n; t++) {
      returns[t * R + k] = t === 0 ? 0 : rs.returns[t];
      overnight[t * R + k] = rs.overnight[t];
      source[t * R + k] = rs.source[t];
    }
  });
  return Object.freeze({
    calendar: panel.calendar,
    roles: list,
    returns,
    overnight,
    cashReturns: tbillReturns(panel),
    source,
    instruments: list.map((r) => roles.get(r)!.instruments),
    segments: roleSegments(panel, roles),
  });
}

/**
 * A market from plain arrays, for tests, sweeps and synthetic data. `returns` and `overnight`
 * are day-major n × R; `overnight` defaults to NaN (no opens), `cashReturns` to the `cash`
 * role's returns, and every role is said to use one instrument named after it.
 *
 * @throws ConfigError when lengths disagree, a return is not finite or `roles` lacks `cash`.
 */
export function marketFromArrays(input: {
  calendar: Int32Array;
  roles: readonly Role[];
  returns: Float64Array;
  overnight?: Float64Array;
  cashReturns?: Float64Array;
}): Market {
  const n = input.calendar.length;
  const R = input.roles.length;
  const cash = input.roles.indexOf('cash');
  if (cash < 0) throw new ConfigError('unknown-role', 'the roles lack "cash" (the T-bill account)', { field: 'roles' });
  if (input.returns.length !== n * R)
    throw new ConfigError('bad-config', `returns must be n × R = ${n * R} long, got ${input.returns.length}`, { field: 'returns' });
  if (input.overnight && input.overnight.length !== n * R)
    throw new ConfigError('bad-config', `overnight must be n × R = ${n * R} long`, { field: 'overnight' });
  requireFinite(input.returns, input.calendar, 'returns', (j) => input.roles[j % R], R);
  let cashReturns = input.cashReturns;
  if (!cashReturns) {
    cashReturns = new Float64Array(n);
    for (let t = 0; t < n; t++) cashReturns[t] = input.returns[t * R + cash];
  } else if (cashReturns.length !== n) throw new ConfigError('bad-config', `cashReturns must be n = ${n} long`, { field: 'cashReturns' });
  else requireFinite(cashReturns, input.calendar, 'cashReturns', () => 'the T-bill account', 1);
  const source = new Int8Array(n * R);
  source.fill(-1, 0, R);
  return Object.freeze({
    calendar: input.calendar,
    roles: [...input.roles],
    returns: input.returns,
    overnight: input.overnight ?? new Float64Array(n * R).fill(NaN),
    cashReturns,
    source,
    instruments: input.roles.map((r) => [r]),
    segments: [],
  });
}

/**
 * The replay takes returns as finite (a role it does not hold is not even read, and a book
 * without a financing account never reads the T-bill accrual): throws naming the first that is not.
 */
function requireFinite(values: Float64Array, calendar: Int32Array, field: string, nameOf: (j: number) => string, width: number): void {
  for (let j = 0; j < values.length; j++) {
    const r = values[j];
    if (!Number.isFinite(r))
      throw new ConfigError('bad-config', `return of ${nameOf(j)} on ${isoDay(calendar[Math.floor(j / width)])} is ${r}, not a finite number`, { field });
  }
}

/** Column of a role in the market, or −1. */
export function roleIndex(market: Market, role: Role): number {
  return market.roles.indexOf(role);
}
