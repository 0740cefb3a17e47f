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
