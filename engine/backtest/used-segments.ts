import { isoDay } from '../../datasets/day.ts';
import type { Market } from './market.ts';
import type { UsedSegment } from './result.ts';

/** The market's instrument segments clipped to [start, end], each flagged when the role was held (never without weights). */
export function usedSegments(market: Market, start: number, end: number, weights?: Float64Array): UsedSegment[] {
  const R = market.roles.length;
  const out: UsedSegment[] = [];
  const cal = market.calendar;
  for (let k = 0; k < R; k++) {
    const role = market.roles[k];
    let from = start;
    for (let t = start + 1; t <= end + 1; t++) {
      if (t <= end && market.source[t * R + k] === market.source[from * R + k]) continue;
      const src = market.source[from * R + k];
      // Day `start` has no return of its own in the window; its segment is the one of start + 1.
      const s = from === start && start < end ? market.source[(start + 1) * R + k] : src;
      let heldAny = false;
      for (let i = from - start; weights && i <= t - 1 - start && !heldAny; i++) heldAny = weights[i * R + k] !== 0;
      const last = out[out.length - 1];
      const instrument = s >= 0 ? market.instruments[k][s] : market.instruments[k][0];
      if (last && last.role === role && last.instrument === instrument) {
        last.to = isoDay(cal[t - 1]);
        last.days += t - from;
        last.held ||= heldAny;
      } else {
        out.push({ role, instrument, from: isoDay(cal[from]), to: isoDay(cal[t - 1]), days: t - from, held: heldAny });
      }
      from = t;
    }
  }
  return out;
}
