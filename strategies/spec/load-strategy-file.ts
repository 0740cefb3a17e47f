import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ConfigError } from '../../datasets/errors.ts';
import { ARTICLE_RULE } from '../article.ts';
import { issuesError } from '../quadrant-table.ts';
import { defineStrategy, type Strategy, type StrategyStep } from '../step.ts';
import { limitWeight } from '../steps/limit.ts';
import { rebalanceOn } from '../steps/rebalance.ts';
import { weighByQuadrant, weighFixed } from '../steps/weigh.ts';
import { whenRegimeKnown } from '../steps/when.ts';
import { checkStrategySpec, type StrategySpec } from './check-spec.ts';
import { parseYamlLite } from './yaml-lite.ts';

/**
 * Reads a strategy file: JSON (`.json`) or the YAML subset of parseYamlLite (`.yaml`, `.yml`),
 * validates it and builds the strategy.
 *
 * @throws ConfigError with the file and the first bad field (and how many more problems).
 */
export function loadStrategyFile(path: string): Strategy {
  if (!existsSync(path)) throw new ConfigError('file-missing', `strategy file not found: ${path}`, { file: path, hint: 'built-in strategies: article, us-large, 60-40, equal-weight, random-regime' });
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  let raw: unknown;
  if (ext === '.yaml' || ext === '.yml') raw = parseYamlLite(text, path);
  else {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new ConfigError('bad-config', `not valid JSON: ${(err as Error).message}`, { file: path, hint: 'strategy files are .json, .yaml or .yml' });
    }
  }
  const checked = checkStrategySpec(raw);
  if (!checked.ok) throw issuesError(checked.issues, path);
  return strategyFromSpec(checked.spec, basename(path, ext));
}

/** Builds a strategy from a valid spec (see checkStrategySpec). */
export function strategyFromSpec(spec: StrategySpec, fallbackName = 'user'): Strategy {
  const shorts = spec.allowShorts === true;
  const steps: StrategyStep[] = [];
  if (spec.quadrants) steps.push(whenRegimeKnown(), weighByQuadrant(spec.quadrants, { allowShorts: shorts, label: 'file playbook' }));
  else steps.push(weighFixed(spec.weights!, { allowShorts: shorts }));
  if (spec.maxWeight !== undefined) steps.push(limitWeight(spec.maxWeight));
  steps.push(rebalanceOn(spec.rebalance ?? (spec.quadrants ? ARTICLE_RULE : 'monthly')));
  return defineStrategy({ name: spec.name ?? fallbackName, description: spec.description, steps, allowShorts: shorts });
}
