import { easingShortfall } from '../../signals/easing-shortfall.ts';
import { defineComponent } from './define-component.ts';

/**
 * Cuts the 2-year prices (DFF above DGS2) that the Fed has not delivered count as tightening.
 * Kept by name for comparison; the presets use `policy_surprise` instead: DFF − DGS2 carries the
 * 2-year term premium, and a falling 2-year scored as tightening here but easing in
 * `rate_expectations`.
 */
export const policyVsMarket = defineComponent({
  name: 'policy_vs_market',
  axis: 'liquidity',
  summary: 'cuts priced by the 2-year (DFF − DGS2, if > 0) less cuts delivered over policyRateMonths (retired from the presets; see policy_surprise)',
  inputs: ['DFF', 'DGS2'],
  windows: [{ key: 'policyRateMonths', unit: 'months', default: 3, describe: 'DFF change over this many months' }],
  signalName: () => 'easing_shortfall',
  units: 'percentage points, cuts priced (DFF − DGS2, if > 0) less cuts delivered over policyRateMonths',
  orientation: -1,
  defaults: { method: 'sign', deadBand: 0.25 },
  compute: (ctx) => easingShortfall(ctx.col('DFF'), ctx.col('DGS2'), ctx.rows('policyRateMonths')),
});
