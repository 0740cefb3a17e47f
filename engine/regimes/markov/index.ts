export { type MarkovParams, copyParams, checkParams, steadyState, fromStatsmodelsVector, toStatsmodelsVector } from './markov-params.ts';
export { hamiltonFilter, filterWorkspace, type FilterResult } from './hamilton-filter.ts';
export { kimSmoother, smootherWorkspace, type SmootherResult } from './kim-smoother.ts';
export { fitMarkovEm, emIteration, emWorkspace, type EmOptions, type EmFit, type EmWorkspace } from './markov-em.ts';
