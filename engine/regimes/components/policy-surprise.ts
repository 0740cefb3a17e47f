import { policySurprise as policySurpriseSignal } from '../../signals/policy-surprise.ts';
import { TRADING_DAYS_PER_MONTH } from '../trading-days.ts';
import { defineComponent } from './define-component.ts';

/**
 * Easing against expectations, measured without a term premium: the policy rate the Fed
 * delivered over the last three months against what the 3-month bill priced at their start
 * (DGS3MO, restated on DFF's actual/360 basis). Delivering less easing (or more tightening) than
 * priced scores as tightening, the note's "easing less than the market expects"; more easing
 * than priced scores as easing. It replaces the pair `rate_expectations` / `policy_vs_market`,
 * which read a falling 2-year yield as easing and as tightening at once.
 *
 * The 12.5 bp dead band (half a 25 bp move, as for `policy_rate`) absorbs the bill–fed-funds
 * basis (bills trade a few basis points off the overnight rate as supply changes). The tenor is
 * the bill's: three months, not a parameter.
 */
export const policySurprise = defineComponent({
  name: 'policy_surprise',
  axis: 'liquidity',
  summary: 'mean DFF over the last 3 months less the 3-month bill yield 3 months ago (actual/360): easing delivered against easing priced',
  inputs: ['DFF', 'DGS3MO'],
  windows: [],
  signalName: () => 'policy_surprise',
  units: 'percentage points, mean DFF over 63 trading days − DGS3MO×360/365 63 trading days earlier',
  orientation: -1,
  defaults: { method: 'sign', deadBand: 0.125 },
  compute: (ctx) => policySurpriseSignal(ctx.col('DFF'), ctx.col('DGS3MO'), 3 * TRADING_DAYS_PER_MONTH, 'bond-equivalent'),
});
