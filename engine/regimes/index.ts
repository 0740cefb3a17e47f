/**
 * The regime engine: every trading day labelled Q1..Q4 (0 = warm-up) from point-in-time panel
 * columns. computeRegimes(panel, config?) → labels, scores, components, signals;
 * episodesOf / summariseEpisodes / timeShares / transitionMatrix summarise them.
 * Configs are plain data (REGIME_PRESETS, or JSON through resolveRegimeConfig).
 */
export {
  QUADRANT_NAMES,
  COMPONENTS,
  LIQUIDITY_COMPONENTS,
  DOLLAR_COMPONENTS,
  NORMALISATIONS,
  DOLLAR_SOURCES,
  TRADING_DAYS_PER_WEEK,
  TRADING_DAYS_PER_MONTH,
  type Quadrant,
  type RegimeConfig,
  type RegimeResult,
  type RegimeWindows,
  type ComponentConfig,
  type ComponentName,
  type LiquidityComponent,
  type DollarComponent,
  type Normalisation,
  type DollarSource,
  type Episode,
} from './types.ts';
export { REGIME_PRESETS, PRESET_NAMES, DEFAULT_PRESET, type PresetName } from './presets.ts';
export { parseRegimeConfig, safeParseRegimeConfig, regimeConfigProblems, resolveRegimeConfig, checkRegimeConfig, MAX_CONFIG_DEPTH } from './parse-config.ts';
export { computeRegimes, type ComputeRegimesOptions } from './compute-regimes.ts';
export { weightedComponents } from './weighted-components.ts';
export { DEFAULT_MODEL, REGIME_MODELS, type RegimeModel, type RegimeModelOutput } from './models.ts';
export {
  REGIME_COMPONENTS,
  WINDOW_KEYS,
  WINDOW_PARAMS,
  DEFAULT_WINDOWS,
  componentDefinition,
  defineComponent,
  type ComponentDefinition,
  type SignalContext,
  type WindowKey,
} from './components/index.ts';
export { RegimeCache } from './regime-cache.ts';
export { regimeSignals, REGIME_INPUTS, signalUnits, type RegimeSignals } from './regime-signals.ts';
export { labelQuadrants, type LabelOutput } from './label-quadrants.ts';
export { episodesOf, summariseEpisodes, type EpisodeSummary } from './episodes.ts';
export { timeShares } from './time-shares.ts';
export { transitionMatrix, transitionProbabilities } from './transition-matrix.ts';
export { labelAgreement, type YearAgreement } from './label-agreement.ts';
export {
  CALIBRATION_TARGETS,
  CALIBRATED_CHOICES,
  POST_PUBLICATION_NOTE,
  PUBLICATION_DATE,
  calibrationReadings,
  type CalibrationTarget,
  type CalibratedChoice,
  type CalibrationReading,
} from './calibration.ts';
export { definitionsAround, regimeDefinitions, type RegimeDefinition } from './definitions.ts';
export { staleDays, staleInputsAt, maxInputAge } from './stale-inputs.ts';
export { calibrationJson, calibrationLines, calibrationText } from './disclosure.ts';
