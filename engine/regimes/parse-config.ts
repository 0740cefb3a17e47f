import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseIsoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { assertTextDepth, MAX_INPUT_DEPTH, tooDeepAt } from '../../datasets/input-limits.ts';
import { ProblemList, ProblemsError, quote, type Problem, type SafeParse } from '../../datasets/problems.ts';
import { COMPONENTS, DOLLAR_COMPONENTS, LIQUIDITY_COMPONENTS, WINDOW_KEYS } from './components/index.ts';
import { DEFAULT_MODEL, REGIME_MODELS } from './models.ts';
import { DEFAULT_PRESET, PRESET_NAMES, REGIME_PRESETS, type PresetName } from './presets.ts';
import { DOLLAR_SOURCES, NORMALISATIONS, type ComponentConfig, type RegimeConfig } from './types.ts';

type Obj = Record<string, unknown>;

const TOP_KEYS = ['extends', 'name', 'description', 'model', 'dollarSource', 'windows', 'zScore', 'reserves', 'components', 'stability'];
const CONFIRM_BY = ['quadrant', 'axis'] as const;
/** Longest look-back accepted anywhere, in trading days (about 20 years). */
const MAX_ROWS = 5000;
/** A regime config is four levels deep; anything nested deeper than the shared input limit is rejected before it is read. */
export const MAX_CONFIG_DEPTH = MAX_INPUT_DEPTH;

const MODEL_NAMES = Object.keys(REGIME_MODELS);

/**
 * Reads a regime definition from parsed JSON, collecting every problem. Every field is
 * optional: the given ones merge over the preset named by `extends` (default `article`).
 * Unknown fields, wrong types, out-of-range values and inputs nested deeper than
 * MAX_CONFIG_DEPTH are problems whose `path` is the dotted field (`components.balance_sheet.weight`).
 * A missing `name` becomes the file's base name (`my-regime.json` → `my-regime`).
 */
export function safeParseRegimeConfig(json: unknown, source: string): SafeParse<RegimeConfig> {
  const problems = new ProblemList();
  const v = new Check(problems);
  const deep = tooDeepAt(json, MAX_CONFIG_DEPTH);
  if (deep !== undefined) {
    problems.add(
      deep || '(root)',
      'bad-config',
      `the config nests deeper than ${MAX_CONFIG_DEPTH} levels`,
      'a regime config is at most four levels deep: components.NAME.weight',
    );
    return problems.result(() => undefined as never);
  }
  const root = v.object(json, '');
  if (!root) return problems.result(() => undefined as never);
  v.noUnknown(root, TOP_KEYS, '');
  let baseName: PresetName = DEFAULT_PRESET;
  if (root.extends !== undefined) {
    const ext = v.choice(root.extends, 'extends', PRESET_NAMES, 'must name a preset');
    if (ext) baseName = ext;
  }
  const base = REGIME_PRESETS[baseName];
  const defaultName = root.name === undefined && source !== 'inline' ? basename(source, extname(source)) : base.name;
  const config: RegimeConfig = structuredClone(base) as RegimeConfig;
  config.name = defaultName;
  const set = <T>(value: T | undefined, apply: (x: T) => void) => value !== undefined && apply(value);
  if (root.name !== undefined) set(v.text(root.name, 'name', false), (x) => (config.name = x));
  if (root.description !== undefined) set(v.text(root.description, 'description', true), (x) => (config.description = x));
  if (root.model !== undefined) set(v.choice(root.model, 'model', MODEL_NAMES), (x) => (config.model = x));
  if (root.dollarSource !== undefined) set(v.choice(root.dollarSource, 'dollarSource', DOLLAR_SOURCES), (x) => (config.dollarSource = x));
  const windows = v.section(root, 'windows', WINDOW_KEYS);
  if (windows)
    for (const key of WINDOW_KEYS) if (windows[key] !== undefined) set(v.int(windows[key], `windows.${key}`, 1, MAX_ROWS), (x) => (config.windows[key] = x));
  const z = v.section(root, 'zScore', ['window', 'minHistory', 'clip']);
  if (z) {
    if (z.window !== undefined) set(v.int(z.window, 'zScore.window', 2, MAX_ROWS), (x) => (config.zScore.window = x));
    if (z.minHistory !== undefined) set(v.int(z.minHistory, 'zScore.minHistory', 2, MAX_ROWS), (x) => (config.zScore.minHistory = x));
    if (z.clip !== undefined) set(v.num(z.clip, 'zScore.clip', 0, false), (x) => (config.zScore.clip = x));
  }
  const r = v.section(root, 'reserves', ['redLine', 'from']);
  if (r) {
    if (r.redLine !== undefined) set(v.num(r.redLine, 'reserves.redLine', 0, true), (x) => (config.reserves.redLine = x));
    if (r.from !== undefined) set(v.date(r.from, 'reserves.from'), (x) => (config.reserves.from = x));
  }
  const c = v.section(root, 'components', COMPONENTS);
  if (c) {
    for (const name of COMPONENTS) {
      if (c[name] === undefined) continue;
      const path = `components.${name}`;
      const e = v.object(c[name], path);
      if (!e) continue;
      v.noUnknown(e, ['weight', 'method', 'deadBand'], path);
      const target: ComponentConfig = config.components[name];
      if (e.weight !== undefined) set(v.num(e.weight, `${path}.weight`, 0, true), (x) => (target.weight = x));
      if (e.method !== undefined) set(v.choice(e.method, `${path}.method`, NORMALISATIONS), (x) => (target.method = x));
      if (e.deadBand !== undefined) set(v.num(e.deadBand, `${path}.deadBand`, 0, true), (x) => (target.deadBand = x));
    }
  }
  const s = v.section(root, 'stability', ['confirmDays', 'confirmBy', 'minDwellDays', 'hysteresis']);
  if (s) {
    if (s.confirmDays !== undefined) set(v.int(s.confirmDays, 'stability.confirmDays', 1, MAX_ROWS), (x) => (config.stability.confirmDays = x));
    if (s.confirmBy !== undefined) set(v.choice(s.confirmBy, 'stability.confirmBy', CONFIRM_BY), (x) => (config.stability.confirmBy = x));
    if (s.minDwellDays !== undefined) set(v.int(s.minDwellDays, 'stability.minDwellDays', 0, MAX_ROWS), (x) => (config.stability.minDwellDays = x));
    if (s.hysteresis !== undefined) set(v.num(s.hysteresis, 'stability.hysteresis', 0, true), (x) => (config.stability.hysteresis = x));
  }
  if (problems.empty) problems.addAll(regimeConfigProblems(config));
  return problems.result(() => config);
}

