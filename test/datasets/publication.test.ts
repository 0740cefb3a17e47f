import { describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay } from '../../datasets/day.ts';
import { availableFrom } from '../../datasets/publication.ts';

const at = (iso: string, rule: Parameters<typeof availableFrom>[1]) => isoDay(availableFrom(parseIsoDay(iso), rule));

describe('publication rules (DESIGN.md "Point in time")', () => {
  it('H.4.1: a Wednesday value is released Thursday after the close, usable Friday', () => {
    expect(at('2026-01-14', { kind: 'h41-weekly' })).toBe('2026-01-16');
  });

  it('DTS: statement T is out by 4 pm ET on T+1, on the close, so usable the business day after (T+2)', () => {
    // Wednesday 2026-01-14: published Thursday by 4 pm, used from Friday's close.
    expect(at('2026-01-14', { kind: 'dts-daily' })).toBe('2026-01-16');
    // Thursday: published Friday, used the next business day: Tuesday, as Monday 2026-01-19 is
    // Martin Luther King Jr. Day (a Fed and Treasury holiday, no statement). Friday: published
    // Tuesday, used Wednesday.
    expect(at('2026-01-15', { kind: 'dts-daily' })).toBe('2026-01-20');
    expect(at('2026-01-16', { kind: 'dts-daily' })).toBe('2026-01-21');
    // Without a holiday: Thursday 2026-01-22 published Friday, used Monday.
    expect(at('2026-01-22', { kind: 'dts-daily' })).toBe('2026-01-26');
  });

  it('RRP and daily rates: usable the next business day, skipping the weekend', () => {
    expect(at('2026-01-15', { kind: 'next-business-day' })).toBe('2026-01-16');
    expect(at('2026-01-09', { kind: 'next-business-day' })).toBe('2026-01-12');
    // Friday 2026-01-16 → Monday the 19th is Martin Luther King Day → Tuesday.
    expect(at('2026-01-16', { kind: 'next-business-day' })).toBe('2026-01-20');
  });

  it('H.10: a week of dollar-index values is released the next Monday, usable Tuesday', () => {
    // 2026-01-05 (Mon) .. 2026-01-09 (Fri) → released Mon 2026-01-12 16:15 ET → Tue 2026-01-13.
    expect(at('2026-01-05', { kind: 'h10-weekly' })).toBe('2026-01-13');
    expect(at('2026-01-09', { kind: 'h10-weekly' })).toBe('2026-01-13');
    // The next week's release falls on Martin Luther King Day (Mon 2026-01-19): Tuesday, usable Wednesday.
    expect(at('2026-01-16', { kind: 'h10-weekly' })).toBe('2026-01-21');
  });

  it('monthly: the month dated the 1st is usable from the release day of the next month', () => {
    expect(at('2025-12-01', { kind: 'monthly', releaseDay: 10 })).toBe('2026-01-10');
  });

  it('prices are known at their own close', () => {
    expect(at('2026-01-16', { kind: 'same-day' })).toBe('2026-01-16');
  });
});
