import { dayParts } from '../../datasets/day.ts';
import type { Step } from '../step.ts';

/**
 * `whenRegimeKnown()`: go on only once the regime label at today's close is known (not the
 * warm-up 0). Reads: label(0). Sets: nothing.
 */
export function whenRegimeKnown(): Step {
  return {
    kind: 'when',
    name: 'whenRegimeKnown',
    reads: 'label at t',
    bind: () => (ctx) => ctx.label() !== 0,
  };
}

/**
 * `whenQuadrant(...qs)`: go on only on days whose label is one of `qs` (1..4); other days keep
 * the previous target. Reads: label(0).
 */
export function whenQuadrant(...quadrants: number[]): Step {
  const set = new Set(quadrants);
  return {
    kind: 'when',
    name: `whenQuadrant(${quadrants.map((q) => `Q${q}`).join(', ')})`,
    reads: 'label at t',
    bind: () => (ctx) => set.has(ctx.label()),
  };
}

/**
 * `whenMonthStarts()`: go on only on the first trading day of each month (the day the
 * `monthly` rule trades) and on the first day it sees; other days keep the previous target.
 * For a strategy that trades monthly this gives the same trades as deciding every day, at a
 * fraction of the work. It remembers the month of the last day it saw, so put it first (steps
 * after a gate that stops are not called). Reads: the day at t. Sets: nothing.
 */
export function whenMonthStarts(): Step {
  return {
    kind: 'when',
    name: 'whenMonthStarts',
    reads: 'the day at t and the last day seen',
    bind: () => {
      let last = -1;
      return (ctx) => {
        const { year, month } = dayParts(ctx.day);
        const key = year * 12 + month;
        const go = key !== last;
        last = key;
        return go;
      };
    },
  };
}
