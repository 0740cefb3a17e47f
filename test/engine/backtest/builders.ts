import fc from 'fast-check';
import type { Role } from '../../../datasets/catalog.ts';
import { marketFromArrays, type Market } from '../../../engine/backtest/market.ts';
import type { Plan } from '../../../engine/backtest/plan.ts';

/** Trading days: weekdays from 2020-01-06 (a Monday), `n` of them. */
export function makeCalendar(n: number, from = 18267): Int32Array {
  const out = new Int32Array(n);
  let d = from;
  for (let i = 0; i < n; i++) {
    while ((((d + 4) % 7) + 7) % 7 === 0 || (((d + 4) % 7) + 7) % 7 === 6) d++;
    out[i] = d++;
  }
  return out;
}

export const ROLES3: Role[] = ['us_large', 'treasuries', 'cash'];

/** A synthetic market: `returns` per day as arrays over `roles` (day 0's ignored). */
export function makeMarket(returns: number[][], roles: Role[] = ROLES3, overnight?: number[][]): Market {
  const n = returns.length;
  const R = roles.length;
  const flat = new Float64Array(n * R);
  returns.forEach((row, t) => row.forEach((r, k) => (flat[t * R + k] = t === 0 ? 0 : r)));
  let ov: Float64Array | undefined;
  if (overnight) {
    ov = new Float64Array(n * R);
    overnight.forEach((row, t) => row.forEach((r, k) => (ov![t * R + k] = r)));
  }
  return marketFromArrays({ calendar: makeCalendar(n), roles, returns: flat, overnight: ov });
}

/** A plan from explicit rows, index and trigger. */
export function makePlan(rows: number[][], index: number[], trigger: number[], extra: Partial<Pick<Plan, 'onChange' | 'driftBand'>> = {}): Plan {
  return {
    rows: Float64Array.from(rows.flat()),
    index: Int32Array.from(index),
    trigger: Uint8Array.from(trigger),
    onChange: extra.onChange ?? false,
    driftBand: extra.driftBand ?? 0,
    rule: 'test',
  };
}

/** Weights summing to 1 from non-negative integer parts (at least one positive). */
const weightRow = (R: number, shorts: boolean) =>
  fc
    .array(fc.integer({ min: shorts ? -3 : 0, max: 10 }), { minLength: R, maxLength: R })
    .filter((xs) => xs.reduce((a, b) => a + b, 0) > 0)
    .map((xs) => {
      const s = xs.reduce((a, b) => a + b, 0);
      return xs.map((x) => x / s);
    });

export interface Scenario {
  returns: number[][];
  overnight: number[][];
  rows: number[][];
  index: number[];
  trigger: number[];
  onChange: boolean;
  driftBand: number;
  bps: number[];
  slippageBps: number;
  impactBps: number;
  fixedPerTrade: number;
  execution: 'next-close' | 'next-open' | 'same-close';
  leverage: number;
  shorts: boolean;
  financingBps: number;
}

/** Random markets of 3 roles and random plans over them, with every option in play. */
export function scenarioArb(options: { zeroCosts?: boolean; leverage?: boolean } = {}): fc.Arbitrary<Scenario> {
  const R = 3;
  return fc
    .record({
      n: fc.integer({ min: 3, max: 40 }),
      k: fc.integer({ min: 1, max: 4 }),
      shorts: options.leverage === false ? fc.constant(false) : fc.boolean(),
      seed: fc.integer(),
    })
    .chain(({ n, k, shorts }) =>
      fc.record({
        returns: fc.array(fc.array(fc.double({ min: -0.08, max: 0.08, noNaN: true }), { minLength: R, maxLength: R }), { minLength: n, maxLength: n }),
        overnight: fc.array(fc.array(fc.oneof(fc.double({ min: -0.03, max: 0.03, noNaN: true }), fc.constant(NaN)), { minLength: R, maxLength: R }), {
          minLength: n,
          maxLength: n,
        }),
        rows: fc.array(weightRow(R, shorts), { minLength: k, maxLength: k }),
        firstTarget: fc.integer({ min: 0, max: n - 1 }),
        choices: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
        trigger: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        onChange: fc.boolean(),
        driftBand: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.3, noNaN: true })),
        bps: options.zeroCosts ? fc.constant<number[]>([0, 0, 0]) : fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: R, maxLength: R }),
        slippageBps: options.zeroCosts ? fc.constant(0) : fc.double({ min: 0, max: 20, noNaN: true }),
        impactBps: options.zeroCosts ? fc.constant(0) : fc.double({ min: 0, max: 30, noNaN: true }),
        fixedPerTrade: options.zeroCosts ? fc.constant(0) : fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true })),
        execution: fc.constantFrom('next-close' as const, 'next-open' as const, 'same-close' as const),
        leverage: options.leverage === false ? fc.constant(1) : fc.constantFrom(1, 1, 0.5, 1.5, 2),
        shorts: fc.constant(shorts),
        financingBps: fc.double({ min: 0, max: 300, noNaN: true }),
      }),
    )
    .map((s) => ({
      ...s,
      index: s.choices.map((c, t) => (t < s.firstTarget ? -1 : c)),
    }));
}
