import { parseDateBound, type Day } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { assertTextDepth, MAX_INPUT_DEPTH, tooDeepAt } from '../../datasets/input-limits.ts';
import { ProblemList, problemsOf, quote, type SafeParse } from '../../datasets/problems.ts';
import { readInputFile } from '../../datasets/read-input-file.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { checkRegimeConfig, parseRegimeConfig, REGIME_PRESETS, type RegimeConfig } from '../../engine/regimes/index.ts';
import { ARTICLE_PLAYBOOK, ARTICLE_RULE } from '../article.ts';
import { checkName } from '../name-rule.ts';
import { checkQuadrantTable, type QuadrantTable } from '../quadrant-table.ts';
import { DEFAULT_COST_BPS } from '../cost-assumption.ts';

/** Most configurations a grid may expand to. */
export const MAX_GRID_CONFIGS = 50_000;

/** Cost of every configuration when the grid names none, bps (the `quadrant run` default). */
export { DEFAULT_COST_BPS };

/** One regime parameter the grid varies: a dotted path into a RegimeConfig and its values. */
export interface RegimeDimension {
  path: string;
  values: (number | string)[];
}

/** A parsed, validated grid (see {@link parseGrid} for the JSON it comes from). */
export interface RobustnessGrid {
  /** The regime definition every regime path is applied to. */
  base: RegimeConfig;
  regimes: RegimeDimension[];
  /** Rebalance rules (parseRebalanceRule syntax). */
  rebalance: string[];
  /** Proportional costs, bps of the value traded. */
  costBps: number[];
  /** Playbook tables by name. */
  playbooks: { name: string; table: QuadrantTable }[];
  /** First and last day of the runs (clipped to the data); undefined = all of it. */
  from?: Day;
  to?: Day;
}

/** One axis of the grid, as the outputs show it. */
export interface GridParameter {
  /** `windows.balanceSheetWeeks`, `playbook`, `rebalance` or `costBps`. */
  name: string;
  /** The values, as given (numbers stay numbers). */
  values: (number | string)[];
}

/** One configuration of an expanded grid. */
export interface GridConfig {
  /** Position in the grid (mixed radix over {@link gridParameters}, the last parameter fastest). */
  id: number;
  /** Index of its regime combination (configurations of one combination share labels). */
  regime: number;
  playbook: number;
  rebalance: number;
  costBps: number;
  /** The value of every parameter, by name. */
  params: Record<string, number | string>;
}

type Obj = Record<string, unknown>;
const TOP_KEYS = ['description', 'base', 'regimes', 'rebalance', 'costBps', 'playbooks', 'from', 'to'];
const NOT_VARIABLE = new Set(['name', 'description']);
const REGIME_PATH_HINT =
  'a dotted path to a number or text of a regime config, e.g. windows.balanceSheetWeeks, stability.confirmDays, components.policy_rate.weight';

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A key as it appears in a problem's path: clipped and without control characters. */
function key(k: string): string {
  const clean = k.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/**
 * Runs a check of another validator (the regime engine's, the rebalance rule's); the problems
 * it throws are added to `problems` with their paths under `prefix` (`windows.x` →
 * `regimes.windows.x`). Returns the check's value, or undefined when it threw.
 */
function under<T>(prefix: string, problems: ProblemList, fn: () => T, hint?: string): T | undefined {
  try {
    return fn();
  } catch (err) {
    const found = problemsOf(err);
    if (!found) throw err;
    for (const p of found) {
      const path = prefix ? (p.path ? `${prefix}.${p.path}` : prefix) : p.path;
      problems.add(path, p.code, p.message, hint ?? p.hint);
    }
    return undefined;
  }
}

/** The leaf of `config` at a dotted path, or undefined. */
function leafAt(config: RegimeConfig, path: string): unknown {
  let node: unknown = config;
  for (const k of path.split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, k)) return undefined;
    node = node[k];
  }
  return node;
}

/** Sets the leaf at a dotted path of a (cloned) config. */
function setLeaf(config: RegimeConfig, path: string, value: number | string): void {
  const keys = path.split('.');
  let node = config as unknown as Obj;
  for (const k of keys.slice(0, -1)) node = node[k] as Obj;
  node[keys[keys.length - 1]] = value;
}

/**
 * The values of one axis, each checked by `check` (which adds problems and returns undefined for
 * a bad value); a repeated value is a problem too (it would count twice).
 */