/**
 * safeParseRegimeConfig that throws one ProblemsError (exit code 2) naming `source` as the file
 * (none for `inline`) and the first problem's field, with every problem in `problems`.
 */
export function parseRegimeConfig(json: unknown, source: string): RegimeConfig {
  const r = safeParseRegimeConfig(json, source);
  if (!r.ok) throw new ProblemsError(r.problems, source === 'inline' ? undefined : source);
  return r.value;
}

/** The problems of a complete config object (as built in code or by parseRegimeConfig); empty when valid. */
export function regimeConfigProblems(config: RegimeConfig): Problem[] {
  const problems = new ProblemList();
  const v = new Check(problems);
  const c = v.object(config as unknown, '');
  if (!c) return problems.items;
  v.text(c.name, 'name', false);
  if (c.model !== undefined) v.choice(c.model, 'model', MODEL_NAMES);
  v.choice(c.dollarSource, 'dollarSource', DOLLAR_SOURCES);
  const w = v.object(c.windows, 'windows');
  if (w) for (const key of WINDOW_KEYS) v.int(w[key], `windows.${key}`, 1, MAX_ROWS);
  const z = v.object(c.zScore, 'zScore');
  if (z) {
    const window = v.int(z.window, 'zScore.window', 2, MAX_ROWS);
    const minHistory = v.int(z.minHistory, 'zScore.minHistory', 2, MAX_ROWS);
    v.num(z.clip, 'zScore.clip', 0, false);
    if (window !== undefined && minHistory !== undefined && minHistory > window) {
      problems.add('zScore.minHistory', 'bad-config', `must not exceed zScore.window (${window}), got ${minHistory}`);
    }
  }
  const r = v.object(c.reserves, 'reserves');
  if (r) {
    v.num(r.redLine, 'reserves.redLine', 0, true);
    v.date(r.from, 'reserves.from');
  }
  const comps = v.object(c.components, 'components');
  let componentsOk = comps !== undefined;
  if (comps) {
    for (const name of COMPONENTS) {
      const path = `components.${name}`;
      const e = v.object(comps[name], path);
      if (!e) {
        componentsOk = false;
        continue;
      }
      if (v.num(e.weight, `${path}.weight`, 0, true) === undefined) componentsOk = false;
      v.choice(e.method, `${path}.method`, NORMALISATIONS);
      v.num(e.deadBand, `${path}.deadBand`, 0, true);
    }
  }
  // Only the weighted-components model scores the axes from these weights.
  if (componentsOk && (config.model ?? DEFAULT_MODEL) === DEFAULT_MODEL) {
    for (const [axis, names] of [
      ['liquidity', LIQUIDITY_COMPONENTS],
      ['dollar', DOLLAR_COMPONENTS],
    ] as const) {
      if (!names.some((n) => config.components[n].weight > 0)) {
        problems.add('components', 'bad-config', `the ${axis} axis needs at least one component with weight > 0 (${names.join(', ')})`);
      }
    }
  }
  const s = v.object(c.stability, 'stability');
  if (s) {
    v.int(s.confirmDays, 'stability.confirmDays', 1, MAX_ROWS);
    v.choice(s.confirmBy, 'stability.confirmBy', CONFIRM_BY);
    v.int(s.minDwellDays, 'stability.minDwellDays', 0, MAX_ROWS);
    v.num(s.hysteresis, 'stability.hysteresis', 0, true);
  }
  return problems.items;
}

