/**
 * The whole-grid statistics fed from full rows of daily excess returns (rows × T, row-major),
 * through the row summaries a sweep makes as its replays finish: what the tests of the
 * statistics call, so that they check the path a sweep takes.
 */
import { deflatedBest } from '../../../strategies/robustness/deflated-best.ts';
import { pboBlocks, pboOf } from '../../../strategies/robustness/overfitting.ts';
import { summariseRows, summaryLayout, summarySharpes } from '../../../strategies/robustness/row-summary.ts';
import { walkForward, yearStarts, type WalkForwardInput } from '../../../strategies/robustness/walk-forward.ts';

const rowOf = (excess: Float64Array, T: number) => (j: number) => excess.subarray(j * T, (j + 1) * T);

export function deflatedBestOfRows(excess: Float64Array, rows: number, T: number, trials?: number) {
  const layout = summaryLayout(T, Int32Array.of(0), Int32Array.of(0, T));
  return deflatedBest(summarySharpes(summariseRows(excess, rows, layout), rows, layout), T, rowOf(excess, T), trials);
}

export function pboOfRows(excess: Float64Array, rows: number, T: number, partitions?: number) {
  const layout = summaryLayout(T, pboBlocks(rows, T, partitions), Int32Array.of(0, T));
  return pboOf(summariseRows(excess, rows, layout), rows, layout);
}

export function walkForwardOfRows(input: Omit<WalkForwardInput, 'summaries' | 'layout' | 'rowOf'> & { excess: Float64Array }) {
  const T = input.days.length - 1;
  const layout = summaryLayout(T, Int32Array.of(0), yearStarts(input.days));
  return walkForward({ ...input, summaries: summariseRows(input.excess, input.rows, layout), layout, rowOf: rowOf(input.excess, T) });
}
