import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { ConfigError } from '../../datasets/errors.ts';
import { checkStrategySpec, describeStrategy, loadStrategyFile, parseYamlLite, resolveStrategy } from '../../strategies/index.ts';
import { thrown } from '../builders.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'strategies', name);
const errorOf = (fn: () => unknown): ConfigError => thrown(fn, ConfigError);

describe('user strategy files', () => {
  it('reads a YAML playbook into steps that say what it does', () => {
    const s = loadStrategyFile(fixture('playbook.yaml'));
    expect(s.name).toBe('tilted-playbook');
    expect(describeStrategy(s)).toBe('whenRegimeKnown → weighByQuadrant(file playbook) → limitWeight(0.5) → rebalanceOn(regime+drift:0.05)');
  });

  it('reads a JSON fixed mix, defaulting the name to the file', () => {
    const s = resolveStrategy(fixture('fixed.json'));
    expect(s.name).toBe('permanent');
    expect(describeStrategy(s)).toBe('weighFixed(us_large 0.25, treasuries 0.25, gold 0.25, cash 0.25) → rebalanceOn(quarterly)');
  });

  it('weights that do not sum to one name the quadrant', () => {
    const e = errorOf(() => loadStrategyFile(fixture('bad-sum.json')));
    expect(e.details.field).toBe('quadrants.Q2');
    expect(e.message).toBe('quadrants.Q2: weights sum to 0.9, not 1');
    expect(e.code).toBe('bad-weights');
    expect(e.details.file).toBe(fixture('bad-sum.json'));
  });

  it('unknown roles name the role', () => {
    const e = errorOf(() => loadStrategyFile(fixture('bad-role.yaml')));
    expect(e.details.field).toBe('quadrants.Q3.japan');
    expect(e.code).toBe('unknown-role');
  });

  it('negative weights need shorts', () => {
    const e = errorOf(() => loadStrategyFile(fixture('negative.json')));
    expect(e.details.field).toBe('weights.treasuries');
    expect(e.message).toMatch(/negative weight -0.3 needs shorts/);
    expect(loadStrategyFile(fixture('shorts.json')).allowShorts).toBe(true);
  });

  it('lists every problem, the first in the message', () => {
    const r = checkStrategySpec({ quadrants: { Q1: { us_large: 2 }, Q5: {} }, rebalance: 'sometimes', colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(['colour', 'quadrants.Q5', 'quadrants.Q1', 'quadrants.Q2', 'quadrants.Q3', 'quadrants.Q4', 'rebalance']);
  });

  it('an unknown built-in name or missing file says what exists', () => {
    expect(errorOf(() => resolveStrategy('momentum')).details.hint).toMatch(/article, article-unconditional, us-large, 60-40, equal-weight, random-regime/);
    expect(errorOf(() => resolveStrategy(fixture('nope.json'))).code).toBe('file-missing');
  });
});

describe('parseYamlLite', () => {
  it('parses nested and flow mappings and scalars', () => {
    expect(parseYamlLite('a: 1\nb:\n  c: "x # not a comment"\n  d: { e: -0.5, f: true }\ng: ~\nh: plain text # comment\n')).toEqual({
      a: 1,
      b: { c: 'x # not a comment', d: { e: -0.5, f: true } },
      g: null,
      h: 'plain text',
    });
  });

  it('refuses what it does not support, with the line', () => {
    const e = errorOf(() => loadStrategyFile(fixture('list.yaml')));
    expect(e.details.line).toBe(3);
    expect(e.message).toMatch(/lists are not supported/);
    expect(errorOf(() => parseYamlLite('a:\n\tb: 1')).details.line).toBe(2);
    expect(errorOf(() => parseYamlLite('a: 1\na: 2')).message).toMatch(/duplicate key "a"/);
    expect(errorOf(() => parseYamlLite('a: 1\n   b: 2')).message).toMatch(/unexpected indentation/);
  });
});
