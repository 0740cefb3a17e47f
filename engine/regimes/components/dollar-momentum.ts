import { pctChange } from '../../signals/pct-change.ts';
import { defineComponent, type SignalContext } from './define-component.ts';

/** The dollar's return over `dollarMomentumDays` (shared with dollar_acceleration). */
export function dollarMomentumOf(ctx: SignalContext): Float64Array {
  const days = ctx.rows('dollarMomentumDays');
  return ctx.shared(`dollar_momentum:${ctx.config.dollarSource}:${days}`, () => pctChange(ctx.dollar(), days));
}

/** Dollar momentum: a rising dollar is a strengthening dollar. */
export const dollarMomentum = defineComponent({
  name: 'dollar_momentum',
  axis: 'dollar',
  summary: "the dollar index's return over dollarMomentumDays",
  inputs: [],
  usesDollar: true,
  windows: [{ key: 'dollarMomentumDays', unit: 'days', default: 63, describe: 'dollar momentum: return over this many trading days' }],
  signalName: () => 'dollar_momentum',
  units: 'fraction, dollar return over dollarMomentumDays',
  orientation: 1,
  defaults: { method: 'scale', deadBand: 0 },
  context: [{ name: 'dollar', units: 'index level of the dollar source', compute: (ctx) => ctx.dollar() }],
  compute: dollarMomentumOf,
});
