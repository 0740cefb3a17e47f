import { changeOver } from '../../signals/change-over.ts';
import { defineComponent } from './define-component.ts';

/** Bank reserves: their change over N weeks. */
export const reservesChange = defineComponent({
  name: 'reserves_change',
  axis: 'liquidity',
  summary: 'WRESBAL change over reservesWeeks: reserves flowing into the banks ease',
  inputs: ['WRESBAL'],
  windows: [{ key: 'reservesWeeks', unit: 'weeks', default: 13, describe: 'reserve-balance change over this many weeks' }],
  signalName: (c) => `reserves_change_${c.windows.reservesWeeks}w`,
  units: 'millions of USD, WRESBAL change over N weeks',
  orientation: 1,
  defaults: { method: 'scale', deadBand: 0 },
  compute: (ctx) => changeOver(ctx.col('WRESBAL'), ctx.rows('reservesWeeks')),
});
