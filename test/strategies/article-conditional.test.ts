import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/load-dataset.ts';
import { buildPanel } from '../../datasets/panel.ts';
import { buildRoles } from '../../datasets/roles.ts';
import { marketFromRoles } from '../../engine/backtest/index.ts';
import { buildClaimContext, riskAppetiteFalling } from '../../engine/claims/index.ts';
import { computeRegimes } from '../../engine/regimes/index.ts';
import { compileStrategy } from '../../strategies/compile.ts';
import { ARTICLE_PLAYBOOK, ARTICLE_Q2_STEADY, articleStrategy, articleUnconditionalStrategy, builtinStrategy } from '../../strategies/index.ts';
import { SNAPSHOT } from '../builders.ts';

describe('the article playbook with the conditional Q2 tilt (real snapshot)', () => {
  const panel = buildPanel(loadDataset(SNAPSHOT));
  const roles = buildRoles(panel);
  const market = marketFromRoles(panel, roles);
  const labels = computeRegimes(panel).labels;
  const env = { market, labels, panel };
  const col = (role: string) => market.roles.indexOf(role as never);

  it("holds the small-cap tilt on exactly the Q2 days when claim C3's gauge says risk appetite falls", () => {
    // The independent reference: engine/claims riskAppetiteFalling, the mask C3 scores on.
    const falling = riskAppetiteFalling(buildClaimContext(panel, roles, labels));
    const plan = compileStrategy(articleStrategy(), env);
    const R = market.roles.length;
    let tilted = 0;
    let steady = 0;
    for (let t = 0; t < labels.length; t++) {
      if (labels[t] !== 2) continue;
      const row = plan.rows.subarray(plan.index[t] * R, plan.index[t] * R + R);
      const want = falling[t] ? ARTICLE_PLAYBOOK.Q2 : ARTICLE_Q2_STEADY;
      expect({ t, small: row[col('us_small')], large: row[col('us_large')] }).toEqual({ t, small: want.us_small, large: want.us_large });
      if (falling[t]) tilted++;
      else steady++;
    }
    // Both branches occur, so the comparison above tested both.
    expect(tilted).toBeGreaterThan(100);
    expect(steady).toBeGreaterThan(100);
  });

  it('the unconditional variant holds the tilt on every Q2 day, and both agree outside Q2', () => {
    const a = compileStrategy(articleStrategy(), env);
    const u = compileStrategy(articleUnconditionalStrategy(), env);
    const R = market.roles.length;
    for (let t = 0; t < labels.length; t++) {
      if (a.index[t] < 0) continue;
      const ra = Array.from(a.rows.subarray(a.index[t] * R, a.index[t] * R + R));
      const ru = Array.from(u.rows.subarray(u.index[t] * R, u.index[t] * R + R));
      if (labels[t] === 2) expect(ru[col('us_small')]).toBe(ARTICLE_PLAYBOOK.Q2.us_small);
      else if (labels[t] !== 0) expect(ra).toEqual(ru);
    }
    expect(builtinStrategy('article-unconditional').name).toBe('article-unconditional');
  });
});
