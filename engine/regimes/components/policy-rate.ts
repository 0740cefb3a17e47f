import { changeOver } from '../../signals/change-over.ts';
import { defineComponent } from './define-component.ts';

/** The policy rate's direction: cuts delivered ease, hikes tighten. */
export const policyRate = defineComponent({
  name: 'policy_rate',
  axis: 'liquidity',
  summary: 'DFF change over policyRateMonths: the rate the Fed has delivered',
  inputs: ['DFF'],
  windows: [{ key: 'policyRateMonths', unit: 'months', default: 3, describe: 'DFF change over this many months' }],
  signalName: () => 'dff_change',
  units: 'percentage points, DFF change over policyRateMonths',
  orientation: -1,
  defaults: { method: 'sign', deadBand: 0.125 },
  compute: (ctx) => changeOver(ctx.col('DFF'), ctx.rows('policyRateMonths')),
});
