import { describe, it, expect } from 'vitest';
import {
  ARTICLE_PLAYBOOK,
  type QUADRANTS,
  safeParseQuadrantTable,
  describeStrategy,
  articleStrategy,
  articleUnconditionalStrategy,
  benchmarkStrategies,
} from '../../strategies/index.ts';

describe('the article playbook', () => {
  it('is a valid table: every quadrant sums to 1, no shorts', () => {
    expect(safeParseQuadrantTable(ARTICLE_PLAYBOOK, 'table')).toEqual({ ok: true, value: ARTICLE_PLAYBOOK });
  });

  it('holds what the note says in each quadrant (ARTICLE.md, "The framework")', () => {
    const roles = (q: (typeof QUADRANTS)[number]) => Object.keys(ARTICLE_PLAYBOOK[q]).sort();
    expect(roles('Q1')).toEqual(['commodities', 'emerging', 'non_us_developed', 'us_large', 'us_small']);
    expect(roles('Q2').every((r) => ['us_large', 'us_small', 'treasuries', 'short_treasuries', 'cash'].includes(r))).toBe(true);
    expect(ARTICLE_PLAYBOOK.Q2.us_small!).toBeGreaterThan(ARTICLE_PLAYBOOK.Q2.us_large!); // the small-cap tilt
    expect(roles('Q3')).toEqual(['china_hk', 'commodities', 'emerging', 'gold', 'non_us_developed']);
    expect(roles('Q4')).toEqual(['cash', 'short_treasuries']);
  });

  it('reads as one sentence', () => {
    expect(describeStrategy(articleStrategy())).toBe(
      'whenRegimeKnown → weighByQuadrant(article playbook) → weighByRiskAppetite(Q2 steady: no small-cap tilt) → rebalanceOn(regime+monthly)',
    );
    expect(describeStrategy(articleUnconditionalStrategy())).toBe('whenRegimeKnown → weighByQuadrant(article playbook) → rebalanceOn(regime+monthly)');
    expect(benchmarkStrategies().map((s) => s.name)).toEqual(['us-large', '60-40', 'equal-weight', 'risk-parity', 'random-regime']);
  });
});
