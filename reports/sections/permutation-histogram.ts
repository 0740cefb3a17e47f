import { binValues, histogramChart, type Histogram } from '../charts/histogram.ts';
import type { ChartBlock } from '../model.ts';
import type { RobustnessReportInput } from '../../strategies/robustness/report-input.ts';

/** Bin widths tried, smallest first: the first that spans the values in at most MAX_BINS bins is used. */
const WIDTHS = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5];
const MAX_BINS = 30;

/**
 * Equal bins of a round width over the permuted statistics and the observed one: edges are
 * multiples of the width, so the bins read as "0.30 to 0.35" and the observed value always falls
 * inside the axis. Values are binned by binValues (a value on an inner edge goes to the bin on
 * its right; one on the top edge to the last bin).
 */
export function permutationBins(distribution: readonly number[], actual: number): Histogram {
  let lo = actual;
  let hi = actual;
  for (const x of distribution) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  // Edges are multiples of the width (a hair of slack so that 0.12 / 0.02 counts as 6, not 5.999…);
  // the top edge lies strictly above the largest value, so a value on an edge opens the next bin.
  const edges = (w: number) => [Math.floor(lo / w + 1e-9), Math.floor(hi / w + 1e-9) + 1];
  const width = WIDTHS.find((w) => edges(w)[1] - edges(w)[0] <= MAX_BINS) ?? WIDTHS[WIDTHS.length - 1];
  const [from, to] = edges(width);
  return binValues(distribution, from * width, to * width, to - from);
}

/**
 * The permutation test drawn: a histogram of the statistic on the block-shuffled label sets with
 * the observed value marked, and p, the number of permutations and the blocks in the caption.
 * Undefined when the input carries no distribution (a robustness result from before it was kept).
 */
export function permutationHistogram(permutation: NonNullable<RobustnessReportInput['permutation']>): ChartBlock | undefined {
  const { distribution, actual } = permutation;
  if (!distribution?.length || actual === undefined || !Number.isFinite(actual)) return undefined;
  const hist = permutationBins(distribution, actual);
  const dropped = distribution.length - hist.total;
  const subject = permutation.subject ?? 'the playbook';
  const blocks = permutation.blocks;
  const reach = permutation.atLeast !== undefined ? `${permutation.atLeast} of ${permutation.permutations} shuffled label sets reach ` : '';
  return {
    kind: 'chart',
    id: 'permutation-histogram',
    title: `Permutation test: Sharpe of ${subject} on shuffled regime labels`,
    alt: `Histogram of the Sharpe ratio of ${subject} on ${hist.total} block-shuffled label sets, in bins of ${hist.width}; the Sharpe on the real labels, ${actual.toFixed(2)}, is marked.`,
    caption: [
      `p = ${permutation.pValue.toFixed(3)} (one-sided, (1 + reached) / (N + 1)): ${reach}the Sharpe of ${subject} on the real labels, ${actual.toFixed(2)} (dashed); N = ${permutation.permutations} permutations. The random-regime control beside the benchmarks shuffles the playbook as run (its Q2 tilt conditional), so its p differs.`,
      blocks
        ? `Each permutation reorders the ${blocks.count} blocks of the labels, its episodes (mean block length ${blocks.meanDays.toFixed(0)} trading days), at random${permutation.seed !== undefined ? ` with seed ${permutation.seed} + i` : ''}, so time in each quadrant and dwell stay and only timing changes.`
        : 'Each permutation reorders the episodes of the labels at random, so time in each quadrant and dwell stay and only timing changes.',
      `Bins of ${hist.width} Sharpe${dropped ? `; ${dropped} permutation${dropped === 1 ? '' : 's'} without a Sharpe left out` : ''}.`,
    ].join(' '),
    spec: histogramChart({
      histogram: hist,
      format: { style: 'number', digits: 2 },
      xTitle: 'Sharpe ratio (annualised, over T-bills)',
      markers: [{ value: actual, label: `real labels ${actual.toFixed(2)}`, side: 'right' }],
      unit: { one: 'permutation', many: 'permutations' },
      height: 170,
    }),
  };
}
