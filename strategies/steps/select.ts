import { ConfigError } from '../../datasets/errors.ts';
import type { Role } from '../../datasets/catalog.ts';
import type { Step, StepSetup } from '../step.ts';

function columns(setup: StepSetup, roles: readonly Role[], field: string): Int32Array {
  return Int32Array.from(roles, (role) => {
    const k = setup.column(role);
    if (k < 0) throw new ConfigError('unknown-role', `role "${role}" is not in the market`, { field: `${field}.${role}` });
    return k;
  });
}

/** `selectRoles(roles)`: selects the listed roles. Reads nothing. Sets: selected. */
export function selectRoles(roles: readonly Role[]): Step {
  return {
    kind: 'select',
    name: `selectRoles(${roles.join(', ')})`,
    bind: (setup) => {
      const cols = columns(setup, roles, 'selectRoles');
      return (_ctx, s) => {
        for (let i = 0; i < cols.length; i++) s.selected[cols[i]] = 1;
        return true;
      };
    },
  };
}

/**
 * `selectWithPreferredData(lag = 0)`: keeps selected only the roles whose preferred instrument
 * (not a fall-back) priced the day `lag` days ago. Reads: usesPreferred(k, lag). Sets: selected.
 */
export function selectWithPreferredData(lag = 0): Step {
  return {
    kind: 'select',
    name: `selectWithPreferredData(lag ${lag})`,
    reads: 'instrument source at t − lag',
    bind: (setup) => {
      const R = setup.roles.length;
      return (ctx, s) => {
        for (let k = 0; k < R; k++) if (s.selected[k] && !ctx.usesPreferred(k, lag)) s.selected[k] = 0;
        return true;
      };
    },
  };
}
