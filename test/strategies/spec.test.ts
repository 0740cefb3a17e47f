import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../datasets/errors.ts';
import { MAX_INPUT_BYTES } from '../../datasets/read-input-file.ts';
import { MAX_INPUT_DEPTH } from '../../datasets/input-limits.ts';
import { MAX_PROBLEMS, ProblemsError } from '../../datasets/problems.ts';
import { describeStrategy, loadStrategyFile, MAX_YAML_BYTES, parseYaml, resolveStrategy, safeParseStrategySpec } from '../../strategies/index.ts';
import { thrown } from '../builders.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'strategies', name);
const errorOf = (fn: () => unknown): ConfigError => thrown(fn, ConfigError);
const problemsOf = (fn: () => unknown): ProblemsError => thrown(fn, ProblemsError);
const scratch = () => mkdtempSync(join(tmpdir(), 'quadrant-spec-'));
/** Writes `text` to a new file called `name` in a fresh directory and returns its path. */
const fileWith = (name: string, text: string): string => {
  const path = join(scratch(), name);
  writeFileSync(path, text);
  return path;
};
const PLAYBOOK = 'quadrants:\n  Q1: { us_large: 1 }\n  Q2: { us_large: 1 }\n  Q3: { gold: 1 }\n  Q4: { cash: 1 }\n';

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
    const e = problemsOf(() => loadStrategyFile(fixture('bad-sum.json')));
    expect(e.details.field).toBe('quadrants.Q2');
    expect(e.message).toBe('quadrants.Q2: weights sum to 0.9, not 1');
    expect(e.code).toBe('bad-weights');
    expect(e.details.file).toBe(fixture('bad-sum.json'));
  });

  it('unknown roles name the role', () => {
    const e = problemsOf(() => loadStrategyFile(fixture('bad-role.yaml')));
    expect(e.details.field).toBe('quadrants.Q3.japan');
    expect(e.code).toBe('unknown-role');
  });

  it('negative weights need shorts', () => {
    const e = problemsOf(() => loadStrategyFile(fixture('negative.json')));
    expect(e.details.field).toBe('weights.treasuries');
    expect(e.message).toMatch(/negative weight -0.3 needs shorts/);
    expect(loadStrategyFile(fixture('shorts.json')).allowShorts).toBe(true);
  });

  it('lists every problem, the first in the message', () => {
    const r = safeParseStrategySpec({ quadrants: { Q1: { us_large: 2 }, Q5: {} }, rebalance: 'sometimes', colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((i) => i.path)).toEqual(['colour', 'quadrants.Q5', 'quadrants.Q1', 'quadrants.Q2', 'quadrants.Q3', 'quadrants.Q4', 'rebalance']);
  });

  it('an unknown built-in name or missing file says what exists', () => {
    expect(errorOf(() => resolveStrategy('momentum')).details.hint).toMatch(
      /article, article-unconditional, us-large, 60-40, equal-weight, risk-parity, random-regime/,
    );
    expect(errorOf(() => resolveStrategy(fixture('nope.json'))).code).toBe('file-missing');
  });
});

