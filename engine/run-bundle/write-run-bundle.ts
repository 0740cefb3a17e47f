import { createHash } from 'node:crypto';
import { isoDay } from '../../datasets/day.ts';
import { navCsv, navsCsv, tradesCsv, weightsCsv } from '../backtest/export.ts';
import type { RunManifest } from '../backtest/manifest.ts';
import type { Market } from '../backtest/market.ts';
import { resultMetricsToJson, type ResultMetrics } from '../backtest/result-metrics.ts';
import { LOOK_AHEAD_WARNING, total, type BacktestResult } from '../backtest/result.ts';
import { REPORT_FILES, RUN_FILES, type BundleChecksum } from './format.ts';
import { replaceRunDir, type RunDirHooks } from './run-dir.ts';

/** sha256 and size of a file's bytes, as manifest.json's `bundle` records them. */
export function bundleChecksum(content: string | Uint8Array): BundleChecksum {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/**
 * The files of a run bundle, in RUN_FILES order: the strategy's NAV, weights and trades, every
 * run's NAV side by side, every run's metrics, and the manifest, which records the sha256 of
 * each of the other five (`bundle`) so a reader can tell a whole bundle from a mixed one.
 * `results[0]` is the strategy, the rest its benchmarks; `warnings` concern the whole run.
 */
export function runBundleFiles(input: {
  results: readonly BacktestResult[];
  metrics: readonly ResultMetrics[];
  market: Market;
  manifest: RunManifest;
  warnings?: readonly string[];
  /** More top-level fields of metrics.json, first (the cost assumption, the random-regime distribution). */
  extra?: Record<string, unknown>;
}): { name: string; content: string }[] {
  const { results, metrics, market } = input;
  const main = results[0];
  const metricsJson = {
    ...input.extra,
    strategy: main.name,
    lookAheadProne: main.lookAheadProne,
    ...(main.lookAheadProne ? { warning: LOOK_AHEAD_WARNING } : {}),
    from: isoDay(main.days[0]),
    to: isoDay(main.days[main.days.length - 1]),
    // Warnings about the whole run (a period under a year), shown by every report of it.
    ...(input.warnings?.length ? { warnings: input.warnings } : {}),
    runs: Object.fromEntries(
      results.map((r, i) => [
        r.name,
        {
          ...resultMetricsToJson(metrics[i]),
          // Each cost on its own: sums over the run of daily fractions of equity.
          costTotals: { commission: total(r.commission), slippage: total(r.slippage), fixed: total(r.fixedCosts), financing: total(r.financingCost) },
          rule: r.rule,
          segments: r.segments,
          warnings: r.warnings,
        },
      ]),
    ),
  };
  const contents: Record<string, string> = {
    'nav.csv': navCsv(main),
    'weights.csv': weightsCsv(main),
    'trades.csv': tradesCsv(main, market),
    'benchmarks.csv': navsCsv(results),
    'metrics.json': JSON.stringify(metricsJson, null, 2) + '\n',
  };
  const bundle = Object.fromEntries(Object.entries(contents).map(([name, text]) => [name, bundleChecksum(text)]));
  contents['manifest.json'] = JSON.stringify({ ...input.manifest, bundle }, null, 2) + '\n';
  return RUN_FILES.map((name) => ({ name, content: contents[name] }));
}

/**
 * Writes a run bundle into `dir`, replacing any previous bundle there whole (see replaceRunDir:
 * a lock, a temporary directory, a swap; a stale report.html goes with the old bundle).
 */
export function writeRunBundle(
  dir: string,
  files: readonly { name: string; content: string | Uint8Array }[],
  options: { option?: string; hooks?: RunDirHooks } = {},
): void {
  replaceRunDir(dir, files, { replaceable: [...RUN_FILES, ...REPORT_FILES], ...options });
}
