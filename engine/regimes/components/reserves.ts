import { defineComponent } from './define-component.ts';

/** Bank reserves against the red line (the note's $3 trillion, from 2020): above eases, below tightens. */
export const reserves = defineComponent({
  name: 'reserves',
  axis: 'liquidity',
  summary: 'WRESBAL against reserves.redLine, from reserves.from (0 before): reserves above the line are ample',
  inputs: ['WRESBAL'],
  windows: [],
  settings: (c) => [c.reserves.redLine],
  signalName: () => 'reserves_gap',
  units: 'millions of USD, WRESBAL − red line',
  orientation: 1,
  defaults: { method: 'sign', deadBand: 100_000 },
  zeroBefore: (c) => c.reserves.from,
  context: [{ name: 'reserves', units: 'millions of USD, WRESBAL', compute: (ctx) => ctx.col('WRESBAL') }],
  compute: (ctx) => {
    const x = ctx.col('WRESBAL');
    const by = -ctx.config.reserves.redLine;
    const out = new Float64Array(x.length);
    for (let t = 0; t < x.length; t++) out[t] = x[t] + by;
    return out;
  },
});
