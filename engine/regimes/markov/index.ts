/**
 * A Markov-switching regime model (Hamilton 1989), the data-driven challenger to the rule-based
 * quadrants: the `markov-switching` preset.
 *
 * The model, per input series y (statsmodels' `MarkovRegression(y, k_regimes=k, trend='c')`):
 * - States: S_t ∈ {0..k−1}, a first-order Markov chain with `Pr(S_t = i | S_{t−1} = j) =
 *   transition[i·k + j]` (columns sum to one), started from its stationary distribution.
 * - Observations: `y_t | S_t = i ~ Normal(means[i], variances[i])`, independent given the states;
 *   a switching mean and either a switching or one shared variance. Units: means in the input's
 *   units, variances in its square; probabilities unitless.
 * - Fitting: EM (Hamilton 1990) with statsmodels' updates and stopping rule (markov-em.ts), from
 *   seeded starting values (markov-starts.ts), best log-likelihood wins. Filter, smoother and EM
 *   agree with statsmodels 0.13.5 to about 1e-15 (test/fixtures/markov/).
 * - Timing: the filter's row t reads y_0..y_t; the smoother reads the whole window and is used
 *   only inside EM. Labels read filtered probabilities only.
 *
 * On Quadrant's inputs (markov-regimes.ts): one two-state model per axis, on the `article`
 * preset's liquidity score (> 0 easing) and dollar score (> 0 strengthening), unitless trailing
 * z-score composites that are point in time. The scores rather than their raw inputs because
 * they already combine the preset's components, on one scale, oriented, and are as public as
 * the article's own labels, so the challenger differs from `article` in the classification rule
 * alone (zero threshold plus 10-day confirmation there; a fitted two-state model here); the raw
 * inputs (weekly H.4.1 levels carried over the week) change on one day in five, which a daily
 * Gaussian state model reads as a spike of zeros. Each axis is fitted on an expanding window,
 * refitted on the first session of each month on data up to the previous close, after a warm-up
 * of 504 scored days; each day's side is the one its filtered probability favours, a state's side
 * the sign of its mean.
 */
export { type MarkovParams, copyParams, checkParams, steadyState, fromStatsmodelsVector, toStatsmodelsVector } from './markov-params.ts';
export { hamiltonFilter, filterWorkspace, type FilterResult } from './hamilton-filter.ts';
export { kimSmoother, smootherWorkspace, type SmootherResult } from './kim-smoother.ts';
export { fitMarkovEm, emIteration, emWorkspace, type EmOptions, type EmFit, type EmWorkspace } from './markov-em.ts';
export { startingValues, fitBestOfStarts } from './markov-starts.ts';
export { markovAxis, monthOpenings, type MarkovAxis, type MarkovAxisOptions, type MarkovRefit } from './markov-axis.ts';
export { markovSwitchingRegimes, MARKOV_DEFAULTS, type MarkovRegimes } from './markov-regimes.ts';
export { markovRegimeResult } from './markov-regime-result.ts';
