import { readFileSync } from 'node:fs';
import { parseDateBound, type Day } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { ProblemsError } from '../../datasets/problems.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { checkRegimeConfig, parseRegimeConfig, REGIME_PRESETS, type RegimeConfig } from '../../engine/regimes/index.ts';
import { ARTICLE_PLAYBOOK, ARTICLE_RULE } from '../article.ts';
import { checkQuadrantTable, throwIssues, type QuadrantTable } from '../quadrant-table.ts';

/** Most configurations a grid may expand to. */
export const MAX_GRID_CONFIGS = 50_000;

/** Cost of every configuration when the grid names none, bps (the `quadrant run` default). */
export const DEFAULT_COST_BPS = 5;

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

function fail(field: string, message: string, source: string, hint?: string): ConfigError {
  return new ConfigError(`${field} ${message}`, { field, file: source === 'inline' ? undefined : source, hint });
}

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Runs a nested check; a ConfigError it throws comes back with its field under `prefix`
 * (`windows.x` → `regimes.windows.x`) and the grid file as its file.
 */
function under<T>(prefix: string, source: string, fn: () => T, hint?: string): T {
  try {
    return fn();
  } catch (caught) {
    // A regime config's ProblemsError reads as a ConfigError on its first problem.
    const err = caught instanceof ProblemsError ? new ConfigError(`${caught.problems[0].path} ${caught.problems[0].message}`, caught.details) : caught;
    if (!(err instanceof ConfigError)) throw err;
    const inner = err.details.field && err.details.field !== '(root)' ? err.details.field : '';
    const field = prefix ? (inner ? `${prefix}.${inner}` : prefix) : inner;
    const message = !prefix ? err.message : inner && err.message.startsWith(`${inner} `) ? `${prefix}.${err.message}` : `${prefix}: ${err.message}`;
    throw new ConfigError(message, { ...err.details, field, file: source === 'inline' ? undefined : source, hint: hint ?? err.details.hint }, err.code);
  }
}

