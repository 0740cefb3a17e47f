import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { ConfigError } from '../../../datasets/errors.ts';
import { ProblemsError } from '../../../datasets/problems.ts';
import { checkRegimeConfig, MAX_CONFIG_DEPTH, parseRegimeConfig, resolveRegimeConfig, safeParseRegimeConfig } from '../../../engine/regimes/parse-config.ts';
import { REGIME_PRESETS } from '../../../engine/regimes/presets.ts';
import { COMPONENTS, DOLLAR_COMPONENTS, LIQUIDITY_COMPONENTS } from '../../../engine/regimes/types.ts';
import { thrown } from '../../builders.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'regimes');

const configError = (fn: () => unknown): ConfigError => thrown(fn, ConfigError);
const problemsError = (fn: () => unknown): ProblemsError => thrown(fn, ProblemsError);

describe('presets', () => {
  it("article weighs every component but the retired expectations pair, with TGA/RRP (net liquidity) and reserves below the Fed's own stance", () => {
    const c = REGIME_PRESETS.article.components;
    for (const name of COMPONENTS) expect({ name, on: c[name].weight > 0 }).toEqual({ name, on: name !== 'rate_expectations' && name !== 'policy_vs_market' });
    expect(c.net_liquidity.weight).toBeLessThan(c.balance_sheet.weight);
    expect(c.reserves.weight + c.reserves_change.weight).toBeLessThan(c.policy_rate.weight);
    expect(REGIME_PRESETS.article.reserves.redLine).toBe(3_000_000);
  });

  it('balance-sheet uses the balance sheet alone on the liquidity axis; rates the policy rate and easing against expectations', () => {
    const on = (p: keyof typeof REGIME_PRESETS) => LIQUIDITY_COMPONENTS.filter((n) => REGIME_PRESETS[p].components[n].weight > 0);
    expect(on('balance-sheet')).toEqual(['balance_sheet']);
    expect(on('rates')).toEqual(['policy_rate', 'policy_surprise']);
    for (const p of ['balance-sheet', 'rates'] as const)
      for (const n of DOLLAR_COMPONENTS) expect(REGIME_PRESETS[p].components[n]).toEqual(REGIME_PRESETS.article.components[n]);
  });

  it('are frozen and valid', () => {
    for (const p of Object.values(REGIME_PRESETS)) {
      checkRegimeConfig(p);
      expect(Object.isFrozen(p.components.balance_sheet)).toBe(true);
    }
  });
});

describe('parseRegimeConfig', () => {
  it('merges a partial config over article, field by field', () => {
    const c = parseRegimeConfig({ windows: { balanceSheetWeeks: 8 }, components: { reserves: { deadBand: 50_000 } } }, 'my-regime.json');
    expect(c.name).toBe('my-regime');
    expect(c.windows).toEqual({ ...REGIME_PRESETS.article.windows, balanceSheetWeeks: 8 });
    expect(c.components.reserves).toEqual({ ...REGIME_PRESETS.article.components.reserves, deadBand: 50_000 });
    expect(c.components.balance_sheet).toEqual(REGIME_PRESETS.article.components.balance_sheet);
    // The preset itself is untouched.
    expect(REGIME_PRESETS.article.windows.balanceSheetWeeks).toBe(13);
  });

  it('"extends" picks another preset as the base', () => {
    const c = resolveRegimeConfig(join(FIXTURES, 'partial.json'));
    expect(c.name).toBe('partial');
    expect(c.stability.confirmDays).toBe(20);
    expect(c.components.balance_sheet.weight).toBe(0); // from rates
    expect(c.components.dollar_trend.weight).toBe(0);
    expect(c.components.policy_rate).toEqual(REGIME_PRESETS.rates.components.policy_rate);
  });

  const cases: [string, unknown, string, RegExp][] = [
    ['a negative weight', { components: { balance_sheet: { weight: -1 } } }, 'components.balance_sheet.weight', /must be a finite number ≥ 0, got -1/],
    ['an unknown method', { components: { dollar_trend: { method: 'rank' } } }, 'components.dollar_trend.method', /one of zscore, scale, sign, got "rank"/],
    ['a misspelt field', { windows: { balanceSheetWeek: 8 } }, 'windows.balanceSheetWeek', /is not a known field/],
    ['an unknown component', { components: { m2: { weight: 1 } } }, 'components.m2', /is not a known field/],
    ['a fractional window', { windows: { dollarMomentumDays: 63.5 } }, 'windows.dollarMomentumDays', /integer from 1 to 5000, got 63.5/],
    ['a string number', { zScore: { window: '756' } }, 'zScore.window', /integer .* got "756"/],
    ['minHistory above the window', { zScore: { window: 100, minHistory: 200 } }, 'zScore.minHistory', /must not exceed zScore.window \(100\)/],
    ['a bad dollar source', { dollarSource: 'UUP' }, 'dollarSource', /one of DTWEXBGS, DXY/],
    ['a bad red-line date', { reserves: { from: '2020-13-01' } }, 'reserves.from', /date YYYY-MM-DD/],
    ['confirmDays 0', { stability: { confirmDays: 0 } }, 'stability.confirmDays', /integer from 1/],
    ['a bad confirmBy', { stability: { confirmBy: 'both' } }, 'stability.confirmBy', /one of quadrant, axis/],
    ['an unknown preset to extend', { extends: 'hawkish' }, 'extends', /must name a preset \(article, balance-sheet, rates, markov-switching\)/],
    ['a non-object', [1, 2], '(root)', /the config must be an object/],
    [
      'a dollar axis with no weight',
      { components: { dollar_momentum: { weight: 0 }, dollar_trend: { weight: 0 }, dollar_acceleration: { weight: 0 } } },
      'components',
      /the dollar axis needs at least one component with weight > 0/,
    ],
  ];
  for (const [what, json, field, message] of cases) {
    it(`rejects ${what}, naming ${field}`, () => {
      const err = problemsError(() => parseRegimeConfig(json, 'x.json'));
      expect(err.details.field).toBe(field);
      expect(err.problems[0].path).toBe(field);
      expect(err.details.file).toBe('x.json');
      expect(err.problems[0].message).toMatch(message);
      expect(err.exitCode).toBe(2);
      const safe = safeParseRegimeConfig(json, 'x.json');
      expect(safe.ok).toBe(false);
      if (!safe.ok) expect(safe.problems[0].path).toBe(field);
    });
  }
});

