/**
 * Builders for synthetic claim contexts: a weekday calendar from 2024-01-01 to about
 * 2026-09-14 (no holidays), the article split at 2026-01-16 (the last weekday on or before
 * 2026-01-19, a Monday holiday in real life but a weekday here: we split at ≤ 2026-01-19, so
 * the Monday itself is in sample), seeded noise for the role returns and daily-published macro.
 */
import { ROLES, type Role } from '../../../datasets/catalog.ts';
import { dayOf, isWeekend, parseIsoDay, type Day } from '../../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../../datasets/panel.ts';
import { ARTICLE_DAY } from '../../../engine/claims/index.ts';
import type { ClaimContext } from '../../../engine/claims/index.ts';
import { makeRng } from '../../../engine/random.ts';

export function weekdays(from: Day, to: Day): Int32Array {
  const out: number[] = [];
  for (let d = from; d <= to; d++) if (!isWeekend(d)) out.push(d);
  return Int32Array.from(out);
}

export interface ContextSpec {
  from?: string;
  to?: string;
  /** Label of calendar index t (default 1 everywhere). */
  label?: (t: number, day: Day) => number;
  /** Daily drift of a role's return on return day i (default 0), noise sd 1 %. */
  drift?: (role: Role, i: number, labelBefore: number) => number;
  noise?: number;
  seed?: number;
  /** Macro value on each day (millions of USD; DFF percent), observed that day. */
  macro?: Partial<Record<'WALCL' | 'WRESBAL' | 'WDTGAL' | 'DFF', (day: Day, t: number) => number>>;
  netLiquidity?: (day: Day, t: number) => number;
  riskAversion?: (day: Day, t: number) => number;
  reps?: number;
  /** Days on which a role is held as T-bills (default none). */
  standIn?: Partial<Record<Role, (day: Day, t: number) => boolean>>;
  bootstrap?: 'stationary' | 'episode';
  /** The 2-year yield (percent), observed that day; default none. */
  dgs2?: (day: Day, t: number) => number;
}

export function makeContext(spec: ContextSpec = {}): ClaimContext {
  const calendar = weekdays(parseIsoDay(spec.from ?? '2024-01-01'), parseIsoDay(spec.to ?? '2026-09-14'));
  const n = calendar.length;
  const labels = Uint8Array.from(calendar, (d, t) => (spec.label ? spec.label(t, d) : 1));
  const rng = makeRng(spec.seed ?? 1);
  const noise = spec.noise ?? 0.01;
  const roles = {} as Record<Role, Float64Array>;
  for (const role of ROLES) {
    const r = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const g = (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3); // sd 1, mean 0
      r[i] = (spec.drift ? spec.drift(role, i, labels[i - 1]) : 0) + noise * g;
    }
    roles[role] = r;
  }
  const col = (f: ((d: Day, t: number) => number) | undefined, dflt: number) => Float64Array.from(calendar, (d, t) => (f ? f(d, t) : dflt));
  const macro = {
    WALCL: col(spec.macro?.WALCL, 6_500_000),
    WRESBAL: col(spec.macro?.WRESBAL, 3_200_000),
    WDTGAL: col(spec.macro?.WDTGAL, 800_000),
    DFF: col(spec.macro?.DFF, 3.64),
    DGS2: spec.dgs2 ? col(spec.dgs2, NaN) : undefined,
  };
  return {
    calendar,
    labels,
    roles,
    cash: new Float64Array(n),
    standIn: Object.fromEntries(
      ROLES.map((r) => [r, spec.standIn?.[r] ? Uint8Array.from(calendar, (d, t) => (spec.standIn![r]!(d, t) ? 1 : 0)) : new Uint8Array(n)]),
    ) as Record<Role, Uint8Array>,
    macro,
    asOf: { WALCL: calendar.slice(), WRESBAL: calendar.slice(), WDTGAL: calendar.slice(), DFF: calendar.slice() },
    netLiquidity: col(spec.netLiquidity, 5_700_000),
    riskAversion: spec.riskAversion ? { name: 'VIX', values: col(spec.riskAversion, 15) } : undefined,
    articleDay: ARTICLE_DAY,
    articleIndex: calendarIndexAtOrBefore(calendar, ARTICLE_DAY),
    reps: spec.reps ?? 300,
    seed: 7,
    level: 0.95,
    bootstrap: spec.bootstrap ?? 'stationary',
  };
}

/** Mean of xs × 252. */
export function annualMean(xs: number[]): number {
  return (xs.reduce((a, b) => a + b, 0) / xs.length) * 252;
}

export { dayOf };
