import { changeOver } from '../../signals/change-over.ts';
import { defineComponent } from './define-component.ts';

/** The Fed's balance sheet: its change over N weeks; growth (QE) eases, shrinkage (QT) tightens. */
export const balanceSheet = defineComponent({
  name: 'balance_sheet',
  axis: 'liquidity',
  summary: 'WALCL change over balanceSheetWeeks: the Fed adding assets eases, shedding them tightens',
  inputs: ['WALCL'],
  windows: [{ key: 'balanceSheetWeeks', unit: 'weeks', default: 13, describe: 'WALCL change over this many weeks (the note watches 13)' }],
  signalName: (c) => `walcl_change_${c.windows.balanceSheetWeeks}w`,
  units: 'millions of USD, WALCL change over N weeks',
  orientation: 1,
  defaults: { method: 'scale', deadBand: 0 },
  compute: (ctx) => changeOver(ctx.col('WALCL'), ctx.rows('balanceSheetWeeks')),
});
