import { DataError } from '../errors.ts';
import { type HttpOptions, NetworkError, fetchText, redactUrl } from './http.ts';
import { serviceOrigin } from './origins.ts';
import { type FetchedFile, type FredRow, checkDates, describeBody, fredCsvText, normaliseDecimal } from './snapshot-format.ts';

/**
 * The Treasury General Account's daily closing balance from the Daily Treasury Statement
 * (Fiscal Data API, operating cash balance table; no key), stored in FRED's format as
 * `fred/DTS_TGA.csv`, millions of USD like WDTGAL.
 */

/** The catalog id of the daily TGA. */
export const DTS_TGA = 'DTS_TGA';

export const DTS_PATH = '/services/api/fiscal_service/v1/accounting/dts/operating_cash_balance';

/** The API's largest page. */
const PAGE_SIZE = 10_000;
/** A safety stop against a server that never says it is done (the table needs 3–4 pages). */
const MAX_PAGES = 100;

/**
 * The row holding the TGA's closing balance, and the field that holds it. The statement was
 * redesigned in October 2021: before, the "Federal Reserve Account" row (in 2021 briefly
 * "Treasury General Account (TGA)") carried it in `close_today_bal`; since, the "Treasury General
 * Account (TGA) Closing Balance" row carries it in `open_today_bal` (its `close_today_bal` is
 * "null").
 */
export const TGA_ROWS: Readonly<Record<string, 'close_today_bal' | 'open_today_bal'>> = {
  'Federal Reserve Account': 'close_today_bal',
  'Treasury General Account (TGA)': 'close_today_bal',
  'Treasury General Account (TGA) Closing Balance': 'open_today_bal',
};

export function dtsPageUrl(page: number, origin = serviceOrigin('fiscalData')): string {
  return `${origin}${DTS_PATH}?fields=record_date,account_type,close_today_bal,open_today_bal&sort=record_date&page[number]=${page}&page[size]=${PAGE_SIZE}`;
}

interface DtsPage {
  rows: FredRow[];
  totalPages: number;
  hasNext: boolean;
}

/** One page of the operating cash balance table: its TGA rows, and whether more pages follow. */
export function parseDtsPage(text: string, url: string): DtsPage {
  const where = redactUrl(url);
  let json: { data?: unknown; meta?: Record<string, unknown>; links?: { next?: unknown } };
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError('bad-header', `${where} did not return Fiscal Data JSON (got ${describeBody(text)})`, { series: DTS_TGA });
  }
  if (!Array.isArray(json?.data)) {
    throw new DataError('bad-header', `${where} returned JSON without a data array`, { series: DTS_TGA });
  }
  const rows: FredRow[] = [];
  json.data.forEach((record: unknown, i: number) => {
    const r = (record ?? {}) as Record<string, unknown>;
    const field = typeof r.account_type === 'string' ? TGA_ROWS[r.account_type] : undefined;
    if (!field) return;
    const date = r.record_date;
    if (typeof date !== 'string') {
      throw new DataError('bad-date', `${where} record ${i} has no record_date`, { series: DTS_TGA });
    }
    // The redesigned row falls back on close_today_bal should the API ever fill it instead.
    let raw = r[field];
    if ((raw === 'null' || raw === null || raw === undefined) && field === 'open_today_bal') raw = r.close_today_bal;
    if (raw === 'null' || raw === null || raw === undefined || raw === '') {
      rows.push({ date, value: '' });
      return;
    }
    const value = typeof raw === 'string' ? normaliseDecimal(raw) : undefined;
    if (value === undefined) {
      throw new DataError('bad-number', `${where} gives ${JSON.stringify(raw)} as the TGA balance of ${date}, not a number`, { series: DTS_TGA, date });
    }
    rows.push({ date, value });
  });
  const totalPages = Number(json.meta?.['total-pages']);
  return { rows, totalPages: Number.isFinite(totalPages) ? totalPages : 1, hasNext: typeof json.links?.next === 'string' && json.links.next !== '' };
}

/** Fiscal Data's own reason in a failed response (`{"error": …, "message": …}`), if any. */
function apiReason(body: string | undefined): string | undefined {
  try {
    const j = JSON.parse(body ?? '') as { error?: unknown; message?: unknown };
    const parts = [j.error, j.message].filter((x): x is string => typeof x === 'string' && x !== '');
    return parts.length ? parts.join(': ') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Downloads every page of the operating cash balance table and keeps the TGA's closing balance
 * per statement date. Two different balances on one date are an error; a repeated equal one
 * is kept once.
 */
export async function fetchDailyTga(options: { http?: HttpOptions } = {}): Promise<FetchedFile> {
  const http = options.http ?? {};
  const byDate = new Map<string, string>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = dtsPageUrl(page);
    const text = await fetchText(url, http).catch((err: unknown) => {
      const reason = err instanceof NetworkError ? apiReason(err.body) : undefined;
      if (err instanceof NetworkError && reason) {
        throw new NetworkError(`${err.url}: Fiscal Data API error ${err.status ?? ''}: ${reason}`, err.url, err.attempts, err.status, err.body);
      }
      throw err;
    });
    const got = parseDtsPage(text, url);
    for (const row of got.rows) {
      const seen = byDate.get(row.date);
      if (seen !== undefined && seen !== row.value) {
        throw new DataError('duplicate-date', `${redactUrl(url)} gives two TGA balances for ${row.date} (${seen || 'null'} and ${row.value || 'null'})`, {
          series: DTS_TGA,
          date: row.date,
        });
      }
      byDate.set(row.date, row.value);
    }
    if (page >= got.totalPages || !got.hasNext) break;
  }
  const rows = [...byDate].map(([date, value]) => ({ date, value })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (rows.length === 0) throw new DataError('no-data', `${dtsPageUrl(1)} holds no TGA balance`, { series: DTS_TGA });
  checkDates(
    rows.map((r) => r.date),
    DTS_TGA,
    dtsPageUrl(1),
  );
  return {
    id: DTS_TGA,
    text: fredCsvText(DTS_TGA, rows),
    url: dtsPageUrl(1),
    source: 'Fiscal Data API, Daily Treasury Statement, operating cash balance (TGA closing balance)',
  };
}