describe('hostile strategy files', () => {
  it('a directory named as the strategy is one error naming it and the option', () => {
    const dir = join(scratch(), 'playbook.json');
    mkdirSync(dir);
    const e = errorOf(() => loadStrategyFile(dir));
    expect(e.describe()).toBe(
      `--strategy ${dir}: is a directory; name a strategy file (built-in strategies: article, us-large, 60-40, equal-weight, random-regime)`,
    );
    expect(e.exitCode).toBe(2);
  });

  it('__proto__, constructor and toString are unknown fields and roles, not duplicate keys', () => {
    const yaml = `__proto__: 1\nconstructor: 2\ntoString: 3\nweights:\n  __proto__: 0.5\n  toString: 0.5\n`;
    const e = problemsOf(() => loadStrategyFile(fileWith('proto.yaml', yaml)));
    expect(e.problems.map((p) => [p.path, p.code])).toEqual([
      ['__proto__', 'bad-config'],
      ['constructor', 'bad-config'],
      ['toString', 'bad-config'],
      ['weights.__proto__', 'unknown-role'],
      ['weights.toString', 'unknown-role'],
    ]);
    const json = problemsOf(() => loadStrategyFile(fileWith('proto.json', '{"__proto__": {"x": 1}, "weights": {"constructor": 1}}')));
    expect(json.problems.map((p) => p.path)).toEqual(['__proto__', 'weights.constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('YAML anchors, aliases, merge keys, custom tags and duplicate keys are refused with the line', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n';
    expect(errorOf(() => parseYaml(bomb)).message).toMatch(/anchors and aliases .* are not accepted/);
    expect(errorOf(() => parseYaml('a: &x { p: 1 }\nb: { <<: *x }\n')).message).toMatch(/anchors and aliases/);
    const tag = errorOf(() => parseYaml('name: x\nweights: !!js/function "return 1"\n', 'f.yaml'));
    expect(tag.message).toMatch(/not valid YAML: Unresolved tag/);
    expect(tag.details.line).toBe(2);
    const dup = errorOf(() => parseYaml('a: 1\nb: 2\na: 3\n'));
    expect(dup.message).toBe('not valid YAML: duplicate key "a"');
    expect(dup.details.line).toBe(3);
  });

  it(`nesting deeper than ${MAX_INPUT_DEPTH} levels is refused before parsing (5,000-deep description: no stack overflow)`, () => {
    const deep = `description: ${'['.repeat(5000)}${']'.repeat(5000)}\n${PLAYBOOK}`;
    const e = errorOf(() => loadStrategyFile(fileWith('deep.yaml', deep)));
    expect(e.code).toBe('too-deep');
    expect(e.message).toBe(`nests 5,001 levels deep; at most ${MAX_INPUT_DEPTH} are allowed`);
    const json = errorOf(() => loadStrategyFile(fileWith('deep.json', `{"description": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`)));
    expect(json.code).toBe('too-deep');
    // A parsed value handed in directly is bounded the same way, by an iterative walk.
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { a: value };
    const r = safeParseStrategySpec({ description: value });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['too-deep']);
  });

  it('a file over the size limit is refused from its size, without reading it', () => {
    // A 50 MB file of five million bad roles would take 27 s and 2.7 GB to list; it is refused at once.
    const path = fileWith('big.json', `{"weights": {${'"bad": 1,'.repeat(Math.ceil(MAX_INPUT_BYTES / 9) + 1)}}}`);
    const started = performance.now();
    const e = errorOf(() => loadStrategyFile(path));
    expect(performance.now() - started).toBeLessThan(200);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('is 1.0 MB; a strategy file may hold at most 1.0 MB');
    const yaml = errorOf(() => loadStrategyFile(fileWith('big.yaml', `weights:\n${'  bad: 1\n'.repeat(MAX_YAML_BYTES / 9 + 1)}`)));
    expect(yaml.message).toBe('is 64 kB; a strategy file may hold at most 64 kB');
  });

  it(`thousands of bad roles: ${MAX_PROBLEMS} kept, the rest counted, one short line`, () => {
    const n = 60_000;
    const roles = Array.from({ length: n }, (_, i) => `"r${i}": 1`).join(', ');
    const started = performance.now();
    const e = problemsOf(() => loadStrategyFile(fileWith('roles.json', `{"weights": {${roles}}}`)));
    const seconds = (performance.now() - started) / 1000;
    expect(e.problems).toHaveLength(MAX_PROBLEMS);
    expect(e.total).toBe(n);
    expect(e.message).toMatch(/^weights\.r0: unknown role "r0" \(roles: .*\) \(and 59,999 more problems\)$/);
    expect(seconds).toBeLessThan(5);
    // YAML within its own size bound (MAX_YAML_BYTES): every key read, in well under a second.
    const yamlRoles = Array.from({ length: 5_000 }, (_, i) => `  r${i}: 1`).join('\n');
    const t = performance.now();
    expect(problemsOf(() => loadStrategyFile(fileWith('roles.yaml', `weights:\n${yamlRoles}\n`))).total).toBe(5_000);
    expect(performance.now() - t).toBeLessThan(2_000);
  });

  it('a long name is clipped where it is quoted, and names must be short and printable', () => {
    const name = 'x'.repeat(1_000_000);
    const r = safeParseStrategySpec({ name, weights: { cash: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0].path).toBe('name');
      expect(r.problems[0].message.length).toBeLessThan(200);
    }
    const evil = safeParseStrategySpec({ name: '=HYPERLINK("http://x")', weights: { cash: 1 } });
    expect(evil.ok ? '' : evil.problems[0].message).toMatch(/letters, digits/);
  });

  it('a file whose name would start a spreadsheet formula needs a name field', () => {
    const path = fileWith('=1+2*cmd.json', '{"weights": {"cash": 1}}');
    const e = problemsOf(() => loadStrategyFile(path));
    expect(e.problems[0].path).toBe('name');
    expect(e.message).toMatch(/^name: missing, and the file name "=1\+2\*cmd" cannot stand in for it/);
    expect(loadStrategyFile(fileWith('=1+2*cmd.json', '{"name": "safe", "weights": {"cash": 1}}')).name).toBe('safe');
  });

  it('reads the YAML forms strategy files use', () => {
    expect(parseYaml('a: 1\nb:\n  c: "x # not a comment"\n  d: { e: -0.5, f: true }\ng: ~\nh: plain text # comment\n')).toEqual({
      a: 1,
      b: { c: 'x # not a comment', d: { e: -0.5, f: true } },
      g: null,
      h: 'plain text',
    });
  });
});
