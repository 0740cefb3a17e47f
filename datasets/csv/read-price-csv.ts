import type { PriceEntry } from '../catalog.ts';
import { checkSplitLikeJumps } from '../checks.ts';
import type { Issue } from '../issues.ts';
import type { Series } from '../series.ts';
import { readDatedTable } from './read-table.ts';

export const PRICE_HEADER = ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume'];

/**
 * A daily price series: `values` are dividend-adjusted closes (total return), known at the
 * close of their own day. `open` is the open on the same adjusted basis (open × adj/close),
 * NaN where the file has no open.
 */
export interface PriceSeries extends Series {
  readonly open: Float64Array;
  readonly close: Float64Array;
}

/** Reads `prices/<TICKER>.csv` (`date,open,high,low,close,adj_close,volume`). */
export function readPriceCsv(text: string, file: string, entry: PriceEntry, warnings: Issue[]): PriceSeries {
  // open, close, adj_close; high/low/volume are not used by the engine.
  const table = readDatedTable(text, file, { headers: [PRICE_HEADER], valueColumns: [1, 4, 5], positive: true }, warnings);
  const [rawOpen, close, adj] = table.columns;
  const open = new Float64Array(rawOpen.length);
  for (let i = 0; i < open.length; i++) open[i] = (rawOpen[i] * adj[i]) / close[i];
  const series: PriceSeries = {
    id: entry.ticker,
    days: table.days,
    values: adj,
    available: table.days,
    open,
    close,
    meta: {
      title: entry.title,
      units: entry.kind === 'etf' ? 'USD, dividend-adjusted' : 'index level',
      frequency: 'daily',
      source: 'prices',
      publication: { kind: 'same-day' },
      file,
    },
  };
  warnings.push(...checkSplitLikeJumps(series, table.lines, entry.kind));
  return series;
}
