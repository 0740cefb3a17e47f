/**
 * Statistics for backtest evaluation: descriptive moments, quantiles, dependence, the normal
 * distribution, HAC inference, the stationary bootstrap and the overfitting diagnostics
 * (PSR, DSR, PBO). Pure functions over typed arrays; one per file.
 */
export { badArgument } from './bad-argument.ts';
export { sum } from './sum.ts';
export { mean } from './mean.ts';
export { variance } from './variance.ts';
export { standardDeviation } from './standard-deviation.ts';
export { skewness } from './skewness.ts';
export { kurtosis } from './kurtosis.ts';
export { quantile, quantileSorted } from './quantile.ts';
export { covariance } from './covariance.ts';
export { correlation } from './correlation.ts';
export { beta } from './beta.ts';
export { normalPdf } from './normal-pdf.ts';
export { normalCdf } from './normal-cdf.ts';
export { normalInverseCdf } from './normal-inverse-cdf.ts';
export { neweyWest } from './newey-west.ts';
export type { NeweyWestResult } from './newey-west.ts';
export { optimalBlockLength } from './optimal-block-length.ts';
export { stationaryBootstrap, stationaryBootstrapMean, stationaryBootstrapSums } from './stationary-bootstrap.ts';
export type { StationaryBootstrapOptions, StationaryBootstrapResult } from './stationary-bootstrap.ts';
export { probabilisticSharpe } from './probabilistic-sharpe.ts';
export type { ProbabilisticSharpeInput } from './probabilistic-sharpe.ts';
export { expectedMaxSharpe, EULER_MASCHERONI } from './expected-max-sharpe.ts';
export { deflatedSharpe } from './deflated-sharpe.ts';
export type { DeflatedSharpeInput, DeflatedSharpeResult } from './deflated-sharpe.ts';
export { pbo } from './pbo.ts';
export type { PboOptions, PboResult } from './pbo.ts';
export { sharpeDifference } from './sharpe-difference.ts';
export type { SharpeDifferenceResult } from './sharpe-difference.ts';
export { spaTest } from './spa-test.ts';
export type { SpaOptions, SpaResult } from './spa-test.ts';
export { pAdjust } from './p-adjust.ts';
export { bootstrapPValue } from './bootstrap-p-value.ts';
export { minimumDetectableEffect } from './minimum-detectable-effect.ts';
export type { MinimumDetectableEffectOptions } from './minimum-detectable-effect.ts';
export { clusterBootstrap } from './cluster-bootstrap.ts';
export type { ClusterBootstrapOptions, ClusterBootstrapResult } from './cluster-bootstrap.ts';
