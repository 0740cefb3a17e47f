import { changeOver } from '../../signals/change-over.ts';
import { defineComponent } from './define-component.ts';
import { dollarMomentumOf } from './dollar-momentum.ts';

/** The change in dollar momentum: the note's "accelerating" dollar. */
export const dollarAcceleration = defineComponent({
  name: 'dollar_acceleration',
  axis: 'dollar',
  summary: 'the change of dollar momentum over dollarAccelerationDays',
  inputs: [],
  usesDollar: true,
  windows: [
    { key: 'dollarMomentumDays', unit: 'days', default: 63, describe: 'dollar momentum: return over this many trading days' },
    { key: 'dollarAccelerationDays', unit: 'days', default: 21, describe: 'dollar acceleration: change in momentum over this many trading days' },
  ],
  signalName: () => 'dollar_acceleration',
  units: 'fraction, change of dollar_momentum over dollarAccelerationDays',
  orientation: 1,
  defaults: { method: 'scale', deadBand: 0 },
  compute: (ctx) => changeOver(dollarMomentumOf(ctx), ctx.rows('dollarAccelerationDays')),
});
