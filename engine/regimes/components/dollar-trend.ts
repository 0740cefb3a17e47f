import { trendVsAverage } from '../../signals/trend-vs-average.ts';
import { defineComponent } from './define-component.ts';

/** The dollar against its moving average: above it is a strong dollar. */
export const dollarTrend = defineComponent({
  name: 'dollar_trend',
  axis: 'dollar',
  summary: 'the dollar index against its dollarTrendDays moving average',
  inputs: [],
  usesDollar: true,
  windows: [{ key: 'dollarTrendDays', unit: 'days', default: 200, describe: 'dollar trend: level against its moving average over this many trading days' }],
  signalName: () => 'dollar_trend',
  units: 'fraction, dollar / its dollarTrendDays moving average − 1',
  orientation: 1,
  defaults: { method: 'scale', deadBand: 0 },
  compute: (ctx) => trendVsAverage(ctx.dollar(), ctx.rows('dollarTrendDays')),
});
