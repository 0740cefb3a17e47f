import { parseIsoDay } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import { changeOver } from '../signals/change-over.ts';
import { easingShortfall } from '../signals/easing-shortfall.ts';
import { netLiquidity, panelTga } from '../signals/net-liquidity.ts';
import { pctChange } from '../signals/pct-change.ts';
import { signWithDeadBand } from '../signals/sign-with-dead-band.ts';
import { trailingZScore } from '../signals/trailing-z-score.ts';
import { trendVsAverage } from '../signals/trend-vs-average.ts';
import { RegimeCache } from './regime-cache.ts';
import { COMPONENTS, TRADING_DAYS_PER_MONTH, TRADING_DAYS_PER_WEEK, type ComponentName, type RegimeConfig } from './types.ts';

/** The panel columns the regime engine reads (DTS_TGA, the daily TGA, only where the data has it). */
export const REGIME_INPUTS = ['WALCL', 'WDTGAL', 'DTS_TGA', 'RRPONTSYD', 'WRESBAL', 'DFF', 'DGS2'] as const;

/** Units of each raw signal (keys as they appear in RegimeResult.signals; N = the window). */
export const SIGNAL_UNITS: Record<string, string> = {
  'walcl_change_Nw': 'millions of USD, WALCL change over N weeks',
  net_liquidity: 'millions of USD, WALCL − TGA − RRPONTSYD×1000 (TGA: daily DTS_TGA where it exists, WDTGAL before)',
  'net_liquidity_change_Nw': 'millions of USD, net-liquidity change over N weeks',
  reserves: 'millions of USD, WRESBAL',
  reserves_gap: 'millions of USD, WRESBAL − red line',
  'reserves_change_Nw': 'millions of USD, WRESBAL change over N weeks',
  dff_change: 'percentage points, DFF change over policyRateMonths',
  dgs2_change: 'percentage points, DGS2 change over rateExpectationsMonths',
  easing_shortfall: 'percentage points, cuts priced (DFF − DGS2, if > 0) less cuts delivered over policyRateMonths',
  dollar: 'index level of the dollar source',
  dollar_momentum: 'fraction, dollar return over dollarMomentumDays',
  dollar_trend: 'fraction, dollar / its dollarTrendDays moving average − 1',
  dollar_acceleration: 'fraction, change of dollar_momentum over dollarAccelerationDays',
};

/** Which signal feeds each component, and its orientation (+1: a rising signal means easing / a stronger dollar). */
interface ComponentSource {
  signal: string;
  orientation: 1 | -1;
}

export interface RegimeSignals {
  signals: Record<string, Float64Array>;
  components: Record<ComponentName, Float64Array>;
}

/**
 * Every raw signal and normalised component of a config, over the whole calendar.
 *
 * Timing (no look-ahead): every signal is a row-wise or trailing function of as-of panel
 * columns, so its value at day t reads panel rows ≤ t only. Weekly H.4.1 changes compare today's
 * as-of value with the as-of value 5·N trading days earlier (a trading-day lag on the aligned
 * panel, not an observation lag); monthly changes use 21 trading days per month.
 */
