import type { CellValue, ValueFormat } from './model.ts';

/** Written for a missing value (an en dash: in the PDF standard fonts' character set). */
export const MISSING = '–';

/**
 * Formats a value for a table or a headline figure, identically in HTML and PDF.
 * Percent styles take fractions (0.1234 → "12.3%"); negative numbers use an ASCII hyphen so
 * the PDF standard fonts can draw them; non-finite numbers and null render as {@link MISSING}.
 *
 * @example formatValue(0.1234, { style: 'percent' }) // "12.3%"
 * @example formatValue(-1234.5, { style: 'number', digits: 1 }) // "-1,234.5"
 */
export function formatValue(value: CellValue, format: ValueFormat = defaultFormat(value)): string {
  if (value === null) return MISSING;
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return MISSING;
  const suffix = format.suffix ?? '';
  switch (format.style) {
    case 'text':
      return String(value) + suffix;
    case 'date':
      return String(value);
    case 'integer':
      return signed(value, groupDigits(Math.round(value), 0), format) + suffix;
    case 'percent':
      return signed(value, groupDigits(value * 100, format.digits ?? 1), format) + '%' + suffix;
    case 'number':
      return signed(value, groupDigits(value, format.digits ?? 2), format) + suffix;
  }
}

function defaultFormat(value: CellValue): ValueFormat {
  return typeof value === 'number' ? { style: 'number' } : { style: 'text' };
}

/** A '+' before a positive value when the format asks for signs, unless it rounds to zero (as "-0.0" is "0.0"). */
function signed(value: number, text: string, format: ValueFormat): string {
  return format.signed && value > 0 && /[1-9]/.test(text) ? '+' + text : text;
}

/** Fixed digits with thousands separators; "-0.0" is written "0.0". */
function groupDigits(value: number, digits: number): string {
  let text = Math.abs(value).toFixed(digits);
  const negative = value < 0 && Number(text) !== 0;
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot);
  let grouped = '';
  while (int.length > 3) {
    grouped = ',' + int.slice(-3) + grouped;
    int = int.slice(0, -3);
  }
  text = int + grouped + frac;
  return negative ? '-' + text : text;
}
