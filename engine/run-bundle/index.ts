export { REPORT_FILES, RUN_FILES, type BundleChecksum } from './format.ts';
export {
  BUNDLE_FILES,
  readRunBundle,
  type MetricsRecord,
  type RunBundle,
  type RunConfig,
  type RunMetricsEntry,
  type RunMetricsFile,
} from './read-run-bundle.ts';
export { lockRunDir, recoverRunDir, replaceRunDir, type RunDirHooks } from './run-dir.ts';
export { bundleChecksum, runBundleFiles, writeRunBundle } from './write-run-bundle.ts';