function values<T>(v: unknown, field: string, problems: ProblemList, check: (x: unknown, f: string) => T | undefined): T[] {
  if (!Array.isArray(v) || v.length === 0) {
    problems.add(field, 'bad-config', `must be a non-empty array of values, got ${quote(v)}`);
    return [];
  }
  if (v.length > MAX_GRID_CONFIGS) {
    problems.add(
      field,
      'too-large',
      `has ${v.length.toLocaleString('en-US')} values; a grid holds at most ${MAX_GRID_CONFIGS.toLocaleString('en-US')} configurations`,
    );
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  v.forEach((x, i) => {
    const f = `${field}[${i}]`;
    const value = check(x, f);
    if (value === undefined) return;
    const text = JSON.stringify(value);
    if (seen.has(text)) problems.add(f, 'bad-config', `repeats the value ${quote(value)} (each value once, or it counts twice)`);
    seen.add(text);
    out.push(value);
  });
  return out;
}

/**
 * Checks a parameter grid from parsed JSON into `problems` and returns it when there were none:
 *
 * ```
 * { "base": "article",                                  // preset name or a partial regime config (as in `quadrant regimes --config`)
 *   "regimes": { "windows.balanceSheetWeeks": [8, 13, 26], "stability.confirmDays": [5, 10, 20] },
 *   "rebalance": ["regime+monthly", "regime"],           // default ["regime+monthly"]
 *   "costBps": [5],                                      // default [5]
 *   "playbooks": { "article": "article", "defensive": { "Q1": {…}, "Q2": {…}, "Q3": {…}, "Q4": {…} } },  // default the article's
 *   "from": "2008-01-01", "to": "2025-12-31" }           // optional window of the runs
 * ```
 *
 * A regime path is any numeric or text leaf of a RegimeConfig (windows.*, zScore.*, reserves.*,
 * components.NAME.weight|method|deadBand, stability.*, dollarSource). Every value is checked
 * against the regime engine's own rules; playbook names follow the strategy name rule.
 */
function checkGrid(json: unknown, problems: ProblemList): RobustnessGrid | undefined {
  if (!isObject(json)) {
    problems.add('(root)', 'bad-config', 'must be a JSON object (see quadrant sweep --help)');
    return undefined;
  }
  const deep = tooDeepAt(json, MAX_INPUT_DEPTH);
  if (deep !== undefined) {
    problems.add(deep.length > 80 ? `${deep.slice(0, 80)}…` : deep, 'too-deep', `nests deeper than ${MAX_INPUT_DEPTH} levels`);
    return undefined;
  }
  for (const k of Object.keys(json)) if (!TOP_KEYS.includes(k)) problems.add(key(k), 'bad-config', `is not a known field (known: ${TOP_KEYS.join(', ')})`);
  const field = (k: string): unknown => (Object.hasOwn(json, k) ? json[k] : undefined);

  let base: RegimeConfig | undefined = REGIME_PRESETS.article;
  const b = field('base');
  if (b !== undefined) {
    if (typeof b === 'string') base = under('base', problems, () => parseRegimeConfig({ extends: b }, 'inline'));
    else if (isObject(b)) base = under('base', problems, () => parseRegimeConfig(b, 'inline'));
    else {
      problems.add('base', 'bad-config', `must be a preset name or a regime config object, got ${quote(b)}`);
      base = undefined;
    }
  }

  const regimes: RegimeDimension[] = [];
  const regimeAxes = field('regimes');
  if (regimeAxes !== undefined && base) {
    const baseConfig = base;
    if (!isObject(regimeAxes)) problems.add('regimes', 'bad-config', 'must map regime parameter paths to arrays of values');
    else {
      for (const [path, list] of Object.entries(regimeAxes)) {
        const f = `regimes.${key(path)}`;
        const leaf = leafAt(baseConfig, path);
        if (NOT_VARIABLE.has(path) || (typeof leaf !== 'number' && typeof leaf !== 'string')) {
          problems.add(f, 'bad-config', 'is not a regime parameter', REGIME_PATH_HINT);
          continue;
        }
        const vals = values(list, f, problems, (x, fx) => {
          if (typeof x !== typeof leaf) {
            problems.add(fx, 'bad-config', `must be a ${typeof leaf}, got ${quote(x)}`);
            return undefined;
          }
          const probe = structuredClone(baseConfig);
          setLeaf(probe, path, x as number | string);
          // The value on its own; rules across fields are checked per combination below.
          const own = new ProblemList();
          under('', own, () => checkRegimeConfig(probe, 'inline'));
          const mine = own.items.filter((p) => p.path === path);
          for (const p of mine) problems.add(`regimes.${p.path}`, p.code, p.message, p.hint);
          return mine.length ? undefined : (x as number | string);
        });
        regimes.push({ path, values: vals });
      }
    }
  }

  const rebalanceField = field('rebalance');
  const rebalance =
    rebalanceField === undefined
      ? [ARTICLE_RULE]
      : values(rebalanceField, 'rebalance', problems, (x, f) => {
          if (typeof x !== 'string') {
            problems.add(f, 'bad-config', `must be a rule such as "regime+monthly", got ${quote(x)}`);
            return undefined;
          }
          return under('', problems, () => (parseRebalanceRule(x, f), x));
        });

  const costField = field('costBps');
  const costBps =
    costField === undefined
      ? [DEFAULT_COST_BPS]
      : values(costField, 'costBps', problems, (x, f) => {
          if (typeof x === 'number' && x >= 0 && x < 1e4) return x;
          problems.add(f, 'bad-config', `must be a number of bps in [0, 10000), got ${quote(x)}`);
          return undefined;
        });

  const playbooks: RobustnessGrid['playbooks'] = [];
  const playbookField = field('playbooks');
  if (playbookField === undefined) playbooks.push({ name: 'article', table: ARTICLE_PLAYBOOK });
  else if (!isObject(playbookField) || Object.keys(playbookField).length === 0)
    problems.add('playbooks', 'bad-config', 'must map names to quadrant tables (or "article")');
  else {
    for (const [name, t] of Object.entries(playbookField)) {
      const f = `playbooks.${key(name)}`;
      checkName(name, f, problems, 'a playbook name');
      if (t === 'article') playbooks.push({ name, table: ARTICLE_PLAYBOOK });
      else {
        checkQuadrantTable(t, f, problems);
        playbooks.push({ name, table: t as QuadrantTable });
      }
    }
  }

  const date = (k: 'from' | 'to'): Day | undefined => {
    const v = field(k);
    if (v === undefined) return undefined;
    const d = typeof v === 'string' ? parseDateBound(v, k === 'to') : NaN;
    if (!Number.isNaN(d)) return d;
    problems.add(k, 'bad-config', `must be a date (YYYY, YYYY-MM or YYYY-MM-DD), got ${quote(v)}`);
    return undefined;
  };
  const from = date('from');
  const to = date('to');
  if (from !== undefined && to !== undefined && to < from) problems.add('to', 'bad-config', 'is before from');
  if (!problems.empty || !base) return undefined;

  const grid: RobustnessGrid = { base, regimes, rebalance, costBps, playbooks, from, to };
  const params = gridParameters(grid);
  const size = params.reduce((a, p) => a * p.values.length, 1);
  if (size > MAX_GRID_CONFIGS) {
    const largest = params.reduce((a, p) => (p.values.length > a.values.length ? p : a));
    const f = grid.regimes.some((d) => d.path === largest.name) ? `regimes.${largest.name}` : largest.name === 'playbook' ? 'playbooks' : largest.name;
    problems.add(
      f,
      'too-large',
      `makes the grid too large: ${params.map((p) => p.values.length).join(' × ')} = ${size.toLocaleString('en-US')} configurations, more than ${MAX_GRID_CONFIGS.toLocaleString('en-US')}`,
      'drop values (the largest axis is named) or split the grid into several runs',
    );
    return undefined;
  }
  // Cross-field rules (e.g. zScore.minHistory ≤ zScore.window) hold for every combination.
  for (let g = 0; g < regimeCombinations(grid); g++) {
    const config = regimeConfigOf(grid, g);
    under(
      'regimes',
      problems,
      () => checkRegimeConfig(config, 'inline'),
      `in the combination ${grid.regimes.map((d) => `${d.path} = ${quote(leafAt(config, d.path))}`).join(', ')}`,
    );
  }
  return problems.empty ? grid : undefined;
}

/** A grid, or every problem found in it (see checkGrid for the JSON). */
export function safeParseGrid(json: unknown): SafeParse<RobustnessGrid> {
  const problems = new ProblemList();
  const grid = checkGrid(json, problems);
  return problems.result(() => grid!);
}

/**
 * A grid from parsed JSON (see checkGrid).
 *
 * @throws ProblemsError naming the file (`source`) and carrying every problem, each at its field
 *   (`regimes.windows.balanceSheetWeeks`, `rebalance[1]`, `playbooks.defensive.Q2`, …): an
 *   unknown key or path, a bad value, a repeated value, a bad playbook name, or a grid of more
 *   than {@link MAX_GRID_CONFIGS} configurations (named: its largest axis).
 */
export function parseGrid(json: unknown, source = 'inline'): RobustnessGrid {
  const problems = new ProblemList();
  const grid = checkGrid(json, problems);
  problems.throwIfAny(source === 'inline' ? undefined : source);
  return grid!;
}

/** Reads and parses a grid file (JSON, at most MAX_INPUT_BYTES and MAX_INPUT_DEPTH deep). @throws ConfigError or ProblemsError naming the file. */
export function loadGrid(file: string): RobustnessGrid {
  const text = readInputFile(file, { option: 'grid', what: 'grid' });
  assertTextDepth(text, file, 'grid');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('bad-config', `not valid JSON: ${(err as Error).message}`, {
      file,
      option: 'grid',
      hint: 'a grid is a JSON object, e.g. {"regimes": {"stability.confirmDays": [5, 10, 20]}}',
    });
  }
  return parseGrid(json, file);
}

