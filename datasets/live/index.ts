/**
 * Live data: download FRED and Yahoo Finance series into a cache laid out exactly like the
 * offline snapshot, so the snapshot loader reads either. `fetchIntoCache` is the entry point.
 */
export {
  fetchIntoCache,
  resolveFetchTargets,
  allFetchTargets,
  type FetchIntoCacheOptions,
  type FetchSummary,
  type FetchItemResult,
  type FetchProgressEvent,
  type FetchTarget,
} from './fetch-all.ts';
export { createProgress, type Progress, type ProgressOptions, type ProgressStream } from './progress.ts';
export {
  defaultCacheDir,
  cacheFilePath,
  manifestPath,
  readManifest,
  updateManifest,
  storeFetched,
  writeFileAtomic,
  sha256Hex,
  type CacheKind,
  type ManifestEntry,
  type PriceManifestEntry,
  type FredManifest,
  type PriceManifest,
} from './cache.ts';
export {
  fetchText,
  redactUrl,
  NetworkError,
  type FetchLike,
  type ResponseLike,
  type HttpOptions,
  type Sleep,
} from './http.ts';
export {
  fetchFredSeries,
  parseFredGraphCsv,
  parseFredApiJson,
  fredGraphUrl,
  fredApiUrl,
  type FredFetchOptions,
} from './fred.ts';
export {
  fetchYahooPrices,
  fetchYahooAsFred,
  parseYahooChart,
  yahooChartUrl,
  yahooSymbol,
  YAHOO_SYMBOLS,
  type YahooFetchOptions,
} from './yahoo.ts';
export {
  fredCsvText,
  priceCsvText,
  type FetchedFile,
  type FredRow,
  type PriceRow,
} from './snapshot-format.ts';
