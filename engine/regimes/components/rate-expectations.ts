import { changeOver } from '../../signals/change-over.ts';
import { defineComponent } from './define-component.ts';

/**
 * The 2-year yield's change: a falling 2-year reads as easing. Kept by name for comparison; the
 * presets use `policy_surprise` instead, because together with `policy_vs_market` a falling
 * 2-year scored as easing here and as tightening there.
 */
export const rateExpectations = defineComponent({
  name: 'rate_expectations',
  axis: 'liquidity',
  summary: 'DGS2 change over rateExpectationsMonths: a falling 2-year yield eases (retired from the presets; see policy_surprise)',
  inputs: ['DGS2'],
  windows: [{ key: 'rateExpectationsMonths', unit: 'months', default: 3, describe: 'DGS2 change over this many months' }],
  signalName: () => 'dgs2_change',
  units: 'percentage points, DGS2 change over rateExpectationsMonths',
  orientation: -1,
  defaults: { method: 'scale', deadBand: 0 },
  compute: (ctx) => changeOver(ctx.col('DGS2'), ctx.rows('rateExpectationsMonths')),
});
