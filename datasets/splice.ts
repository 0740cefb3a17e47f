import type { Series } from './series.ts';

/**
 * `base` followed by the observations of `continuation` dated after base's last valid value
 * (DFF carried on by EFFR, DTB3 by DGS3MO). The result keeps base's id and metadata.
 */
export function spliceContinuation(base: Series, continuation: Series): Series {
  let lastValid = -1;
  for (let i = base.days.length - 1; i >= 0; i--) {
    if (!Number.isNaN(base.values[i])) {
      lastValid = i;
      break;
    }
  }
  const cut = lastValid < 0 ? -Infinity : base.days[lastValid];
  let from = 0;
  while (from < continuation.days.length && continuation.days[from] <= cut) from++;
  const keep = lastValid + 1;
  const extra = continuation.days.length - from;
  const days = new Int32Array(keep + extra);
  const values = new Float64Array(keep + extra);
  const available = new Int32Array(keep + extra);
  days.set(base.days.subarray(0, keep));
  values.set(base.values.subarray(0, keep));
  available.set(base.available.subarray(0, keep));
  days.set(continuation.days.subarray(from), keep);
  values.set(continuation.values.subarray(from), keep);
  available.set(continuation.available.subarray(from), keep);
  return { id: base.id, days, values, available, meta: { ...base.meta, source: `${base.meta.source}, then ${continuation.id}` } };
}
