import { changeOver } from '../../signals/change-over.ts';
import { netLiquidity as netLiquiditySignal, panelTga } from '../../signals/net-liquidity.ts';
import { defineComponent, type SignalContext } from './define-component.ts';

// The TGA is the daily statement's balance (DTS_TGA) where the data has it and it is current,
// the weekly WDTGAL before; WDTGAL is required, DTS_TGA optional.
const level = (ctx: SignalContext) =>
  ctx.shared('net_liquidity', () => {
    ctx.col('WDTGAL');
    return netLiquiditySignal(ctx.col('WALCL'), panelTga(ctx.panel).values, ctx.col('RRPONTSYD'));
  });

/** Net liquidity (WALCL − TGA − RRP): its change over N weeks; the Treasury's and money markets' side of liquidity. */
export const netLiquidity = defineComponent({
  name: 'net_liquidity',
  axis: 'liquidity',
  summary: 'net-liquidity change over netLiquidityWeeks: reserves the Treasury (TGA) and money funds (RRP) release or absorb',
  inputs: ['WALCL', 'WDTGAL', 'RRPONTSYD'],
  windows: [{ key: 'netLiquidityWeeks', unit: 'weeks', default: 13, describe: 'net-liquidity change over this many weeks' }],
  signalName: (c) => `net_liquidity_change_${c.windows.netLiquidityWeeks}w`,
  units: 'millions of USD, net-liquidity change over N weeks',
  orientation: 1,
  defaults: { method: 'scale', deadBand: 0 },
  context: [
    { name: 'net_liquidity', units: 'millions of USD, WALCL − TGA − RRPONTSYD×1000 (TGA: daily DTS_TGA where it exists, WDTGAL before)', compute: level },
  ],
  compute: (ctx) => changeOver(level(ctx), ctx.rows('netLiquidityWeeks')),
});
