/**
 * Counts of switches between quadrants: `m[i][j]` (0-based, so m[0][3] is Q1 → Q4) is the
 * number of days t with label[t−1] = Qi+1 and label[t] = Qj+1, i ≠ j. The diagonal is 0: it
 * counts switches, not days staying put. Switches into or out of 0 (warm-up) are not counted.
 * See transitionProbabilities for row-normalised figures.
 *
 * @example
 * transitionMatrix(Uint8Array.of(1, 1, 4, 1, 0, 2)); // m[0][3] = 1, m[3][0] = 1, all else 0
 */
export function transitionMatrix(labels: Uint8Array): number[][] {
  const m = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (let t = 1; t < labels.length; t++) {
    const a = labels[t - 1];
    const b = labels[t];
    if (a !== 0 && b !== 0 && a !== b) m[a - 1][b - 1]++;
  }
  return m;
}

/**
 * Row-normalised switch counts: `p[i][j]` is the probability that, when leaving Qi+1, the next
 * quadrant is Qj+1 (each row sums to 1, or is all 0 for a quadrant never left).
 */
export function transitionProbabilities(counts: number[][]): number[][] {
  return counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (total === 0 ? 0 : c / total));
  });
}
