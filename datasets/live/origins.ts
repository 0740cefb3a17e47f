import { UsageError } from '../errors.ts';

/**
 * Where each live service is reached. An environment variable may point a service at a mirror,
 * a proxy or a local test server: it holds a scheme, host and optional port only, and the paths
 * and query parameters stay those of the real service.
 */
export const SERVICES = {
  /** FRED's keyless CSV download (fredgraph.csv). */
  fred: { variable: 'QUADRANT_FRED_URL', origin: 'https://fred.stlouisfed.org' },
  /** The FRED API, which also serves ALFRED vintages. */
  fredApi: { variable: 'QUADRANT_FRED_API_URL', origin: 'https://api.stlouisfed.org' },
  /** Yahoo Finance's chart data. */
  yahoo: { variable: 'QUADRANT_YAHOO_URL', origin: 'https://query1.finance.yahoo.com' },
  /** The Treasury's Fiscal Data API (Daily Treasury Statement). */
  fiscalData: { variable: 'QUADRANT_FISCALDATA_URL', origin: 'https://api.fiscaldata.treasury.gov' },
} as const;

export type Service = keyof typeof SERVICES;

/**
 * The origin (`scheme://host[:port]`, no trailing slash) of a service: its override variable
 * when set, else the real one. An override with a path, query, fragment or credentials, or a
 * scheme other than http(s), is a UsageError naming the variable.
 */
export function serviceOrigin(service: Service, env: Record<string, string | undefined> = process.env): string {
  const { variable, origin } = SERVICES[service];
  const raw = env[variable]?.trim();
  if (!raw) return origin;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${variable}="${raw}" is not a URL`, { hint: `give a scheme and host, e.g. ${origin} or http://127.0.0.1:8080` });
  }
  const extra = (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || extra) {
    throw new UsageError(`${variable}="${raw}" must be a scheme, host and port only`, {
      hint: `e.g. ${origin} or http://127.0.0.1:8080; Quadrant adds the service's own paths and parameters`,
    });
  }
  return url.origin;
}
