import { basename, extname } from 'node:path';
import { ConfigError } from '../../datasets/errors.ts';
import { assertTextDepth } from '../../datasets/input-limits.ts';
import { ProblemList, quote } from '../../datasets/problems.ts';
import { readInputFile } from '../../datasets/read-input-file.ts';
import { ARTICLE_RULE } from '../article.ts';
import { isValidName, MAX_NAME_LENGTH } from '../name-rule.ts';
import { defineStrategy, type Strategy, type StrategyStep } from '../step.ts';
import { limitWeight } from '../steps/limit.ts';
import { rebalanceOn } from '../steps/rebalance.ts';
import { weighByQuadrant, weighFixed } from '../steps/weigh.ts';
import { whenRegimeKnown } from '../steps/when.ts';
import { checkStrategySpec, type StrategySpec } from './check-spec.ts';
import { MAX_YAML_BYTES, parseYaml } from './read-yaml.ts';

const BUILTIN_HINT = 'built-in strategies: article, us-large, 60-40, equal-weight, random-regime';

/**
 * Reads a strategy file: JSON (`.json`, at most MAX_INPUT_BYTES) or YAML (`.yaml`, `.yml`, at
 * most MAX_YAML_BYTES, read by parseYaml), at most MAX_INPUT_DEPTH deep, validates it and builds the strategy. Without a
 * `name` field the file's base name names the strategy, and must itself be a valid name.
 *
 * @throws ConfigError for a file that cannot be read or parsed; ProblemsError with the file and
 *   every problem found (the first in its message, the count of the others).
 */
export function loadStrategyFile(path: string): Strategy {
  return strategyFromSpec(readStrategySpec(path));
}

/**
 * A strategy file's spec, validated, with its `name` filled in from the file's base name when
 * it has none: what loadStrategyFile builds from, and what `quadrant run` keeps in its bundle so
 * the run's report can rebuild the strategy without the file.
 *
 * @throws as loadStrategyFile.
 */
export function readStrategySpec(path: string): StrategySpec {
  const ext = extname(path).toLowerCase();
  const yaml = ext === '.yaml' || ext === '.yml';
  const text = readInputFile(path, { option: 'strategy', what: 'strategy', hint: BUILTIN_HINT, ...(yaml ? { maxBytes: MAX_YAML_BYTES } : {}) });
  assertTextDepth(text, path, 'strategy');
  let raw: unknown;
  if (yaml) raw = parseYaml(text, path);
  else {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new ConfigError('bad-config', `not valid JSON: ${(err as Error).message}`, { file: path, hint: 'strategy files are .json, .yaml or .yml' });
    }
  }
  const problems = new ProblemList();
  checkStrategySpec(raw, problems);
  const fallbackName = basename(path, extname(path));
  if (problems.empty && (raw as StrategySpec).name === undefined && !isValidName(fallbackName)) {
    problems.add(
      'name',
      'bad-config',
      `missing, and the file name ${quote(fallbackName)} cannot stand in for it (letters, digits, "-", "_" and "." only, at most ${MAX_NAME_LENGTH} characters)`,
      'add a name field',
    );
  }
  problems.throwIfAny(path);
  const spec = raw as StrategySpec;
  return { ...spec, name: spec.name ?? fallbackName };
}

/**
 * A strategy from a spec kept in a run bundle (see readStrategySpec), checked again: the
 * bundle is a file a user may have edited.
 *
 * @throws ProblemsError naming `where` and every problem found.
 */
export function strategyFromKeptSpec(raw: unknown, where: string): Strategy {
  const problems = new ProblemList();
  checkStrategySpec(raw, problems);
  problems.throwIfAny(where);
  return strategyFromSpec(raw as StrategySpec);
}

/** Builds a strategy from a valid spec (see checkStrategySpec). */
export function strategyFromSpec(spec: StrategySpec, fallbackName = 'user'): Strategy {
  const shorts = spec.allowShorts === true;
  const steps: StrategyStep[] = [];
  if (spec.quadrants) steps.push(whenRegimeKnown(), weighByQuadrant(spec.quadrants, { allowShorts: shorts, label: 'file playbook' }));
  else steps.push(weighFixed(spec.weights!, { allowShorts: shorts }));
  if (spec.maxWeight !== undefined) steps.push(limitWeight(spec.maxWeight));
  steps.push(rebalanceOn(spec.rebalance ?? (spec.quadrants ? ARTICLE_RULE : 'monthly')));
  return defineStrategy({
    name: spec.name ?? fallbackName,
    description: spec.description,
    steps,
    allowShorts: shorts,
    spec: { ...spec, name: spec.name ?? fallbackName },
  });
}