describe('problems as data', () => {
  it('collects every problem of a config, not only the first', () => {
    const r = safeParseRegimeConfig(
      { windows: { balanceSheetWeeks: 0 }, components: { dollar_trend: { method: 'rank' } }, stability: { confirmBy: 'both' } },
      'x.json',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['windows.balanceSheetWeeks', 'components.dollar_trend.method', 'stability.confirmBy']);
    const err = problemsError(() => parseRegimeConfig({ windows: { balanceSheetWeeks: 0 }, stability: { confirmBy: 'both' } }, 'x.json'));
    expect(err.describe()).toMatch(/\(and 1 more problem\)/);
  });

  it('returns the config from safeParse when it is valid', () => {
    const r = safeParseRegimeConfig({ stability: { confirmDays: 5 } }, 'inline');
    expect(r.ok && r.value.stability.confirmDays).toBe(5);
  });

  it('rejects a config nested a million levels deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    const r = safeParseRegimeConfig({ components: deep }, 'deep.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toBe(`the config nests deeper than ${MAX_CONFIG_DEPTH} levels`);
  });

  it('accepts a config exactly as deep as a full one (four levels) and quotes long values clipped', () => {
    expect(safeParseRegimeConfig({ components: { balance_sheet: { weight: 1 } } }, 'inline').ok).toBe(true);
    const r = safeParseRegimeConfig({ name: 'x', dollarSource: 'y'.repeat(10_000) }, 'inline');
    expect(!r.ok && r.problems[0].message.length).toBeLessThan(300);
  });
});

describe('resolveRegimeConfig', () => {
  it('returns a preset by name', () => {
    expect(resolveRegimeConfig('rates')).toBe(REGIME_PRESETS.rates);
  });

  it('names the file and the field of a bad file', () => {
    const err = problemsError(() => resolveRegimeConfig(join(FIXTURES, 'bad-weight.json')));
    expect(err.describe()).toMatch(/bad-weight\.json: components\.balance_sheet\.weight: must be a finite number ≥ 0, got -1/);
    const typo = problemsError(() => resolveRegimeConfig(join(FIXTURES, 'typo.json')));
    expect(typo.describe()).toMatch(/windows\.balanceSheetWeek: is not a known field \(known in windows: balanceSheetWeeks,/);
  });

  it('reports JSON syntax errors and unknown names', () => {
    expect(configError(() => resolveRegimeConfig(join(FIXTURES, 'not-json.json'))).message).toMatch(/^not valid JSON/);
    const unknown = configError(() => resolveRegimeConfig('hawkish'));
    expect(unknown.details.field).toBe('preset');
    expect(unknown.describe()).toMatch(/unknown regime preset or file "hawkish" \(presets: article, balance-sheet, rates/);
  });
});
