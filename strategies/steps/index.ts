export { whenRegimeKnown, whenQuadrant, whenMonthStarts } from './when.ts';
export { selectRoles, selectWithPreferredData } from './select.ts';
export { weighFixed, weighEqually, weighByQuadrant, weighInverseVolatility } from './weigh.ts';
export { limitWeight } from './limit.ts';
export { rebalanceOn } from './rebalance.ts';
