/**
 * Defaults shared by the analytics and the claims scorecard, in one place so a report can
 * print them beside its figures.
 */

/** Stationary-bootstrap resamples per interval. */
export const DEFAULT_REPS = 1000;

/** Seed of every bootstrap unless the caller gives one: the article's date, 2026-01-19. */
export const DEFAULT_SEED = 20260119;

/** Two-sided confidence level of every interval. */
export const DEFAULT_LEVEL = 0.95;

/** Fewest observations for a bootstrap interval (the bootstrap's own minimum is 8). */
export const MIN_BOOTSTRAP_DAYS = 8;
