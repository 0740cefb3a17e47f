/** The Markov-switching labels in a preset's shape: scores 2·P − 1 whose signs give the labels. */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../../engine/random.ts';
import { labelQuadrants, REGIME_PRESETS, type RegimeResult } from '../../../../engine/regimes/index.ts';
import { markovRegimeResult, markovSwitchingRegimes } from '../../../../engine/regimes/markov/index.ts';
import { makeCalendar } from '../../../builders.ts';

describe('markovRegimeResult', () => {
  const n = 600;
  const calendar = makeCalendar('2015-01-01', n);
  const rng = makeRng(11);
  const liquidity = new Float64Array(n).map((_, t) => (t % 200 < 100 ? 1 : -1) + 0.3 * (rng() - 0.5));
  const dollar = new Float64Array(n).map((_, t) => (t % 150 < 75 ? -1 : 1) + 0.3 * (rng() - 0.5));
  const inputs: RegimeResult = {
    config: REGIME_PRESETS.article,
    labels: new Uint8Array(n),
    rawLabels: new Uint8Array(n),
    liquidityScore: liquidity,
    dollarScore: dollar,
    components: { balance_sheet: liquidity },
    signals: { dff_change: new Float64Array(n) },
    stale: new Uint8Array(n),
    inputs: [],
    firstLabelled: 0,
  };
  const options = { minHistory: 100 };
  const r = markovRegimeResult(inputs, calendar, { ...REGIME_PRESETS.article, name: 'markov-test' }, options);
  const m = markovSwitchingRegimes(liquidity, dollar, calendar, options);

  it("carries the model's labels and maps probabilities to 2·P − 1", () => {
    expect(Array.from(r.labels)).toEqual(Array.from(m.labels));
    expect(r.firstLabelled).toBe(m.firstLabelled);
    expect(r.liquidityScore[n - 1]).toBeCloseTo(2 * m.easingProbability[n - 1] - 1, 15);
    expect(Number.isNaN(r.dollarScore[0])).toBe(true);
  });

  it('its scores give back its labels through the rule labeller with no confirmation', () => {
    const again = labelQuadrants(r.liquidityScore, r.dollarScore, { confirmDays: 1, confirmBy: 'quadrant', minDwellDays: 0, hysteresis: 0 });
    expect(Array.from(again.labels)).toEqual(Array.from(r.labels));
  });

  it("keeps the inputs' components and signals and adds the input scores", () => {
    expect(Object.keys(r.components)).toEqual(['balance_sheet', 'input_liquidity', 'input_dollar']);
    expect(r.components.input_dollar).toBe(dollar);
    expect(r.signals).toBe(inputs.signals);
  });
});
