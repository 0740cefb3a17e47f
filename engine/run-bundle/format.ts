/**
 * The run directory's format, owned here for its writer (`quadrant run --run-dir`) and its readers
 * (`quadrant report --run`, the report sections): the files, and the checksums that tie them
 * into one bundle.
 */

/** The files `quadrant run --run-dir DIR` writes, in the order they are listed. */
export const RUN_FILES = ['nav.csv', 'weights.csv', 'trades.csv', 'benchmarks.csv', 'metrics.json', 'manifest.json'] as const;

/** Files drawn from a bundle that may sit beside it (replaced with it). */
export const REPORT_FILES = ['report.html', 'report.pdf'] as const;

/** A bundle file's identity in manifest.json's `bundle`. */
export interface BundleChecksum {
  sha256: string;
  bytes: number;
}
