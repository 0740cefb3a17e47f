import type { DataFrame } from 'danfojs-node';
import type { Role } from '../../datasets/catalog.ts';
import type { Market } from './market.ts';
import type { ResolvedReplayOptions } from './options.ts';
import { filledByDay, LEDGER, ledgerByDay, ordersByDay } from './replay-buffers.ts';
import type { BacktestResult, UsedSegment } from './result.ts';
import { toDataFrame } from './to-data-frame.ts';
import { usedSegments } from './used-segments.ts';

const EMPTY = new Float64Array(0);

type MadeOnRead = 'cash' | 'financing' | 'financingCost' | 'traded' | 'tradeCost' | 'turnover' | 'commission' | 'slippage' | 'fixedCosts';

/** What a replay's loop leaves behind: its day arrays as booked and its fills as kept per fill. */
export interface ReplayBook {
  market: Market;
  start: number;
  end: number;
  nav: Float64Array;
  /** m × R shares of NAV; empty unless recorded. */
  weights: Float64Array;
  /** Booked only with a financing account that can move (else derived, see ReplayResult). */
  cash: Float64Array;
  financing: Float64Array;
  /** Booked only when the run can be charged a spread; empty otherwise (all zero). */
  financingCost: Float64Array;
  fillRows: Int32Array;
  ledger: Float64Array;
  orders: Float64Array;
  fillCount: number;
  /** record: 'all'. */
  recorded: boolean;
  /** The financing account can move (leverage ≠ 1 or shorts): cash and financing were booked. */
  financed: boolean;
}

/**
 * A replay's {@link BacktestResult}. The day arrays the loop does not book are made on first
 * read, once: what fills write (orders, turnover, costs, `filled`) is spread over the days from
 * the per-fill arrays, and without a financing account (which then stays exactly 0) the cash
 * share is the cash role's weight and the financing share 0. A class, so a run allocates one
 * object and no closures.
 */
export class ReplayResult implements BacktestResult {
  readonly roles: readonly Role[];
  readonly days: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly nav: Float64Array;
  readonly weights: Float64Array;
  private readonly book: ReplayBook;
  /** The arrays made on first read (plain fields, so a copy of the result still reads them). */
  private readonly made: Partial<Record<MadeOnRead, Float64Array>> & { filled?: Uint8Array; segments?: UsedSegment[] } = {};

  constructor(
    book: ReplayBook,
    readonly name: string,
    readonly options: ResolvedReplayOptions,
    readonly rule: string,
    readonly lookAheadProne: boolean,
    readonly totalTurnover: number,
    readonly totalCosts: number,
    readonly warnings: readonly string[],
  ) {
    this.book = book;
    this.roles = book.market.roles;
    this.days = book.market.calendar.subarray(book.start, book.end + 1);
    this.start = book.start;
    this.end = book.end;
    this.nav = book.nav;
    this.weights = book.recorded ? book.weights : EMPTY;
  }

  get cash(): Float64Array {
    const b = this.book;
    this.made.cash ??= !b.recorded ? EMPTY : b.financed ? b.cash : columnOf(b.weights, b.nav.length, b.market.roles.indexOf('cash'), b.market.roles.length);
    return this.made.cash;
  }

  get financing(): Float64Array {
    const b = this.book;
    this.made.financing ??= !b.recorded ? EMPTY : b.financed ? b.financing : new Float64Array(b.nav.length);
    return this.made.financing;
  }

  get financingCost(): Float64Array {
    const b = this.book;
    this.made.financingCost ??= b.financingCost.length > 0 ? b.financingCost : new Float64Array(b.nav.length);
    return this.made.financingCost;
  }

  get traded(): Float64Array {
    this.made.traded ??= this.spreadOrders(0);
    return this.made.traded;
  }

  get tradeCost(): Float64Array {
    this.made.tradeCost ??= this.spreadOrders(1);
    return this.made.tradeCost;
  }

  get filled(): Uint8Array {
    const b = this.book;
    this.made.filled ??= filledByDay(b.fillRows, b.fillCount, b.nav.length);
    return this.made.filled;
  }

  get turnover(): Float64Array {
    this.made.turnover ??= this.spreadLedger(LEDGER.turnover);
    return this.made.turnover;
  }

  get commission(): Float64Array {
    this.made.commission ??= this.spreadLedger(LEDGER.commission);
    return this.made.commission;
  }

  get slippage(): Float64Array {
    this.made.slippage ??= this.spreadLedger(LEDGER.slippage);
    return this.made.slippage;
  }

  get fixedCosts(): Float64Array {
    this.made.fixedCosts ??= this.spreadLedger(LEDGER.fixedCosts);
    return this.made.fixedCosts;
  }

  /** Built on first read: it walks every day and role, which the loop itself never needs. */
  get segments(): readonly UsedSegment[] {
    const b = this.book;
    this.made.segments ??= usedSegments(b.market, b.start, b.end, b.recorded ? b.weights : undefined);
    return this.made.segments;
  }

  toDataFrame(): Promise<DataFrame> {
    return toDataFrame(this);
  }

  private spreadOrders(part: 0 | 1): Float64Array {
    const b = this.book;
    return b.recorded ? ordersByDay(b.orders, b.fillRows, b.fillCount, b.nav.length, b.market.roles.length, part) : EMPTY;
  }

  private spreadLedger(column: number): Float64Array {
    const b = this.book;
    return ledgerByDay(b.ledger, b.fillRows, b.fillCount, b.nav.length, column);
  }
}

/** Column k of an m × R day-major array. */
function columnOf(a: Float64Array, m: number, k: number, R: number): Float64Array {
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = a[i * R + k];
  return out;
}
