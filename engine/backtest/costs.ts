import { isRole, ROLES, type Role } from '../../datasets/catalog.ts';
import { ConfigError } from '../../datasets/errors.ts';

/** Basis points for every role, or per role (roles not named get `default`, else 0). */
export type PerRoleBps = number | (Partial<Record<Role, number>> & { default?: number });

/**
 * Trading costs, each reported on its own:
 * - `bps`: commission and spread, proportional, basis points of the value traded;
 * - `slippageBps`: slippage, extra basis points of the value traded, per role;
 * - `impactBps`: slippage growing with the size of the rebalance: `impactBps × τ` extra basis
 *   points, τ the rebalance's one-way turnover (a fraction of equity), so a full switch
 *   (τ = 1) pays the whole `impactBps` and a small trim almost nothing;
 * - `fixedPerTrade`: a fixed amount per order, in the currency of `initialCapital`.
 */
export interface CostOptions {
  bps?: PerRoleBps;
  slippageBps?: PerRoleBps;
  impactBps?: number;
  fixedPerTrade?: number;
  /** Starting equity in currency; only gives fixed costs their scale (NAV itself starts at 1). */
  initialCapital?: number;
}

/** Costs as fractions, per role column: what the replay loop multiplies by. */
export interface CostModel {
  /** Commission rate per unit traded, per role column. */
  readonly commission: Float64Array;
  /** Slippage rate per unit traded, per role column. */
  readonly slippage: Float64Array;
  /** Extra rate per unit traded per unit of one-way turnover. */
  readonly impact: number;
  /** Fixed cost per order as a fraction of the starting equity (NAV units). */
  readonly fixed: number;
}

/**
 * Resolves cost options into per-column rates for `roles`.
 *
 * @throws ConfigError naming the field (`costs.bps.us_large`, `costs.fixedPerTrade`, …) for a
 *   negative, non-finite or ≥ 10,000 bps value, an unknown role, or a non-positive capital.
 */
export function resolveCosts(options: CostOptions = {}, roles: readonly Role[] = ROLES): CostModel {
  // One backing store for both (a replay resolves its costs on every call).
  const rates = new Float64Array(2 * roles.length);
  const commission = perRole(options.bps ?? 0, roles, 'costs.bps', rates.subarray(0, roles.length));
  const slippage = perRole(options.slippageBps ?? 0, roles, 'costs.slippageBps', rates.subarray(roles.length));
  const impact = checkBps(options.impactBps ?? 0, 'costs.impactBps') / 1e4;
  const capital = options.initialCapital ?? 1_000_000;
  if (!(capital > 0) || !Number.isFinite(capital))
    throw new ConfigError('bad-config', `initialCapital must be a positive amount, got ${capital}`, { field: 'costs.initialCapital' });
  const fixedAmount = options.fixedPerTrade ?? 0;
  if (!(fixedAmount >= 0) || !Number.isFinite(fixedAmount))
    throw new ConfigError('bad-config', `fixedPerTrade must be ≥ 0, got ${fixedAmount}`, { field: 'costs.fixedPerTrade' });
  for (let k = 0; k < roles.length; k++) {
    if (commission[k] + slippage[k] + impact >= 1)
      throw new ConfigError('bad-config', `costs for ${roles[k]} reach 100% of the value traded`, { field: 'costs' });
  }
  return { commission, slippage, impact, fixed: fixedAmount / capital };
}

function perRole(spec: PerRoleBps, roles: readonly Role[], field: string, out = new Float64Array(roles.length)): Float64Array {
  if (typeof spec === 'number') {
    out.fill(checkBps(spec, field) / 1e4);
    return out;
  }
  for (const key of Object.keys(spec)) {
    if (key !== 'default' && !isRole(key))
      throw new ConfigError('unknown-role', `unknown role "${key}"`, { field: `${field}.${key}`, hint: `roles are ${ROLES.join(', ')} (or "default")` });
  }
  const fallback = checkBps(spec.default ?? 0, `${field}.default`);
  roles.forEach((role, k) => {
    const v = spec[role];
    out[k] = (v === undefined ? fallback : checkBps(v, `${field}.${role}`)) / 1e4;
  });
  return out;
}

function checkBps(v: number, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v >= 1e4) {
    throw new ConfigError('bad-config', `${field} must be a number of basis points in [0, 10000), got ${v}`, { field });
  }
  return v;
}

/**
 * The equity after a rebalance under Quadrant's exact self-financing cost convention:
 * V' solves `V' = V − fixed − Σ_k c_k · |w_k·V' − h_k|`, so every asset lands exactly on its
 * target weight w_k of the post-trade equity V' and the costs come out of the whole book.
 *
 * g(V') = V' + Σ c_k|w_k V' − h_k| + fixed − V is convex and piecewise linear, and g(V) ≥ 0;
 * Newton's method from V' = V therefore descends monotonically onto the largest root and stops
 * exactly after at most R + 1 linear pieces. While Σ c_k|w_k| < 1 every slope is positive. Past
 * that (a large leveraged trade whose impact rate grows with its turnover) a piece can slope
 * down: by convexity g then stays above zero everywhere to its left, so no equity pays the
 * costs and the answer is 0 (a wipe-out), never a root above V.
 *
 * @param V pre-trade equity (holdings plus cash), NAV units.
 * @param h pre-trade holdings by role column, NAV units.
 * @param rows target rows; the target of column k is `scale · rows[offset + k]`.
 * @param rate c_k, the proportional cost rate per unit traded (commission + slippage).
 * @param fixed the fixed costs of this rebalance, NAV units.
 * @returns V' (may be ≤ 0 when fixed costs exceed the equity; the caller decides).
 */
export function postTradeEquity(V: number, h: Float64Array, rows: Float64Array, offset: number, scale: number, rate: Float64Array, fixed: number): number {
  const R = h.length;
  // V · 1 is V, as a float64: from the bare parameter the compiler kept x boxed and allocated
  // a heap number every step.
  let x = V * 1;
  for (let iter = 0; iter < 64; iter++) {
    // Linear piece at x: g(y) = y(1 + Σ c s w) − Σ c s h + fixed − V, s = sign(w x − h).
    let slope = 1;
    let intercept = fixed - V;
    for (let k = 0; k < R; k++) {
      const w = scale * rows[offset + k];
      // ±c_k as c_k·d/|d| (exactly ±1), 0 on target: no branch on the sign of the trade,
      // which comes in no predictable order; ±c·w and ±c·h are exactly the terms to add or take.
      const d = w * x - h[k];
      const a = Math.abs(d);
      const c = a === 0 ? 0 : (d / a) * rate[k];
      slope += c * w;
      intercept -= c * h[k];
    }
    if (!(slope > 0)) return slope * x + intercept <= 0 ? x : 0;
    const next = -intercept / slope;
    if (next === x || Math.abs(next - x) <= 1e-15 * Math.abs(V)) return next;
    x = next;
  }
  return x;
}
