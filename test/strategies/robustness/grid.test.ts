import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { ConfigError } from '../../../datasets/errors.ts';
import { ProblemsError } from '../../../datasets/problems.ts';
import { REGIME_PRESETS } from '../../../engine/regimes/index.ts';
import { ARTICLE_PLAYBOOK } from '../../../strategies/article.ts';
import {
  defaultValidateGrid,
  expandGrid,
  gridParameters,
  gridSize,
  loadGrid,
  MAX_GRID_CONFIGS,
  parseGrid,
  regimeCombinations,
  regimeConfigOf,
} from '../../../strategies/robustness/index.ts';
import { thrown } from '../../builders.ts';

const configError = (fn: () => unknown): ProblemsError => thrown(fn, ProblemsError);

describe('parseGrid', () => {
  it('fills the defaults: the article regimes and playbook, regime+monthly, 5 bps, no window', () => {
    const g = parseGrid({});
    expect(g.base).toEqual(REGIME_PRESETS.article);
    expect(g.regimes).toEqual([]);
    expect(g.rebalance).toEqual(['regime+monthly']);
    expect(g.costBps).toEqual([5]);
    expect(g.playbooks).toEqual([{ name: 'article', table: ARTICLE_PLAYBOOK }]);
    expect([g.from, g.to]).toEqual([undefined, undefined]);
    expect(gridSize(g)).toBe(1);
  });

  it('takes a preset or a partial regime config as the base', () => {
    expect(parseGrid({ base: 'rates' }).base.name).toBe('rates');
    const b = parseGrid({ base: { extends: 'balance-sheet', stability: { confirmDays: 3 } } }).base;
    expect([b.components.policy_rate.weight, b.stability.confirmDays]).toEqual([0, 3]);
  });

  it('expands in grid order: regime paths slowest, then playbook, rule, cost', () => {
    const g = parseGrid({
      regimes: { 'windows.balanceSheetWeeks': [8, 13], 'stability.confirmDays': [5, 10, 20] },
      rebalance: ['regime', 'monthly'],
      costBps: [0, 10],
    });
    const configs = expandGrid(g);
    // 2 × 3 regime combinations × 1 playbook × 2 rules × 2 costs = 24.
    expect(configs.length).toBe(24);
    expect(gridSize(g)).toBe(24);
    expect(regimeCombinations(g)).toBe(6);
    expect(configs.map((c) => c.id)).toEqual([...Array(24).keys()]);
    // id 0: first of everything; id 1: next cost; id 2: next rule; id 4: next confirmDays; id 12: next window.
    expect(configs[0].params).toEqual({ 'windows.balanceSheetWeeks': 8, 'stability.confirmDays': 5, playbook: 'article', rebalance: 'regime', costBps: 0 });
    expect(configs[1].params).toEqual({ ...configs[0].params, costBps: 10 });
    expect(configs[2].params).toEqual({ ...configs[0].params, rebalance: 'monthly' });
    expect(configs[4].params).toEqual({ ...configs[0].params, 'stability.confirmDays': 10 });
    expect(configs[12].params).toEqual({ ...configs[0].params, 'windows.balanceSheetWeeks': 13 });
    // Configurations of one regime combination are contiguous: 4 each.
    expect(configs.map((c) => c.regime)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5]);
    expect(gridParameters(g).map((p) => `${p.name}:${p.values.length}`)).toEqual([
      'windows.balanceSheetWeeks:2',
      'stability.confirmDays:3',
      'playbook:1',
      'rebalance:2',
      'costBps:2',
    ]);
  });

  it('sets each path of a combination on a copy of the base', () => {
    const g = parseGrid({
      regimes: { 'windows.balanceSheetWeeks': [8, 13], 'components.policy_rate.weight': [0.5, 1], 'stability.confirmBy': ['quadrant', 'axis'] },
    });
    // Combination 5 = digits (1, 0, 1): 13 weeks, weight 0.5, axis.
    const c = regimeConfigOf(g, 5);
    expect([c.windows.balanceSheetWeeks, c.components.policy_rate.weight, c.stability.confirmBy, c.name]).toEqual([13, 0.5, 'axis', 'article~5']);
    expect(REGIME_PRESETS.article.windows.balanceSheetWeeks).toBe(13);
    expect(REGIME_PRESETS.article.components.policy_rate.weight).toBe(1);
  });

  it('property: the expansion is the cartesian product, each combination once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        (a, b, r, c) => {
          const g = parseGrid({
            regimes: { 'windows.reservesWeeks': Array.from({ length: a }, (_, i) => i + 1), 'stability.minDwellDays': Array.from({ length: b }, (_, i) => i) },
            rebalance: ['regime', 'monthly', 'weekly'].slice(0, r),
            costBps: [1, 2].slice(0, c),
          });
          const configs = expandGrid(g);
          const keys = new Set(configs.map((x) => JSON.stringify(x.params)));
          return configs.length === a * b * r * c && keys.size === configs.length;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the example grid file: 3 × 3 × 2 × 3 = 54 configurations', () => {
    const g = loadGrid(join(import.meta.dirname, '..', '..', '..', 'strategies', 'robustness', 'example-grid.json'));
    expect(gridSize(g)).toBe(54);
  });

  it('the validate grid: 3 windows × 3 confirmations × 2 rules = 18, around the base given', () => {
    expect(gridSize(defaultValidateGrid())).toBe(18);
    expect(defaultValidateGrid(REGIME_PRESETS.rates).base.name).toBe('rates');
  });
});

