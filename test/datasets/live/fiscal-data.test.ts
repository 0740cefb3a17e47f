import { describe, expect, it } from 'vitest';
import { DataError } from '../../../datasets/errors.ts';
import { fetchDailyTga, parseDtsPage } from '../../../datasets/live/fiscal-data.ts';
import { fakeFetch, fixture, recordingSleep, reply } from './fake-fetch.ts';

const recorded = JSON.parse(fixture('fiscaldata-dts-operating-cash-balance.json'));

/** The recorded table cut into pages of `size` rows, with the API's meta and links. */
function pages(size: number) {
  return fakeFetch((url) => {
    const n = Number(/page\[number\]=(\d+)/.exec(url)?.[1]);
    const total = Math.ceil(recorded.data.length / size);
    const data = recorded.data.slice((n - 1) * size, n * size);
    return reply(
      JSON.stringify({
        data,
        meta: { ...recorded.meta, count: data.length, 'total-pages': total },
        links: { next: n < total ? `&page%5Bnumber%5D=${n + 1}` : null },
      }),
    );
  });
}

describe('daily TGA from the Daily Treasury Statement', () => {
  it('keeps the TGA row of each era: Federal Reserve Account (close_today_bal) before October 2021, TGA Closing Balance (open_today_bal) after', () => {
    const page = parseDtsPage(fixture('fiscaldata-dts-operating-cash-balance.json'), 'u');
    expect(page.rows).toEqual([
      { date: '2021-09-29', value: '173246' },
      { date: '2021-09-30', value: '215160' },
      { date: '2021-10-01', value: '189160' },
      { date: '2021-10-04', value: '174032' },
      { date: '2021-10-05', value: '' },
      { date: '2021-10-06', value: '165910' },
    ]);
  });

  it('follows every page and writes fred/DTS_TGA.csv in millions', async () => {
    const fetchImpl = pages(4);
    const got = await fetchDailyTga({ http: { fetchImpl, sleep: recordingSleep() } });
    expect(got.text).toBe(fixture('expected/fred-DTS_TGA.csv'));
    expect(fetchImpl.calls.map((c) => /page\[number\]=(\d+)/.exec(c.url)?.[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('refuses a balance that is not a number, and two different balances for one day', () => {
    const bad = {
      data: [{ record_date: '2021-10-01', account_type: 'Treasury General Account (TGA) Closing Balance', open_today_bal: '1,234', close_today_bal: 'null' }],
    };
    expect(() => parseDtsPage(JSON.stringify(bad), 'u')).toThrow(/"1,234" as the TGA balance of 2021-10-01, not a number/);
    const twice = {
      data: [
        { record_date: '2021-09-30', account_type: 'Federal Reserve Account', close_today_bal: '1', open_today_bal: '0' },
        { record_date: '2021-09-30', account_type: 'Treasury General Account (TGA)', close_today_bal: '2', open_today_bal: '0' },
      ],
      meta: { 'total-pages': 1 },
    };
    const fetchImpl = fakeFetch(() => reply(JSON.stringify(twice)));
    return expect(fetchDailyTga({ http: { fetchImpl } })).rejects.toThrow(DataError);
  });

  it("shows the API's own reason for a refused request", async () => {
    const fetchImpl = fakeFetch(() => reply('{"error":"Invalid Query Param","message":"Invalid query parameter \'fields\' with value \'x\'."}', 400));
    await expect(fetchDailyTga({ http: { fetchImpl } })).rejects.toThrow(/Fiscal Data API error 400: Invalid Query Param: Invalid query parameter/);
  });
});