/**
 * Checks a complete config object and throws one ProblemsError (naming `source` unless it is
 * `inline` or `config`) when it has problems. Cheap: computeRegimes calls it on every run.
 */
export function checkRegimeConfig(config: RegimeConfig, source = 'config'): void {
  const problems = regimeConfigProblems(config);
  if (problems.length > 0) throw new ProblemsError(problems, source === 'inline' || source === 'config' ? undefined : source);
}

/**
 * A preset name (`article`, `balance-sheet`, `rates`, …) or the path of a JSON file holding a
 * (partial) config; see parseRegimeConfig. Throws ConfigError for an unknown name, an
 * unreadable file or bad JSON, and ProblemsError for bad fields.
 */
export function resolveRegimeConfig(presetOrFile: string): RegimeConfig {
  if ((PRESET_NAMES as string[]).includes(presetOrFile)) return REGIME_PRESETS[presetOrFile as PresetName];
  if (!existsSync(presetOrFile)) {
    throw new ConfigError('bad-config', `unknown regime preset or file ${quote(presetOrFile)}`, {
      field: 'preset',
      hint: `presets: ${PRESET_NAMES.join(', ')}; or give the path of a JSON file`,
    });
  }
  let text: string;
  try {
    text = readFileSync(presetOrFile, 'utf8');
  } catch (err) {
    throw new ConfigError('bad-config', `cannot read the regime config: ${(err as Error).message}`, { file: presetOrFile });
  }
  assertTextDepth(text, presetOrFile);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('bad-config', `not valid JSON: ${(err as Error).message}`, {
      file: presetOrFile,
      hint: 'a regime config is a JSON object, e.g. {"extends": "article", "stability": {"confirmDays": 10}}',
    });
  }
  return parseRegimeConfig(json, presetOrFile);
}

/** A value as quoted in a message; a missing one is "nothing". */
function shown(v: unknown): string {
  return v === undefined ? 'nothing' : quote(v);
}

/** Field checks that add a problem naming the field and return undefined when a value is bad. */
class Check {
  constructor(private readonly problems: ProblemList) {}

  private bad(field: string, message: string, hint?: string): undefined {
    this.problems.add(field || '(root)', 'bad-config', message, hint);
    return undefined;
  }

  object(v: unknown, field: string): Obj | undefined {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return this.bad(field, `${field ? 'must' : 'the config must'} be an object, got ${shown(v)}`);
    return v as Obj;
  }

  /** `root[key]` as an object with only `known` fields, or undefined when absent or bad. */
  section(root: Obj, key: string, known: readonly string[]): Obj | undefined {
    if (root[key] === undefined) return undefined;
    const o = this.object(root[key], key);
    if (o) this.noUnknown(o, known, key);
    return o;
  }

  noUnknown(o: Obj, known: readonly string[], field: string): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) this.bad(field ? `${field}.${key}` : key, 'is not a known field', `known${field ? ` in ${field}` : ''}: ${known.join(', ')}`);
    }
  }

  text(v: unknown, field: string, allowEmpty: boolean): string | undefined {
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) return this.bad(field, `must be a ${allowEmpty ? '' : 'non-empty '}string, got ${shown(v)}`);
    return v;
  }

  choice<T extends string>(v: unknown, field: string, options: readonly T[], what = 'must be one of'): T | undefined {
    if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
      return this.bad(
        field,
        what === 'must be one of' ? `must be one of ${options.join(', ')}, got ${shown(v)}` : `${what} (${options.join(', ')}), got ${shown(v)}`,
      );
    }
    return v as T;
  }

  num(v: unknown, field: string, min: number, inclusive: boolean): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v) || (inclusive ? v < min : v <= min)) {
      return this.bad(field, `must be a finite number ${inclusive ? '≥' : '>'} ${min}, got ${shown(v)}`);
    }
    return v;
  }

  int(v: unknown, field: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      return this.bad(field, `must be an integer from ${min} to ${max}, got ${shown(v)}`);
    return v;
  }

  date(v: unknown, field: string): string | undefined {
    if (typeof v !== 'string' || Number.isNaN(parseIsoDay(v))) return this.bad(field, `must be a date YYYY-MM-DD, got ${shown(v)}`);
    return v;
  }
}
