export { type MarkovParams, copyParams, checkParams, steadyState, fromStatsmodelsVector, toStatsmodelsVector } from './markov-params.ts';
export { hamiltonFilter, filterWorkspace, type FilterResult } from './hamilton-filter.ts';
export { kimSmoother, smootherWorkspace, type SmootherResult } from './kim-smoother.ts';
export { fitMarkovEm, emIteration, emWorkspace, type EmOptions, type EmFit, type EmWorkspace } from './markov-em.ts';
export { startingValues, fitBestOfStarts } from './markov-starts.ts';
export { markovAxis, monthOpenings, type MarkovAxis, type MarkovAxisOptions, type MarkovRefit } from './markov-axis.ts';
export { markovSwitchingRegimes, MARKOV_DEFAULTS, type MarkovRegimes } from './markov-regimes.ts';