describe('parseGrid errors name the field', () => {
  const cases: [string, unknown, string][] = [
    ['an unknown top-level key', { regime: {} }, 'regime'],
    ['an unknown regime path', { regimes: { 'windows.foo': [1] } }, 'regimes.windows.foo'],
    ['a path to an object, not a value', { regimes: { windows: [1] } }, 'regimes.windows'],
    ['the name, which is not a parameter', { regimes: { name: ['a'] } }, 'regimes.name'],
    ['a window that is not a whole number', { regimes: { 'windows.balanceSheetWeeks': [8, 1.5] } }, 'regimes.windows.balanceSheetWeeks'],
    ['a number where a text is needed', { regimes: { 'stability.confirmBy': [1] } }, 'regimes.stability.confirmBy[0]'],
    ['a repeated value', { regimes: { 'stability.confirmDays': [5, 5] } }, 'regimes.stability.confirmDays[1]'],
    ['an empty value list', { regimes: { 'stability.confirmDays': [] } }, 'regimes.stability.confirmDays'],
    ['a bad rule', { rebalance: ['regime', 'hourly'] }, 'rebalance[1]'],
    ['a negative cost', { costBps: [-1] }, 'costBps[0]'],
    ['a playbook row that does not sum to 1', { playbooks: { x: { ...ARTICLE_PLAYBOOK, Q1: { us_large: 0.5 } } } }, 'playbooks.x.Q1'],
    ['an unknown role', { playbooks: { x: { ...ARTICLE_PLAYBOOK, Q2: { bitcoin: 1 } } } }, 'playbooks.x.Q2.bitcoin'],
    ['an unknown base preset', { base: 'nope' }, 'base.extends'],
    ['a bad date', { from: '2020-13-01' }, 'from'],
    ['a window that ends before it starts', { from: '2020', to: '2019' }, 'to'],
  ];
  for (const [what, json, field] of cases) {
    it(what, () => {
      const err = configError(() => parseGrid(json, 'grid.json'));
      expect(err.details.field).toBe(field);
      expect(err.details.file).toBe('grid.json');
    });
  }

  it('a combination breaking a cross-field rule: zScore.minHistory above zScore.window', () => {
    const err = configError(() => parseGrid({ regimes: { 'zScore.window': [50, 300], 'zScore.minHistory': [20, 100] } }));
    expect(err.details.field).toBe('regimes.zScore.minHistory');
    expect(err.details.hint).toContain('zScore.window = 50');
    // The same values are fine together when every combination keeps the rule (the base's
    // minHistory, 126, is above 50, but the grid sets it to 20 everywhere).
    expect(gridSize(parseGrid({ regimes: { 'zScore.window': [50, 300], 'zScore.minHistory': [20] } }))).toBe(2);
  });

  it(`more than ${MAX_GRID_CONFIGS} configurations, naming the largest axis`, () => {
    const many = (k: number, from = 1) => Array.from({ length: k }, (_, i) => i + from);
    // 40 × 40 × 40 = 64,000 > 50,000; the largest axis (first on ties) is named.
    const err = configError(() => parseGrid({ regimes: { 'windows.reservesWeeks': many(40), 'stability.minDwellDays': many(40, 0) }, costBps: many(40) }));
    expect(err.details.field).toBe('regimes.windows.reservesWeeks');
    expect(err.message).toContain('64,000');
    const err2 = configError(() => parseGrid({ regimes: { 'windows.reservesWeeks': many(30) }, costBps: many(2000) }));
    expect(err2.details.field).toBe('costBps');
  });

  it('a deeply nested value is one too-deep problem, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const err = configError(() => parseGrid({ costBps: deep }, 'grid.json'));
    expect(err.problems.map((p) => p.code)).toEqual(['too-deep']);
    expect(err.message).toMatch(/^costBps(\.0)+: nests deeper than 32 levels$/);
  });

  it('a playbook name that would start a spreadsheet formula is refused, clipped where quoted', () => {
    const name = `=HYPERLINK("http://x","${'y'.repeat(1000)}")`;
    const err = configError(() => parseGrid({ playbooks: { [name]: 'article' } }, 'grid.json'));
    expect(err.problems[0].path).toBe(`playbooks.${name.slice(0, 40)}…`);
    expect(err.message.length).toBeLessThan(300);
  });

  it('every problem is listed, not just the first', () => {
    const err = configError(() => parseGrid({ costBps: [-1, -2], rebalance: ['hourly'], colour: 'red' }, 'grid.json'));
    expect(err.problems.map((p) => p.path)).toEqual(['colour', 'rebalance[0]', 'costBps[0]', 'costBps[1]']);
    expect(err.total).toBe(4);
  });

  it('a grid file that is not JSON', () => {
    const err = thrown(() => loadGrid(join(import.meta.dirname, '..', '..', 'fixtures', 'regimes', 'not-json.json')), ConfigError);
    expect(err.details.option).toBe('grid');
    expect(err.describe()).toMatch(/^--grid .*not-json\.json: not valid JSON/);
  });
});
