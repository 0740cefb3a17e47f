import { assertUsable, loadDatasetAsync, type Dataset, type LoadOptions } from './load-dataset.ts';
import { buildPanel, type Panel } from './panel.ts';

/** A usable dataset and its point-in-time panel on the trading calendar. */
export interface OpenDataset {
  dir: string;
  dataset: Dataset;
  panel: Panel;
}

/**
 * Reads a snapshot or cache directory, throws one DataError naming file and line when a series
 * it needs is unusable (warnings stay in `dataset.issues`), and aligns it onto the trading
 * calendar: the first call of a script. The live cache is `defaultCacheDir()`, filled by
 * `fetchIntoCache()`.
 */
export async function openDataset(dir: string, options: LoadOptions = {}): Promise<OpenDataset> {
  const dataset = await loadDatasetAsync(dir, options);
  assertUsable(dataset);
  return { dir, dataset, panel: buildPanel(dataset) };
}
