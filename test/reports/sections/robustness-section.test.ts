import { describe, expect, it } from 'vitest';
import type { ChartBlock, MetricsBlock, TableBlock } from '../../../reports/model.ts';
import { parameterTitle, robustnessSection } from '../../../reports/sections/robustness-section.ts';

const sensitivity = {
  metric: 'Sharpe',
  format: { style: 'number' as const, digits: 2 },
  rowTitle: 'windows.balanceSheetWeeks',
  columnTitle: 'stability.confirmDays',
  rows: ['8', '13'],
  columns: ['5', '10'],
  values: [
    [0.3, 0.34],
    [0.38, 0.43],
  ],
};

describe('the robustness page', () => {
  it('names each card its subject', () => {
    const s = robustnessSection({
      deflatedSharpe: { probability: 0.2, trials: 54, sharpe: 0.43, subject: 'the best of 54 configurations (#17)' },
      permutation: { pValue: 0.4, permutations: 200, subject: 'the article default' },
    });
    const items = (s.blocks[0] as MetricsBlock).items;
    expect(items[0].note).toBe('of the best of 54 configurations (#17), Sharpe 0.43; 54 trials');
    expect(items[1].note).toBe('of the article default against shuffled regime labels; 200 permutations');
  });

  it('titles the sensitivity axes in plain words and fits the colour scale to the values, diverging at the default', () => {
    const s = robustnessSection({ sensitivity, referenceSharpe: 0.36 });
    const chart = s.blocks.find((b): b is ChartBlock => b.kind === 'chart')!;
    const spec = chart.spec as unknown as {
      encoding: { x: { title: string }; y: { title: string; axis: { titleAngle: number } } };
      layer: { encoding: { color?: { scale: { domain: number[]; domainMid: number } } } }[];
    };
    expect(spec.encoding.y.title).toBe('Balance-sheet change window (weeks)');
    expect(spec.encoding.x.title).toBe('Days to confirm a new quadrant');
    expect(spec.encoding.y.axis.titleAngle).toBe(0);
    // The cells run 0.30–0.43: the old ±0.43 scale around zero painted them all one blue.
    expect(spec.layer[0].encoding.color!.scale.domain).toEqual([0.3, 0.43]);
    expect(spec.layer[0].encoding.color!.scale.domainMid).toBe(0.36);
  });

  it('spells out a path it does not know from its last parts', () => {
    expect(parameterTitle('components.policy_rate.weight')).toBe('Policy rate weight');
  });

  it('lists the top configurations and the walk-forward years', () => {
    const s = robustnessSection({
      top: [{ id: 17, params: { 'stability.confirmDays': 5, costBps: 5 }, sharpe: 0.43, cagr: 0.07, maxDrawdown: 0.4, turnover: 3.1 }],
      walkForward: [{ year: 2015, chosen: 17, inSampleSharpe: 0.5, return: -0.02, referenceReturn: 0.01 }],
    });
    const top = s.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'robustness-top')!;
    expect(top.columns.map((c) => c.label)).toEqual([
      '#',
      'Days to confirm a new quadrant',
      'Cost (bps per trade)',
      'Sharpe',
      'CAGR',
      'Max drawdown',
      'Turnover / yr',
    ]);
    expect(top.rows[0].cells).toEqual([17, '5', '5', 0.43, 0.07, -0.4, 3.1]);
    const wf = s.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'robustness-walk-forward')!;
    expect(wf.rows[0].cells).toEqual(['2015', 17, 0.5, -0.02, 0.01]);
    expect(wf.rows[0].tones![3]).toBe('bad');
  });
});
