/**
 * Share of labelled days (label ≠ 0) in each quadrant, fractions summing to 1 (all 0 when
 * nothing is labelled).
 *
 * @example
 * timeShares(Uint8Array.of(0, 1, 1, 2, 4)); // { 1: 0.5, 2: 0.25, 3: 0, 4: 0.25 }
 */
export function timeShares(labels: Uint8Array): Record<1 | 2 | 3 | 4, number> {
  const counts = [0, 0, 0, 0, 0];
  for (let t = 0; t < labels.length; t++) counts[labels[t]]++;
  const total = counts[1] + counts[2] + counts[3] + counts[4];
  const share = (q: number) => (total === 0 ? 0 : counts[q] / total);
  return { 1: share(1), 2: share(2), 3: share(3), 4: share(4) };
}