/** The grid's axes in expansion order: regime paths, then playbook, rebalance, costBps. */
export function gridParameters(grid: RobustnessGrid): GridParameter[] {
  return [
    ...grid.regimes.map((d) => ({ name: d.path, values: d.values })),
    { name: 'playbook', values: grid.playbooks.map((p) => p.name) },
    { name: 'rebalance', values: grid.rebalance },
    { name: 'costBps', values: grid.costBps },
  ];
}

/** Number of distinct regime combinations (label sets). */
export function regimeCombinations(grid: RobustnessGrid): number {
  return grid.regimes.reduce((a, d) => a * d.values.length, 1);
}

/** Number of configurations. */
export function gridSize(grid: RobustnessGrid): number {
  return regimeCombinations(grid) * grid.playbooks.length * grid.rebalance.length * grid.costBps.length;
}

/** The value index of each regime path in combination g (the first path slowest). */
function regimeDigits(grid: RobustnessGrid, g: number): number[] {
  const out = new Array<number>(grid.regimes.length);
  for (let i = grid.regimes.length - 1; i >= 0; i--) {
    const k = grid.regimes[i].values.length;
    out[i] = g % k;
    g = Math.floor(g / k);
  }
  return out;
}

/** The regime definition of combination g: the base with each path set, named `base~g`. */
export function regimeConfigOf(grid: RobustnessGrid, g: number): RegimeConfig {
  const config = structuredClone(grid.base) as RegimeConfig;
  const digits = regimeDigits(grid, g);
  grid.regimes.forEach((d, i) => setLeaf(config, d.path, d.values[digits[i]]));
  if (grid.regimes.length) config.name = `${grid.base.name}~${g}`;
  return config;
}

