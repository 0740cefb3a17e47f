import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { buildPanel, buildRoles, loadDataset } from '../../datasets/index.ts';
import { marketFromRoles, resultMetrics } from '../../engine/backtest/index.ts';
import { computeRegimes } from '../../engine/regimes/index.ts';
import { articleStrategy, runStrategy, usLargeBuyAndHold } from '../../strategies/index.ts';

const SNAPSHOT = process.env.QUADRANT_DATA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets');

describe('on the real snapshot', () => {
  it("buy-and-hold US large reproduces SPY's adjusted closes; the article run books full weights every day", () => {
    const panel = buildPanel(loadDataset(SNAPSHOT));
    const market = marketFromRoles(panel, buildRoles(panel));
    const labels = computeRegimes(panel).labels;
    const start = labels.findIndex((q) => q !== 0);
    expect(start).toBeGreaterThan(0);
    const env = { market, labels, panel };

    // Zero costs, never rebalanced: from the first fill (start + 1) NAV moves with SPY's close.
    const spy = panel.columns.SPY;
    const hold = runStrategy(usLargeBuyAndHold(), env, { start });
    for (let i = 1; i < hold.nav.length; i++) {
      expect(Math.abs(hold.nav[i] / hold.nav[1] - spy[start + i] / spy[start + 1])).toBeLessThan(1e-9 * (spy[start + i] / spy[start + 1]));
    }

    const article = runStrategy(articleStrategy(), env, { start, costs: { bps: 5 } });
    const R = market.roles.length;
    expect(article.nav[0]).toBe(1);
    for (let i = 0; i < article.nav.length; i++) {
      let sum = 0;
      for (let k = 0; k < R; k++) sum += article.weights[i * R + k];
      expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
    }
    // Every role's instrument segments tile the window exactly.
    for (const role of market.roles) {
      expect(article.segments.filter((s) => s.role === role).reduce((a, s) => a + s.days, 0)).toBe(article.nav.length);
    }
    const m = resultMetrics(article, market, labels);
    expect(m.overall.days).toBe(article.nav.length - 1);
    expect(Number.isFinite(m.overall.sharpe)).toBe(true);
  });
});
