import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseIsoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import { DEFAULT_PRESET, PRESET_NAMES, REGIME_PRESETS, type PresetName } from './presets.ts';
import {
  COMPONENTS,
  DOLLAR_COMPONENTS,
  DOLLAR_SOURCES,
  LIQUIDITY_COMPONENTS,
  NORMALISATIONS,
  type ComponentConfig,
  type RegimeConfig,
  type RegimeWindows,
} from './types.ts';

type Obj = Record<string, unknown>;

const WINDOW_KEYS: readonly (keyof RegimeWindows)[] = [
  'balanceSheetWeeks',
  'netLiquidityWeeks',
  'reservesWeeks',
  'policyRateMonths',
  'rateExpectationsMonths',
  'dollarMomentumDays',
  'dollarTrendDays',
  'dollarAccelerationDays',
];
const TOP_KEYS = ['extends', 'name', 'description', 'dollarSource', 'windows', 'zScore', 'reserves', 'components', 'stability'];
const CONFIRM_BY = ['quadrant', 'axis'] as const;
/** Longest look-back accepted anywhere, in trading days (about 20 years). */
const MAX_ROWS = 5000;

/**
 * Reads a regime definition from parsed JSON. Every field is optional: the given ones merge
 * over the preset named by `extends` (default `article`). Unknown fields, wrong types and out
 * of range values throw a ConfigError whose `details.field` is the dotted path
 * (`components.balance_sheet.weight`) and whose `details.file` is `source`.
 * A missing `name` becomes the file's base name (`my-regime.json` → `my-regime`).
 */
export function parseRegimeConfig(json: unknown, source: string): RegimeConfig {
  const ctx = new Ctx(source);
  const root = ctx.object(json, '');
  ctx.noUnknown(root, TOP_KEYS, '');
  let baseName: PresetName = DEFAULT_PRESET;
  if (root.extends !== undefined) {
    const ext = root.extends;
    if (typeof ext !== 'string' || !(PRESET_NAMES as string[]).includes(ext)) {
      throw ctx.fail('extends', `must name a preset (${PRESET_NAMES.join(', ')}), got ${show(ext)}`);
    }
    baseName = ext as PresetName;
  }
  const base = REGIME_PRESETS[baseName];
  const defaultName = root.name === undefined && source !== 'inline' ? basename(source, extname(source)) : base.name;
  const config: RegimeConfig = {
    name: root.name === undefined ? defaultName : ctx.text(root.name, 'name', false),
    description: root.description === undefined ? base.description : ctx.text(root.description, 'description', true),
    ...(base.model ? { model: base.model } : {}),
    dollarSource: root.dollarSource === undefined ? base.dollarSource : ctx.choice(root.dollarSource, 'dollarSource', DOLLAR_SOURCES),
    windows: { ...base.windows },
    zScore: { ...base.zScore },
    reserves: { ...base.reserves },
    components: Object.fromEntries(COMPONENTS.map((c) => [c, { ...base.components[c] }])) as RegimeConfig['components'],
    stability: { ...base.stability },
  };
  if (root.windows !== undefined) {
    const w = ctx.object(root.windows, 'windows');
    ctx.noUnknown(w, WINDOW_KEYS, 'windows');
    for (const key of WINDOW_KEYS) if (w[key] !== undefined) config.windows[key] = ctx.int(w[key], `windows.${key}`, 1, MAX_ROWS);
  }
  if (root.zScore !== undefined) {
    const z = ctx.object(root.zScore, 'zScore');
    ctx.noUnknown(z, ['window', 'minHistory', 'clip'], 'zScore');
    if (z.window !== undefined) config.zScore.window = ctx.int(z.window, 'zScore.window', 2, MAX_ROWS);
    if (z.minHistory !== undefined) config.zScore.minHistory = ctx.int(z.minHistory, 'zScore.minHistory', 2, MAX_ROWS);
    if (z.clip !== undefined) config.zScore.clip = ctx.num(z.clip, 'zScore.clip', 0, false);
  }
  if (root.reserves !== undefined) {
    const r = ctx.object(root.reserves, 'reserves');
    ctx.noUnknown(r, ['redLine', 'from'], 'reserves');
    if (r.redLine !== undefined) config.reserves.redLine = ctx.num(r.redLine, 'reserves.redLine', 0, true);
    if (r.from !== undefined) config.reserves.from = ctx.date(r.from, 'reserves.from');
  }
  if (root.components !== undefined) {
    const c = ctx.object(root.components, 'components');
    ctx.noUnknown(c, COMPONENTS, 'components');
    for (const name of COMPONENTS) {
      if (c[name] === undefined) continue;
      const path = `components.${name}`;
      const e = ctx.object(c[name], path);
      ctx.noUnknown(e, ['weight', 'method', 'deadBand'], path);
      const target: ComponentConfig = config.components[name];
      if (e.weight !== undefined) target.weight = ctx.num(e.weight, `${path}.weight`, 0, true);
      if (e.method !== undefined) target.method = ctx.choice(e.method, `${path}.method`, NORMALISATIONS);
      if (e.deadBand !== undefined) target.deadBand = ctx.num(e.deadBand, `${path}.deadBand`, 0, true);
    }
  }
  if (root.stability !== undefined) {
    const s = ctx.object(root.stability, 'stability');
    ctx.noUnknown(s, ['confirmDays', 'confirmBy', 'minDwellDays', 'hysteresis'], 'stability');
    if (s.confirmDays !== undefined) config.stability.confirmDays = ctx.int(s.confirmDays, 'stability.confirmDays', 1, MAX_ROWS);
    if (s.confirmBy !== undefined) config.stability.confirmBy = ctx.choice(s.confirmBy, 'stability.confirmBy', CONFIRM_BY);
    if (s.minDwellDays !== undefined) config.stability.minDwellDays = ctx.int(s.minDwellDays, 'stability.minDwellDays', 0, MAX_ROWS);
    if (s.hysteresis !== undefined) config.stability.hysteresis = ctx.num(s.hysteresis, 'stability.hysteresis', 0, true);
  }
  checkRegimeConfig(config, source);
  return config;
}

