import { ConfigError } from '../../datasets/errors.ts';
import type { Step } from '../step.ts';

/**
 * `limitWeight(max)`: caps every role except `cash` at `max` and moves the excess to `cash`,
 * so the weights still sum to 1. Reads: weights. Sets: weights.
 *
 * @throws ConfigError naming `maxWeight` unless 0 < max ≤ 1.
 */
export function limitWeight(max: number): Step {
  if (!(max > 0 && max <= 1)) throw new ConfigError('bad-config', `maxWeight must be in (0, 1], got ${max}`, { field: 'maxWeight' });
  return {
    kind: 'limit',
    name: `limitWeight(${max})`,
    bind: (setup) => {
      const R = setup.roles.length;
      const cash = setup.column('cash');
      return (_ctx, s) => {
        let excess = 0;
        for (let k = 0; k < R; k++) {
          if (k !== cash && s.weights[k] > max) {
            excess += s.weights[k] - max;
            s.weights[k] = max;
          }
        }
        s.weights[cash] += excess;
        return true;
      };
    },
  };
}
