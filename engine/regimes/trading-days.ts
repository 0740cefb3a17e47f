/** Trading days in a week and a month: how window lengths in weeks or months become rows of the panel. */
export const TRADING_DAYS_PER_WEEK = 5;
export const TRADING_DAYS_PER_MONTH = 21;
