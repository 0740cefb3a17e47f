import { parseIsoDay, type Day } from '../../datasets/day.ts';
import registry from './forecasts.json' with { type: 'json' };

/** The pass band of a forecast part: a closed interval (open at `min` when `exclusive`); any other outcome fails. */
export interface PassBand {
  min?: number;
  max?: number;
  exclusive?: boolean;
}

/** One part of a pre-registered forecast (engine/claims/forecasts.json). */
export interface ForecastPart {
  id: string;
  measure: string;
  unit: string;
  /** The day after which the part's outcome is known (its data may be published a little later). */
  windowEnd: Day;
  pass: PassBand;
  reason: string;
}

/** The date the rules were written and the article's date, as registered. */
export const FORECASTS_REGISTERED: Day = parseIsoDay(registry.registered);
export const FORECASTS_PUBLISHED: Day = parseIsoDay(registry.published);
/** Why and how the bands were fixed, said once beside the forecasts. */
export const FORECASTS_DISCLOSURE: string = registry.disclosure;
/** The short form said with every forecast result. */
export const FORECASTS_NOTE = `bands registered ${registry.registered} in engine/claims/forecasts.json, after the outcomes to the snapshot's end were known (its disclosure says how they were fixed)`;

/**
 * The parts of forecast `id` (C8, C9, C10) as registered in forecasts.json, the one place
 * their thresholds live.
 *
 * @throws Error for an id the file does not hold (a programming error, caught by the tests).
 */
export function forecastParts(id: 'C8' | 'C9' | 'C10'): ForecastPart[] {
  const entry = registry.forecasts[id];
  if (!entry) throw new Error(`forecasts.json holds no forecast ${id}`);
  return entry.parts.map((p) => ({
    id: p.id,
    measure: p.measure,
    unit: p.unit,
    windowEnd: parseIsoDay(p.window_end),
    pass: p.pass as PassBand,
    reason: p.reason,
  }));
}

/** The part `partId` of forecast `id`. */
export function forecastPart(id: 'C8' | 'C9' | 'C10', partId: string): ForecastPart {
  const part = forecastParts(id).find((p) => p.id === partId);
  if (!part) throw new Error(`forecasts.json holds no part ${partId} of ${id}`);
  return part;
}

/**
 * Whether `value` lies in the pass band: min ≤ value ≤ max (min < value when exclusive);
 * a missing bound is unbounded. Every other value fails, so a closed window always resolves.
 *
 * @example
 * inPassBand(80, { min: 200 }); // false: a fail
 */
export function inPassBand(value: number, band: PassBand): boolean {
  if (Number.isNaN(value)) return false;
  if (band.min !== undefined && (band.exclusive ? !(value > band.min) : !(value >= band.min))) return false;
  if (band.max !== undefined && !(value <= band.max)) return false;
  return true;
}

/** "≥ 200", "20 to 80", "> 3000", "≤ 0.15", "= 2", for rule texts. */
export function bandText(band: PassBand): string {
  const { min, max } = band;
  if (min !== undefined && max !== undefined) return min === max ? `= ${min}` : `${min} to ${max}`;
  if (min !== undefined) return `${band.exclusive ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return 'any value';
}
