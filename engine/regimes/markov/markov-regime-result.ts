import type { Day } from '../../../datasets/day.ts';
import type { RegimeConfig, RegimeResult } from '../types.ts';
import type { MarkovAxisOptions } from './markov-axis.ts';
import { markovSwitchingRegimes } from './markov-regimes.ts';

/**
 * The Markov-switching labels in the shape every preset has, so `regimes`, `run`, `compare`,
 * `validate` and the reports read them like any other definition.
 *
 * - `labels` and `rawLabels`: the model's quadrant (no confirmation step: the fitted transition
 *   probabilities already make the states persistent);
 * - `liquidityScore = 2·Pr(easing) − 1` and `dollarScore = 2·Pr(strengthening) − 1` from the
 *   filtered probabilities, so > 0 still means easing / strengthening and the label is the pair
 *   of signs (NaN in the warm-up);
 * - `components`: those of `inputs` plus the two input scores themselves (`input_liquidity`,
 *   `input_dollar`); `signals`: those of `inputs`.
 *
 * @param inputs the rule-based result whose liquidity and dollar scores the model reads (the
 *   `article` preset's, for the `markov-switching` preset).
 */
export function markovRegimeResult(
  inputs: RegimeResult,
  calendar: ArrayLike<Day>,
  config: RegimeConfig,
  options: Partial<MarkovAxisOptions> = {},
): RegimeResult {
  const m = markovSwitchingRegimes(inputs.liquidityScore, inputs.dollarScore, calendar, options);
  const n = calendar.length;
  const liquidityScore = new Float64Array(n);
  const dollarScore = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    liquidityScore[t] = 2 * m.easingProbability[t] - 1;
    dollarScore[t] = 2 * m.strongProbability[t] - 1;
  }
  return {
    config,
    labels: m.labels,
    rawLabels: m.labels,
    liquidityScore,
    dollarScore,
    components: { ...inputs.components, input_liquidity: inputs.liquidityScore, input_dollar: inputs.dollarScore },
    signals: inputs.signals,
    stale: inputs.stale,
    inputs: inputs.inputs,
    firstLabelled: m.firstLabelled,
  };
}