/**
 * Every configuration in grid order: id = ((g · P + playbook) · B + rebalance) · C + cost, so
 * the configurations of one regime combination g are contiguous.
 */
export function expandGrid(grid: RobustnessGrid): GridConfig[] {
  const G = regimeCombinations(grid);
  const P = grid.playbooks.length;
  const B = grid.rebalance.length;
  const C = grid.costBps.length;
  const out: GridConfig[] = [];
  for (let g = 0; g < G; g++) {
    const digits = regimeDigits(grid, g);
    const regimeParams: Record<string, number | string> = {};
    grid.regimes.forEach((d, i) => (regimeParams[d.path] = d.values[digits[i]]));
    for (let p = 0; p < P; p++) {
      for (let b = 0; b < B; b++) {
        for (let c = 0; c < C; c++) {
          out.push({
            id: out.length,
            regime: g,
            playbook: p,
            rebalance: b,
            costBps: grid.costBps[c],
            params: { ...regimeParams, playbook: grid.playbooks[p].name, rebalance: grid.rebalance[b], costBps: grid.costBps[c] },
          });
        }
      }
    }
  }
  return out;
}

/**
 * The grid `quadrant validate` runs by default: 3 balance-sheet windows × 3 confirmation
 * lengths × 2 rebalance rules = 18 configurations of the article playbook at 5 bps, around
 * `base` (default the `article` preset).
 */
export function defaultValidateGrid(base: RegimeConfig = REGIME_PRESETS.article): RobustnessGrid {
  return parseGrid({
    base: structuredClone(base),
    regimes: { 'windows.balanceSheetWeeks': [8, 13, 26], 'stability.confirmDays': [5, 10, 20] },
    rebalance: ['regime+monthly', 'regime'],
    costBps: [DEFAULT_COST_BPS],
  });
}
