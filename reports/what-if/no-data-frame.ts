import { QuadrantError } from '../../datasets/errors.ts';

/** Stands in for engine/backtest/to-data-frame.ts in the browser bundle: danfojs-node is a Node package, never loaded in a report. */
export async function toDataFrame(): Promise<never> {
  throw new QuadrantError('bad-argument', 'toDataFrame() needs Node and danfojs-node; it is not available in a report page');
}
