import { parseIsoDay } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import { realTimeBroadDollar } from '../signals/real-time-broad-dollar.ts';
import { signWithDeadBand } from '../signals/sign-with-dead-band.ts';
import { trailingZScore } from '../signals/trailing-z-score.ts';
import { REGIME_COMPONENTS, type ComponentDefinition, type SignalContext, type WindowParam } from './components/index.ts';
import { WINDOW_PARAMS } from './components/index.ts';
import { RegimeCache } from './regime-cache.ts';
import { TRADING_DAYS_PER_MONTH, TRADING_DAYS_PER_WEEK } from './trading-days.ts';
import type { RegimeConfig } from './types.ts';

export { REGIME_INPUTS } from './components/index.ts';

export interface RegimeSignals {
  /** Raw signals (and the levels behind them) in their stated units, keyed by output name. */
  signals: Record<string, Float64Array>;
  /** Component scores, oriented as their axis. */
  components: Record<string, Float64Array>;
}

const ROWS_PER_UNIT: Record<WindowParam['unit'], number> = { weeks: TRADING_DAYS_PER_WEEK, months: TRADING_DAYS_PER_MONTH, days: 1 };
const UNIT_OF = new Map(WINDOW_PARAMS.map((w) => [w.key as string, w.unit]));

/** Units of every raw signal a config produces, keyed by output name (see ComponentDefinition.units). */
export function signalUnits(config: RegimeConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of REGIME_COMPONENTS as readonly ComponentDefinition[]) {
    for (const c of d.context ?? []) out[c.name] = c.units;
    out[d.signalName(config)] = d.units;
  }
  return out;
}

/**
 * Every raw signal and normalised component of a config, over the whole calendar. A component
 * is computed when its weight is > 0, and otherwise when its inputs are in the panel (to show
 * it): a config needs only the columns of the components it weighs.
 *
 * Timing (no look-ahead): every signal is a row-wise or trailing function of as-of panel
 * columns, so its value at day t reads panel rows ≤ t only. Weekly H.4.1 changes compare today's
 * as-of value with the as-of value 5·N trading days earlier (a trading-day lag on the aligned
 * panel, not an observation lag); monthly changes use 21 trading days per month.
 */
export function regimeSignals(panel: Panel, config: RegimeConfig, cache: RegimeCache = new RegimeCache(panel)): RegimeSignals {
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
  const ctx: SignalContext = {
    panel,
    config,
    col,
    dollar: () => dollarColumn(panel, config.dollarSource, col, cache),
    rows: (key) => {
      const unit = UNIT_OF.get(key);
      if (!unit) throw new Error(`no regime component declares the window ${key}`);
      return (config.windows as Record<string, number>)[key] * ROWS_PER_UNIT[unit];
    },
    shared: (key, make) => cache.get(key, make),
  };
  const z = config.zScore;
  const signals: Record<string, Float64Array> = {};
  const components: Record<string, Float64Array> = {};
  for (const d of REGIME_COMPONENTS as readonly ComponentDefinition[]) {
    const c = config.components[d.name as keyof RegimeConfig['components']];
    if (!(c.weight > 0) && !hasInputs(panel, d, config)) continue;
    // The recipe of the raw signal: everything it depends on, so equal keys mean equal arrays.
    const recipe = [d.name, d.usesDollar ? config.dollarSource : '', ...d.windows.map((w) => ctx.rows(w.key)), ...(d.settings?.(config) ?? [])].join(':');
    for (const extra of d.context ?? []) signals[extra.name] ??= cache.get(`context:${extra.name}:${recipe}`, () => extra.compute(ctx));
    const raw = cache.get(`signal:${recipe}`, () => d.compute(ctx));
    signals[d.signalName(config)] = raw;
    const from = d.zeroBefore?.(config);
    // Before `from` the component is neutral (the red line applies from 2020).
    const zeroBefore = from === undefined ? 0 : calendarIndexAtOrBefore(panel.calendar, parseIsoDay(from) - 1) + 1;
    const params = c.method === 'sign' ? `${c.deadBand}` : `${z.window}:${z.minHistory}:${z.clip}`;
    components[d.name] = cache.get(`component:${recipe}:${c.method}:${params}:${zeroBefore}`, () => {
      const out =
        c.method === 'sign'
          ? signWithDeadBand(raw, c.deadBand)
          : trailingZScore(raw, { window: z.window, minHistory: z.minHistory, clip: z.clip, center: c.method === 'zscore' });
      if (d.orientation < 0) for (let t = 0; t < n; t++) out[t] = out[t] === 0 ? 0 : -out[t];
      for (let t = 0; t < zeroBefore && t < n; t++) if (out[t] === out[t]) out[t] = 0;
      return out;
    });
  }
  return { signals, components };
}

function hasInputs(panel: Panel, d: ComponentDefinition, config: RegimeConfig): boolean {
  return (
    d.inputs.every((id) => panel.columns[id] !== undefined) &&
    (!d.usesDollar || dollarColumnIds(config.dollarSource).every((id) => panel.columns[id] !== undefined))
  );
}

/** The date from which DTWEXBGS was published (its earlier values are a back-cast). */
export const BROAD_GOODS_AND_SERVICES_FROM = '2019-01-01';

/** The panel columns a dollar source reads. */
export function dollarColumnIds(source: RegimeConfig['dollarSource']): string[] {
  return source === 'broad-real-time' ? ['DTWEXB', 'DTWEXBGS'] : [source];
}

/** The column of a dollar source: a panel column, or the real-time broad index spliced from two. */
function dollarColumn(panel: Panel, source: RegimeConfig['dollarSource'], col: (id: string) => Float64Array, cache: RegimeCache): Float64Array {
  if (source !== 'broad-real-time') return col(source);
  const goods = col('DTWEXB');
  const services = col('DTWEXBGS');
  return cache.get('dollar:broad-real-time', () => realTimeBroadDollar(goods, services, panel.asOf.DTWEXBGS, parseIsoDay(BROAD_GOODS_AND_SERVICES_FROM)));
}
