import Papa from 'papaparse';
import { DataError } from '../errors.ts';
import { parseIsoDay } from '../day.ts';
import { PRICE_HEADER } from '../csv/read-price-csv.ts';

/**
 * The snapshot's file formats, written exactly as /work/shared/datasets holds them, so the
 * snapshot loader reads a live cache unchanged: LF line ends, a final newline, blank = missing,
 * numbers without trailing zeros.
 */

/** The first column of every `fred/<ID>.csv`. */
export const FRED_DATE_COLUMN = 'observation_date';

/** One FRED observation: ISO date and the value as normalised decimal text ('' = missing). */
export interface FredRow {
  date: string;
  value: string;
}

/** One daily bar; NaN = blank. */
export interface PriceRow {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * A plain decimal with trailing zeros removed (`4.00` → `4`, `-0.50` → `-0.5`), the text kept
 * digit for digit otherwise; undefined when `text` is not a plain decimal.
 */
export function normaliseDecimal(text: string): string | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return m[1] && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * A number as the snapshot writes prices: at most `decimals` places (Yahoo's float32 noise
 * such as 437.1300048828125 becomes 437.130005), no trailing zeros, '' for NaN.
 */
export function formatNumber(x: number, decimals = 6): string {
  if (!Number.isFinite(x)) return '';
  const rounded = Number(x.toFixed(decimals));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function csvText(fields: readonly string[], data: string[][]): string {
  return `${Papa.unparse({ fields: [...fields], data }, { newline: '\n' })}\n`;
}

/** `fred/<ID>.csv` text. */
export function fredCsvText(id: string, rows: readonly FredRow[]): string {
  return csvText(
    [FRED_DATE_COLUMN, id],
    rows.map((r) => [r.date, r.value]),
  );
}

/** `prices/<TICKER>.csv` text. */
export function priceCsvText(rows: readonly PriceRow[]): string {
  return csvText(
    PRICE_HEADER,
    rows.map((r) => [
      r.date,
      formatNumber(r.open),
      formatNumber(r.high),
      formatNumber(r.low),
      formatNumber(r.close),
      formatNumber(r.adjClose),
      formatNumber(r.volume, 0),
    ]),
  );
}

/**
 * Throws a DataError unless every date is a real ISO date and they strictly ascend.
 * `where` names the source (a URL) and `series` the id, for the message.
 */
export function checkDates(dates: readonly string[], series: string, where: string): void {
  let prev = -Infinity;
  for (const date of dates) {
    const day = parseIsoDay(date);
    if (Number.isNaN(day)) {
      throw new DataError('bad-date', `${where} returned "${date}", not a YYYY-MM-DD date`, { series, date });
    }
    if (day === prev) throw new DataError('duplicate-date', `${where} returned ${date} twice`, { series, date });
    if (day < prev) throw new DataError('unsorted-dates', `${where} returned ${date} out of order`, { series, date });
    prev = day;
  }
}

/** One series, converted to its snapshot file text, and where it came from. */
export interface FetchedFile {
  id: string;
  text: string;
  /** The URL of the (first) request, `api_key` masked. */
  url: string;
  /** Human-readable source, recorded in the manifest. */
  source: string;
  vintageDate?: string;
}

/** Row facts of a snapshot-format CSV text, as the manifest records them. */
export interface CsvSummary {
  /** Data rows (the header excluded). */
  rows: number;
  /** Rows whose every value column is blank. */
  blankRows: number;
  /** First and last row dates ('' when there are no rows). */
  first: string;
  last: string;
}

export function summariseCsv(text: string): CsvSummary {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const rows = parsed.data.slice(1);
  let blankRows = 0;
  for (const row of rows) if (row.slice(1).every((v) => v === '')) blankRows++;
  return {
    rows: rows.length,
    blankRows,
    first: rows.length ? rows[0][0] : '',
    last: rows.length ? rows[rows.length - 1][0] : '',
  };
}

/** A short description of an unexpected body, for error messages. */
export function describeBody(text: string): string {
  const t = text.trimStart();
  if (t === '') return 'an empty body';
  if (/^<(!doctype|html|\?xml|head|body)/i.test(t)) return 'an HTML page';
  const first = t.split(/\r?\n/, 1)[0].slice(0, 60);
  return `text starting "${first}"`;
}
