import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../datasets/load-dataset.ts';
import { buildPanel } from '../../../datasets/panel.ts';
import { buildRoles } from '../../../datasets/roles.ts';
import { LABEL_FREE_CLAIMS, verdictsAcrossDefinitions } from '../../../engine/analysis/verdicts-across-definitions.ts';
import { buildClaimContext, CLAIMS, runScorecard } from '../../../engine/claims/index.ts';
import { computeRegimes, definitionsAround, REGIME_PRESETS, regimeDefinitions } from '../../../engine/regimes/index.ts';
import { makeRng } from '../../../engine/random.ts';
import { SNAPSHOT } from '../../builders.ts';

describe('verdicts across definitions (real snapshot, 60 resamples)', () => {
  const panel = buildPanel(loadDataset(SNAPSHOT));
  const roles = buildRoles(panel);
  const options = { reps: 60, seed: 7, level: 0.95 };
  const defs = regimeDefinitions().slice(0, 4);

  it('equals a brute force: each definition scored on its own, agreement counted by hand', () => {
    const grid = verdictsAcrossDefinitions(panel, roles, defs, options);
    const brute = defs.map((d) => runScorecard(buildClaimContext(panel, roles, computeRegimes(panel, d.config).labels, options)));
    for (const row of grid.rows) {
      const i = brute[0].findIndex((r) => r.claim.id === row.claim);
      const verdicts = brute.map((sc) => {
        const r = row.sample === 'in-sample' ? sc[i].inSample : sc[i].outOfSample;
        return r ? r.verdict : 'n/a';
      });
      expect(Object.values(row.verdicts)).toEqual(verdicts);
      expect(row.defaultVerdict).toBe(verdicts[0]);
      expect(row.agree).toBe(verdicts.filter((v) => v === verdicts[0]).length);
      expect(row.total).toBe(defs.length);
    }
    // Forecasts have no in-sample row; history claims have both.
    expect(grid.rows.filter((r) => r.claim === 'C9').map((r) => r.sample)).toEqual(['out-of-sample']);
    expect(grid.rows.filter((r) => r.claim === 'C1').map((r) => r.sample)).toEqual(['in-sample', 'out-of-sample']);
  });

  it('the label-free claims really ignore the labels: shuffled labels give the same results', () => {
    const labels = computeRegimes(panel).labels;
    const shuffled = labels.slice();
    const rng = makeRng(3);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const a = runScorecard(buildClaimContext(panel, roles, labels, options), { only: LABEL_FREE_CLAIMS });
    const b = runScorecard(buildClaimContext(panel, roles, shuffled, options), { only: LABEL_FREE_CLAIMS });
    expect(b).toEqual(a);
    // …and the claims not on the list do read them (else the list would be incomplete).
    const others = CLAIMS.map((c) => c.id).filter((id) => !LABEL_FREE_CLAIMS.includes(id) && id !== 'C9');
    const c = runScorecard(buildClaimContext(panel, roles, labels, options), { only: others });
    const d = runScorecard(buildClaimContext(panel, roles, shuffled, options), { only: others });
    for (let k = 0; k < c.length; k++) expect(d[k].inSample?.statistic).not.toBe(c[k].inSample?.statistic);
  });

  it("puts the run's own definition first and drops its duplicate from the grid", () => {
    const around = definitionsAround(REGIME_PRESETS.rates);
    expect(around[0].name).toBe('rates');
    expect(around.filter((d) => JSON.stringify(d.config) === JSON.stringify(REGIME_PRESETS.rates))).toHaveLength(1);
    expect(around).toHaveLength(regimeDefinitions().length);
  });
});
