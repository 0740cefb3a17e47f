import { ConfigError } from '../datasets/errors.ts';
import { makeRng } from '../engine/random.ts';

/**
 * Regime labels shuffled in blocks: the episodes (maximal runs of one non-zero label) from the
 * first non-zero label on are put in a random order (Fisher–Yates, seeded), each keeping its
 * length and quadrant. The dwell structure (episode lengths, time spent in each quadrant) stays;
 * the timing becomes random. Warm-up zeros before the first label stay in place; neighbouring
 * episodes of one quadrant after the shuffle simply run on.
 *
 * This is a control, not a strategy: it uses the whole sample's episodes, so it is not
 * point-in-time, by design.
 *
 * @throws ConfigError naming `seed` when it is not a safe integer.
 */
export function blockShuffleLabels(labels: Uint8Array, seed: number): Uint8Array {
  if (!Number.isSafeInteger(seed)) throw new ConfigError('bad-config', `seed must be an integer, got ${seed}`, { field: 'seed' });
  const n = labels.length;
  let first = 0;
  while (first < n && labels[first] === 0) first++;
  const starts: number[] = [];
  for (let t = first; t < n; t++) if (t === first || labels[t] !== labels[t - 1]) starts.push(t);
  const k = starts.length;
  const order = Array.from({ length: k }, (_, i) => i);
  const rng = makeRng(seed);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  const out = new Uint8Array(n);
  let at = first;
  for (const e of order) {
    const from = starts[e];
    const to = e + 1 < k ? starts[e + 1] : n;
    out.fill(labels[from], at, at + (to - from));
    at += to - from;
  }
  return out;
}

/** The blocks blockShuffleLabels moves: how many episodes, and their mean length in trading days. */
export interface ShuffleBlocks {
  count: number;
  meanDays: number;
}

/**
 * The blocks of {@link blockShuffleLabels}: the maximal runs of one label from the first
 * non-zero label to the end (a run of 0 after it, a stale stretch, is a block too).
 *
 * @example
 * shuffleBlocks(Uint8Array.of(0, 1, 1, 4, 4, 4)); // { count: 2, meanDays: 2.5 }
 */
export function shuffleBlocks(labels: Uint8Array): ShuffleBlocks {
  const n = labels.length;
  let first = 0;
  while (first < n && labels[first] === 0) first++;
  let count = 0;
  for (let t = first; t < n; t++) if (t === first || labels[t] !== labels[t - 1]) count++;
  return { count, meanDays: count ? (n - first) / count : NaN };
}