/** The leaf of `config` at a dotted path, or undefined. */
function leafAt(config: RegimeConfig, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets the leaf at a dotted path of a (cloned) config. */
function setLeaf(config: RegimeConfig, path: string, value: number | string): void {
  const keys = path.split('.');
  let node = config as unknown as Obj;
  for (const key of keys.slice(0, -1)) node = node[key] as Obj;
  node[keys[keys.length - 1]] = value;
}

function values<T>(v: unknown, field: string, source: string, check: (x: unknown, f: string) => T): T[] {
  if (!Array.isArray(v) || v.length === 0) throw fail(field, `must be a non-empty array of values, got ${JSON.stringify(v)}`, source);
  const out = v.map((x, i) => check(x, `${field}[${i}]`));
  const seen = new Set<string>();
  out.forEach((x, i) => {
    const key = JSON.stringify(x);
    if (seen.has(key)) throw fail(`${field}[${i}]`, `repeats the value ${key} (each value once, or it counts twice)`, source);
    seen.add(key);
  });
  return out;
}

/**
 * Reads a parameter grid from parsed JSON:
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
 * against the regime engine's own rules.
 *
 * @throws ConfigError naming the field (`regimes.windows.balanceSheetWeeks`, `rebalance[1]`,
 *   `playbooks.defensive.Q2`, …) for an unknown key or path, a bad value, a repeated value, or a
 *   grid of more than {@link MAX_GRID_CONFIGS} configurations (named: its largest axis).
 */
export function parseGrid(json: unknown, source = 'inline'): RobustnessGrid {
  if (!isObject(json)) throw fail('(root)', 'must be a JSON object (see quadrant sweep --help)', source);
  for (const key of Object.keys(json)) if (!TOP_KEYS.includes(key)) throw fail(key, 'is not a known field', source, `known: ${TOP_KEYS.join(', ')}`);

  let base: RegimeConfig = REGIME_PRESETS.article;
  if (json.base !== undefined) {
    const b = json.base;
    if (typeof b === 'string') base = under('base', source, () => parseRegimeConfig({ extends: b }, 'inline'));
    else if (isObject(b)) base = under('base', source, () => parseRegimeConfig(b, 'inline'));
    else throw fail('base', `must be a preset name or a regime config object, got ${JSON.stringify(b)}`, source);
  }

  const regimes: RegimeDimension[] = [];
  if (json.regimes !== undefined) {
    if (!isObject(json.regimes)) throw fail('regimes', 'must map regime parameter paths to arrays of values', source);
    for (const [path, list] of Object.entries(json.regimes)) {
      const field = `regimes.${path}`;
      const leaf = leafAt(base, path);
      if (NOT_VARIABLE.has(path) || (typeof leaf !== 'number' && typeof leaf !== 'string')) {
        throw fail(field, 'is not a regime parameter', source, 'a dotted path to a number or text of a regime config, e.g. windows.balanceSheetWeeks, stability.confirmDays, components.policy_rate.weight');
      }
      const vals = values(list, field, source, (x, f) => {
        if (typeof x !== typeof leaf) throw fail(f, `must be a ${typeof leaf}, got ${JSON.stringify(x)}`, source);
        const probe = structuredClone(base);
        setLeaf(probe, path, x as number | string);
        // The value on its own; rules across fields are checked per combination below.
        under('regimes', source, () => {
          try {
            checkRegimeConfig(probe, 'inline');
          } catch (err) {
            if ((err instanceof ConfigError || err instanceof ProblemsError) && err.details.field === path) throw err;
          }
        });
        return x as number | string;
      });
      regimes.push({ path, values: vals });
    }
  }

  const rebalance =
    json.rebalance === undefined
      ? [ARTICLE_RULE]
      : values(json.rebalance, 'rebalance', source, (x, f) => {
          if (typeof x !== 'string') throw fail(f, `must be a rule such as "regime+monthly", got ${JSON.stringify(x)}`, source);
          under('', source, () => parseRebalanceRule(x, f));
          return x;
        });

  const costBps =
    json.costBps === undefined
      ? [DEFAULT_COST_BPS]
      : values(json.costBps, 'costBps', source, (x, f) => {
          if (typeof x !== 'number' || !(x >= 0 && x < 1e4)) throw fail(f, `must be a number of bps in [0, 10000), got ${JSON.stringify(x)}`, source);
          return x;
        });

  const playbooks: RobustnessGrid['playbooks'] = [];
  if (json.playbooks === undefined) playbooks.push({ name: 'article', table: ARTICLE_PLAYBOOK });
  else {
    if (!isObject(json.playbooks) || Object.keys(json.playbooks).length === 0) throw fail('playbooks', 'must map names to quadrant tables (or "article")', source);
    for (const [name, t] of Object.entries(json.playbooks)) {
      const field = `playbooks.${name}`;
      if (t === 'article') playbooks.push({ name, table: ARTICLE_PLAYBOOK });
      else {
        throwIssues(checkQuadrantTable(t, field), source === 'inline' ? undefined : source);
        playbooks.push({ name, table: t as QuadrantTable });
      }
    }
  }

  const date = (key: 'from' | 'to'): Day | undefined => {
    const v = json[key];
    if (v === undefined) return undefined;
    const d = typeof v === 'string' ? parseDateBound(v, key === 'to') : NaN;
    if (Number.isNaN(d)) throw fail(key, `must be a date (YYYY, YYYY-MM or YYYY-MM-DD), got ${JSON.stringify(v)}`, source);
    return d;
  };
  const from = date('from');
  const to = date('to');
  if (from !== undefined && to !== undefined && to < from) throw fail('to', 'is before from', source);

  const grid: RobustnessGrid = { base, regimes, rebalance, costBps, playbooks, from, to };
  const params = gridParameters(grid);
  const size = params.reduce((a, p) => a * p.values.length, 1);
  if (size > MAX_GRID_CONFIGS) {
    const largest = params.reduce((a, p) => (p.values.length > a.values.length ? p : a));
    const field = grid.regimes.some((d) => d.path === largest.name) ? `regimes.${largest.name}` : largest.name === 'playbook' ? 'playbooks' : largest.name;
    throw fail(field, `makes the grid too large: ${params.map((p) => p.values.length).join(' × ')} = ${size} configurations, more than ${MAX_GRID_CONFIGS}`, source, 'drop values (the largest axis is named) or split the grid into several runs');
  }
  // Cross-field rules (e.g. zScore.minHistory ≤ zScore.window) hold for every combination.
  for (let g = 0; g < regimeCombinations(grid); g++) {
    const config = regimeConfigOf(grid, g);
    under('regimes', source, () => checkRegimeConfig(config, 'inline'), `in the combination ${grid.regimes.map((d) => `${d.path} = ${JSON.stringify(leafAt(config, d.path))}`).join(', ')}`);
  }
  return grid;
}

/** Reads and parses a grid file (JSON). @throws ConfigError naming the file and field. */
export function loadGrid(file: string): RobustnessGrid {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the grid: ${(err as Error).message}`, { file, field: 'grid' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`not valid JSON: ${(err as Error).message}`, { file, field: 'grid', hint: 'a grid is a JSON object, e.g. {"regimes": {"stability.confirmDays": [5, 10, 20]}}' });
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
