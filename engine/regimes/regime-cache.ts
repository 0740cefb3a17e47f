import type { Panel } from '../../datasets/panel.ts';

/**
 * Memo of signal and component arrays for one panel, so a sweep over many configurations
 * computes each distinct signal (e.g. "WALCL change over 65 rows") and each distinct
 * normalisation once. Arrays handed out are shared by every result that used them: read only.
 *
 * The panel's columns must not be changed while the cache lives (build a new panel, and a new
 * cache, to test other data).
 */
export class RegimeCache {
  readonly panel: Panel;
  private readonly arrays = new Map<string, Float64Array>();

  constructor(panel: Panel) {
    this.panel = panel;
  }

  /** The array stored under `key`, made by `make` the first time. */
  get(key: string, make: () => Float64Array): Float64Array {
    let a = this.arrays.get(key);
    if (!a) {
      a = make();
      this.arrays.set(key, a);
    }
    return a;
  }

  /** Number of arrays held (for tests and benchmarks). */
  get size(): number {
    return this.arrays.size;
  }
}
