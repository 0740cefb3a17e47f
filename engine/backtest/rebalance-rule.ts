import { ConfigError } from '../../datasets/errors.ts';

/** A calendar on which a rebalance is due: the first trading day on or after each anchor date. */
export type CalendarAnchor =
  | { kind: 'weekly' } // every Monday
  | { kind: 'monthly' } // the 1st of every month
  | { kind: 'quarterly' } // 1 January, 1 April, 1 July, 1 October
  | { kind: 'yearly' } // 1 January
  | { kind: 'month-end' } // the last trading day of every month: it reads the next session of the trading calendar, which exchanges publish in advance (no market data)
  | { kind: 'weekday'; weekday: number } // 1 = Monday … 5 = Friday
  | { kind: 'monthday'; date: number }; // 1 … 31 (capped at the month's last day)

/**
 * When a strategy trades. Every part that is on can trigger a rebalance (they combine with OR);
 * the first target is always traded (the initial allocation).
 */
export interface RebalanceRule {
  /** The rule as written, e.g. `regime+monthly+drift:0.05`. */
  readonly text: string;
  /** On a regime change: the label at t differs from the label at t−1 (both non-zero). */
  readonly regime: boolean;
  /** When the target decided at t differs from the target last traded. */
  readonly change: boolean;
  /** Every day. */
  readonly daily: boolean;
  readonly calendar: readonly CalendarAnchor[];
  /** Drift band: rebalance when any weight is more than this (absolute, e.g. 0.05) off target; 0 = off. */
  readonly drift: number;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Parses a rule: terms joined by `+` (or `,`), any of `never`, `daily`, `regime`, `change`,
 * `weekly`, `monthly`, `month-end`, `quarterly`, `yearly`, `weekday:N|mon..fri`, `monthday:N`,
 * `drift:X` (X a fraction such as 0.05, or a percentage such as 5%).
 * `never` alone means buy and hold (only the initial allocation).
 *
 * @throws ConfigError naming `field` (default `rebalance`) for an unknown or malformed term.
 * @example
 * parseRebalanceRule('regime+drift:5%'); // { regime: true, drift: 0.05, … }
 */
export function parseRebalanceRule(text: string, field = 'rebalance'): RebalanceRule {
  const terms = text
    .toLowerCase()
    .split(/[+,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (terms.length === 0) throw bad(text, field, 'an empty rule');
  let regime = false;
  let change = false;
  let daily = false;
  let drift = 0;
  let never = false;
  const calendar: CalendarAnchor[] = [];
  for (const term of terms) {
    const [head, arg] = term.split(':', 2).map((s) => s.trim());
    switch (head) {
      case 'never':
        never = true;
        break;
      case 'daily':
        daily = true;
        break;
      case 'regime':
        regime = true;
        break;
      case 'change':
        change = true;
        break;
      case 'weekly':
      case 'monthly':
      case 'quarterly':
      case 'yearly':
      case 'month-end':
        calendar.push({ kind: head });
        break;
      case 'weekday': {
        const named = WEEKDAYS.indexOf((arg ?? '').slice(0, 3));
        const w = named >= 0 ? named : Number(arg);
        if (!Number.isInteger(w) || w < 1 || w > 5) throw bad(text, field, `"${term}": the weekday must be 1..5 or mon..fri`);
        calendar.push({ kind: 'weekday', weekday: w });
        break;
      }
      case 'monthday': {
        const d = Number(arg);
        if (!Number.isInteger(d) || d < 1 || d > 31) throw bad(text, field, `"${term}": the day of the month must be 1..31`);
        calendar.push({ kind: 'monthday', date: d });
        break;
      }
      case 'drift': {
        const x = arg?.endsWith('%') ? Number(arg.slice(0, -1)) / 100 : Number(arg);
        if (!arg || !Number.isFinite(x) || x <= 0 || x >= 1)
          throw bad(text, field, `"${term}": the band must be a fraction in (0, 1), e.g. drift:0.05 or drift:5%`);
        drift = x;
        break;
      }
      default:
        throw bad(text, field, `unknown term "${term}"`);
    }
  }
  if (never && terms.length > 1) throw bad(text, field, '"never" cannot be combined with other terms');
  return Object.freeze({ text: terms.join('+'), regime, change, daily, calendar: Object.freeze(calendar), drift });
}

function bad(text: string, field: string, why: string): ConfigError {
  return new ConfigError('bad-config', `bad rebalance rule "${text}": ${why}`, {
    field,
    hint: 'terms joined by +: never, daily, regime, change, weekly, monthly, month-end, quarterly, yearly, weekday:1..5, monthday:1..31, drift:0.05',
  });
}
