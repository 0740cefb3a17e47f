import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../datasets/errors.ts';
import { fredApiUrl, fredGraphUrl } from '../../../datasets/live/fred.ts';
import { dtsPageUrl } from '../../../datasets/live/fiscal-data.ts';
import { serviceOrigin } from '../../../datasets/live/origins.ts';
import { yahooChartUrl } from '../../../datasets/live/yahoo.ts';
import { thrown } from '../../builders.ts';

describe('service origins', () => {
  it('are the real services by default', () => {
    expect(serviceOrigin('fred', {})).toBe('https://fred.stlouisfed.org');
    expect(serviceOrigin('fredApi', {})).toBe('https://api.stlouisfed.org');
    expect(serviceOrigin('yahoo', {})).toBe('https://query1.finance.yahoo.com');
    expect(serviceOrigin('fiscalData', {})).toBe('https://api.fiscaldata.treasury.gov');
  });

  it("take a scheme, host and port from the environment; paths and parameters stay the services'", () => {
    const o = 'http://127.0.0.1:8080';
    expect(serviceOrigin('yahoo', { QUADRANT_YAHOO_URL: `${o}/` })).toBe(o);
    expect(fredGraphUrl('WALCL', serviceOrigin('fred', { QUADRANT_FRED_URL: o }))).toBe(`${o}/graph/fredgraph.csv?id=WALCL`);
    expect(fredApiUrl('WALCL', 'k', { vintageDate: '2024-02-01' }, o)).toBe(
      `${o}/fred/series/observations?series_id=WALCL&api_key=k&file_type=json&realtime_start=2024-02-01&realtime_end=2024-02-01`,
    );
    expect(yahooChartUrl('GC=F', 1_700_000_000, o)).toMatch(/^http:\/\/127\.0\.0\.1:8080\/v8\/finance\/chart\/GC%3DF\?period1=/);
    expect(dtsPageUrl(2, o)).toBe(
      `${o}/services/api/fiscal_service/v1/accounting/dts/operating_cash_balance?fields=record_date,account_type,close_today_bal,open_today_bal&sort=record_date&page[number]=2&page[size]=10000`,
    );
  });

  it('refuse anything but an origin, naming the variable', () => {
    for (const bad of ['http://127.0.0.1:8080/v8/finance', 'http://h/?x=1', 'ftp://h', 'not a url', 'https://user:pw@h']) {
      const err = thrown(() => serviceOrigin('yahoo', { QUADRANT_YAHOO_URL: bad }), UsageError);
      expect(err.message).toContain('QUADRANT_YAHOO_URL');
    }
  });
});
