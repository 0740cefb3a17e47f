/** Trading days per year used for every annualisation in Quadrant's metrics. */
export const TRADING_DAYS_PER_YEAR = 252;
