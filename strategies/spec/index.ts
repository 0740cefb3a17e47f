export { checkStrategySpec, type StrategySpec } from './check-spec.ts';
export { loadStrategyFile, strategyFromSpec } from './load-strategy-file.ts';
export { parseYamlLite, type YamlValue } from './yaml-lite.ts';