export function regimeSignals(panel: Panel, config: RegimeConfig, cache: RegimeCache = new RegimeCache(panel)): RegimeSignals {
  const w = config.windows;
  const n = panel.calendar.length;
  const col = (id: string): Float64Array => {
    const c = panel.columns[id];
    if (!c) {
      throw new DataError('series-missing', `the regime engine needs ${id}, which is not in the data`, {
        series: id,
        hint: id === 'DXY' ? 'use dollarSource "DTWEXBGS" or add fred/DXY.csv' : `expected fred/${id}.csv`,
      });
    }
    return c;
  };
  const get = (key: string, make: () => Float64Array) => cache.get(key, make);
  const bsLag = w.balanceSheetWeeks * TRADING_DAYS_PER_WEEK;
  const nlLag = w.netLiquidityWeeks * TRADING_DAYS_PER_WEEK;
  const resLag = w.reservesWeeks * TRADING_DAYS_PER_WEEK;
  const src = config.dollarSource;

  const walcl = col('WALCL');
  const reserves = col('WRESBAL');
  const dollar = col(src);
  const net = get('net_liquidity', () => {
    col('WDTGAL'); // required; the daily DTS_TGA takes over where it exists
    return netLiquidity(walcl, panelTga(panel).values, col('RRPONTSYD'));
  });
  const momentum = get(`dollar_momentum:${src}:${w.dollarMomentumDays}`, () => pctChange(dollar, w.dollarMomentumDays));
  const signals: Record<string, Float64Array> = {
    [`walcl_change_${w.balanceSheetWeeks}w`]: get(`walcl_change:${bsLag}`, () => changeOver(walcl, bsLag)),
    net_liquidity: net,
    [`net_liquidity_change_${w.netLiquidityWeeks}w`]: get(`net_liquidity_change:${nlLag}`, () => changeOver(net, nlLag)),
    reserves,
    reserves_gap: get(`reserves_gap:${config.reserves.redLine}`, () => offset(reserves, -config.reserves.redLine)),
    [`reserves_change_${w.reservesWeeks}w`]: get(`reserves_change:${resLag}`, () => changeOver(reserves, resLag)),
    dff_change: get(`dff_change:${w.policyRateMonths}`, () => changeOver(col('DFF'), w.policyRateMonths * TRADING_DAYS_PER_MONTH)),
    dgs2_change: get(`dgs2_change:${w.rateExpectationsMonths}`, () => changeOver(col('DGS2'), w.rateExpectationsMonths * TRADING_DAYS_PER_MONTH)),
    easing_shortfall: get(`easing_shortfall:${w.policyRateMonths}`, () => easingShortfall(col('DFF'), col('DGS2'), w.policyRateMonths * TRADING_DAYS_PER_MONTH)),
    dollar,
    dollar_momentum: momentum,
    dollar_trend: get(`dollar_trend:${src}:${w.dollarTrendDays}`, () => trendVsAverage(dollar, w.dollarTrendDays)),
    dollar_acceleration: get(`dollar_acceleration:${src}:${w.dollarMomentumDays}:${w.dollarAccelerationDays}`, () =>
      changeOver(momentum, w.dollarAccelerationDays),
    ),
  };
  const sources: Record<ComponentName, ComponentSource> = {
    balance_sheet: { signal: `walcl_change_${w.balanceSheetWeeks}w`, orientation: 1 },
    net_liquidity: { signal: `net_liquidity_change_${w.netLiquidityWeeks}w`, orientation: 1 },
    reserves: { signal: 'reserves_gap', orientation: 1 },
    reserves_change: { signal: `reserves_change_${w.reservesWeeks}w`, orientation: 1 },
    policy_rate: { signal: 'dff_change', orientation: -1 },
    rate_expectations: { signal: 'dgs2_change', orientation: -1 },
    policy_vs_market: { signal: 'easing_shortfall', orientation: -1 },
    dollar_momentum: { signal: 'dollar_momentum', orientation: 1 },
    dollar_trend: { signal: 'dollar_trend', orientation: 1 },
    dollar_acceleration: { signal: 'dollar_acceleration', orientation: 1 },
  };
  // The red line applies from its date on; before it the level component is neutral.
  const redLineFrom = calendarIndexAtOrBefore(panel.calendar, parseIsoDay(config.reserves.from) - 1) + 1;
  const z = config.zScore;
  const components = {} as Record<ComponentName, Float64Array>;
  for (const name of COMPONENTS) {
    const { signal, orientation } = sources[name];
    const c = config.components[name];
    const params = c.method === 'sign' ? `${c.deadBand}` : `${z.window}:${z.minHistory}:${z.clip}`;
    const zeroBefore = name === 'reserves' ? redLineFrom : 0;
    // The key names the signal's recipe (its cache key), not its display name.
    const key = `component:${name}:${signalKeyOf(name, config)}:${c.method}:${params}:${zeroBefore}`;
    components[name] = get(key, () => {
      const raw = signals[signal];
      const out =
        c.method === 'sign'
          ? signWithDeadBand(raw, c.deadBand)
          : trailingZScore(raw, { window: z.window, minHistory: z.minHistory, clip: z.clip, center: c.method === 'zscore' });
      if (orientation < 0) for (let t = 0; t < n; t++) out[t] = out[t] === 0 ? 0 : -out[t];
      for (let t = 0; t < zeroBefore && t < n; t++) if (out[t] === out[t]) out[t] = 0;
      return out;
    });
  }
  return { signals, components };
}

/** A cache key that pins down the raw signal behind a component. */
function signalKeyOf(name: ComponentName, config: RegimeConfig): string {
  const w = config.windows;
  switch (name) {
    case 'balance_sheet':
      return `${w.balanceSheetWeeks}`;
    case 'net_liquidity':
      return `${w.netLiquidityWeeks}`;
    case 'reserves':
      return `${config.reserves.redLine}`;
    case 'reserves_change':
      return `${w.reservesWeeks}`;
    case 'policy_rate':
      return `${w.policyRateMonths}`;
    case 'rate_expectations':
      return `${w.rateExpectationsMonths}`;
    case 'policy_vs_market':
      return `${w.policyRateMonths}`;
    case 'dollar_momentum':
      return `${config.dollarSource}:${w.dollarMomentumDays}`;
    case 'dollar_trend':
      return `${config.dollarSource}:${w.dollarTrendDays}`;
    case 'dollar_acceleration':
      return `${config.dollarSource}:${w.dollarMomentumDays}:${w.dollarAccelerationDays}`;
  }
}

function offset(x: Float64Array, by: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) out[t] = x[t] + by;
  return out;
}
