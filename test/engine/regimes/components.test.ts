import { describe, it, expect } from 'vitest';
import { buildPanel } from '../../../datasets/panel.ts';
import {
  COMPONENTS,
  DEFAULT_WINDOWS,
  DOLLAR_COMPONENTS,
  LIQUIDITY_COMPONENTS,
  REGIME_COMPONENTS,
  REGIME_INPUTS,
  REGIME_PRESETS,
  WINDOW_KEYS,
  computeRegimes,
  parseRegimeConfig,
  signalUnits,
} from '../../../engine/regimes/index.ts';
import { syntheticDataset } from '../../fixtures/regimes/synthetic.ts';

describe('the component registry', () => {
  it('derives the axis lists, window keys, defaults and inputs from the definitions', () => {
    // Brute force over the definitions, written independently of components/index.ts.
    const names = REGIME_COMPONENTS.map((d) => d.name);
    expect(COMPONENTS).toEqual(names);
    expect([...LIQUIDITY_COMPONENTS, ...DOLLAR_COMPONENTS].sort()).toEqual([...names].sort());
    for (const d of REGIME_COMPONENTS) expect((d.axis === 'liquidity' ? LIQUIDITY_COMPONENTS : DOLLAR_COMPONENTS) as readonly string[]).toContain(d.name);
    const keys = new Set<string>();
    for (const d of REGIME_COMPONENTS) for (const w of d.windows) keys.add(w.key);
    expect([...WINDOW_KEYS].sort()).toEqual([...keys].sort());
    for (const d of REGIME_COMPONENTS) for (const w of d.windows) expect(DEFAULT_WINDOWS[w.key as keyof typeof DEFAULT_WINDOWS]).toBe(w.default);
    for (const d of REGIME_COMPONENTS) for (const id of d.inputs) expect(REGIME_INPUTS).toContain(id);
  });

  it('validates config fields from the definitions: every window and component name is accepted, a near miss is not', () => {
    for (const key of WINDOW_KEYS) expect(parseRegimeConfig({ windows: { [key]: 7 } }, 'inline').windows[key]).toBe(7);
    for (const name of COMPONENTS) expect(parseRegimeConfig({ components: { [name]: { weight: 0.5 } } }, 'inline').components[name].weight).toBe(0.5);
    expect(() => parseRegimeConfig({ components: { balance_sheets: { weight: 1 } } }, 'inline')).toThrow(/components\.balance_sheets: is not a known field/);
  });

  it('every preset gives every component its defined normalisation unless it sets one', () => {
    for (const preset of Object.values(REGIME_PRESETS)) {
      for (const d of REGIME_COMPONENTS) {
        const c = preset.components[d.name];
        if (c.weight === 0) expect({ method: c.method, deadBand: c.deadBand }).toEqual(d.defaults);
      }
    }
  });

  it('states the units of every signal a result carries, and shows unweighted components whose inputs are present', () => {
    const panel = buildPanel(syntheticDataset(5, 400));
    const r = computeRegimes(panel, REGIME_PRESETS['balance-sheet']);
    const units = signalUnits(r.config);
    for (const key of Object.keys(r.signals)) expect(units[key]).toMatch(/\S/);
    // balance-sheet weighs only balance_sheet on the liquidity axis, yet policy_rate is shown (DFF is in the data).
    expect(r.components.policy_rate).toBeDefined();
  });

  it('orients each component as its axis: a rising WALCL scores easing, a rising DFF tightening', () => {
    const panel = buildPanel(syntheticDataset(9, 500));
    const r = computeRegimes(panel, REGIME_PRESETS.article);
    const n = panel.calendar.length;
    let agree = 0;
    let total = 0;
    const bs = r.signals.walcl_change_13w;
    for (let t = 0; t < n; t++) {
      const c = r.components.balance_sheet[t];
      if (c === c && bs[t] !== 0 && bs[t] === bs[t]) {
        total++;
        if (Math.sign(c) === Math.sign(bs[t])) agree++;
      }
    }
    expect(total).toBeGreaterThan(50);
    expect(agree).toBe(total); // `scale` keeps the sign of the raw signal
    for (let t = 0; t < n; t++) {
      const d = r.signals.dff_change[t];
      if (d > 0.125) expect(r.components.policy_rate[t]).toBe(-1);
      if (d < -0.125) expect(r.components.policy_rate[t]).toBe(1);
    }
  });
});
