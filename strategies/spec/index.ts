export { checkStrategySpec, parseStrategySpec, safeParseStrategySpec, type StrategySpec } from './check-spec.ts';
export { loadStrategyFile, strategyFromSpec } from './load-strategy-file.ts';
export { MAX_YAML_BYTES, parseYaml } from './read-yaml.ts';