/**
 * Checks a complete config object (as built in code or by parseRegimeConfig) and throws a
 * ConfigError naming the first bad field. Cheap: computeRegimes calls it on every run.
 */
export function checkRegimeConfig(config: RegimeConfig, source = 'config'): void {
  const ctx = new Ctx(source);
  const c = ctx.object(config as unknown, '');
  ctx.text(c.name, 'name', false);
  ctx.choice(config.dollarSource, 'dollarSource', DOLLAR_SOURCES);
  const w = ctx.object(config.windows, 'windows');
  for (const key of WINDOW_KEYS) ctx.int(w[key], `windows.${key}`, 1, MAX_ROWS);
  const z = ctx.object(config.zScore, 'zScore');
  ctx.int(z.window, 'zScore.window', 2, MAX_ROWS);
  ctx.int(z.minHistory, 'zScore.minHistory', 2, MAX_ROWS);
  ctx.num(z.clip, 'zScore.clip', 0, false);
  if (config.zScore.minHistory > config.zScore.window) {
    throw ctx.fail('zScore.minHistory', `must not exceed zScore.window (${config.zScore.window}), got ${config.zScore.minHistory}`);
  }
  const r = ctx.object(config.reserves, 'reserves');
  ctx.num(r.redLine, 'reserves.redLine', 0, true);
  ctx.date(r.from, 'reserves.from');
  const comps = ctx.object(config.components, 'components');
  for (const name of COMPONENTS) {
    const path = `components.${name}`;
    const e = ctx.object(comps[name], path);
    ctx.num(e.weight, `${path}.weight`, 0, true);
    ctx.choice(e.method, `${path}.method`, NORMALISATIONS);
    ctx.num(e.deadBand, `${path}.deadBand`, 0, true);
  }
  for (const [axis, names] of [['liquidity', LIQUIDITY_COMPONENTS], ['dollar', DOLLAR_COMPONENTS]] as const) {
    if (!names.some((n) => config.components[n].weight > 0)) {
      throw ctx.fail('components', `the ${axis} axis needs at least one component with weight > 0 (${names.join(', ')})`);
    }
  }
  const s = ctx.object(config.stability, 'stability');
  ctx.int(s.confirmDays, 'stability.confirmDays', 1, MAX_ROWS);
  ctx.choice(s.confirmBy, 'stability.confirmBy', CONFIRM_BY);
  ctx.int(s.minDwellDays, 'stability.minDwellDays', 0, MAX_ROWS);
  ctx.num(s.hysteresis, 'stability.hysteresis', 0, true);
}

/**
 * A preset name (`article`, `balance-sheet`, `rates`) or the path of a JSON file holding a
 * (partial) config; see parseRegimeConfig. Throws ConfigError for an unknown name, an
 * unreadable file, bad JSON or a bad field.
 */
export function resolveRegimeConfig(presetOrFile: string): RegimeConfig {
  if ((PRESET_NAMES as string[]).includes(presetOrFile)) return REGIME_PRESETS[presetOrFile as PresetName];
  if (!existsSync(presetOrFile)) {
    throw new ConfigError('bad-config', `unknown regime preset or file "${presetOrFile}"`, {
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('bad-config', `not valid JSON: ${(err as Error).message}`, { file: presetOrFile, hint: 'a regime config is a JSON object, e.g. {"extends": "article", "stability": {"confirmDays": 10}}' });
  }
  return parseRegimeConfig(json, presetOrFile);
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v);
}

/** Field checks that throw a ConfigError naming the field and the source. */
class Ctx {
  constructor(private readonly source: string) {}

  fail(field: string, problem: string, hint?: string): ConfigError {
    const name = field || 'the config';
    return new ConfigError('bad-config', `${name} ${problem}`, { file: this.source === 'inline' ? undefined : this.source, field: field || '(root)', hint });
  }

  object(v: unknown, field: string): Obj {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw this.fail(field, `must be an object, got ${show(v)}`);
    return v as Obj;
  }

  noUnknown(o: Obj, known: readonly string[], field: string): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) {
        throw this.fail(field ? `${field}.${key}` : key, 'is not a known field', `known${field ? ` in ${field}` : ''}: ${known.join(', ')}`);
      }
    }
  }

  text(v: unknown, field: string, allowEmpty: boolean): string {
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) throw this.fail(field, `must be a ${allowEmpty ? '' : 'non-empty '}string, got ${show(v)}`);
    return v;
  }

  choice<T extends string>(v: unknown, field: string, options: readonly T[]): T {
    if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) throw this.fail(field, `must be one of ${options.join(', ')}, got ${show(v)}`);
    return v as T;
  }

  num(v: unknown, field: string, min: number, inclusive: boolean): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || (inclusive ? v < min : v <= min)) {
      throw this.fail(field, `must be a finite number ${inclusive ? '≥' : '>'} ${min}, got ${show(v)}`);
    }
    return v;
  }

  int(v: unknown, field: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw this.fail(field, `must be an integer from ${min} to ${max}, got ${show(v)}`);
    return v;
  }

  date(v: unknown, field: string): string {
    if (typeof v !== 'string' || Number.isNaN(parseIsoDay(v))) throw this.fail(field, `must be a date YYYY-MM-DD, got ${show(v)}`);
    return v;
  }
}
