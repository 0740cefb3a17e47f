import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { C10, C8, C9, bandText, forecastParts, FORECASTS_REGISTERED, inPassBand } from '../../../engine/claims/index.ts';
import { isoDay } from '../../../datasets/day.ts';

/** The committed file, read raw: what the rules were registered as. */
const raw = JSON.parse(readFileSync(new URL('../../../engine/claims/forecasts.json', import.meta.url), 'utf8'));

describe('forecasts.json: the pre-registered forecast rules', () => {
  it('holds the registration date and the article date', () => {
    expect(raw.registered).toBe('2026-12-05');
    expect(raw.published).toBe('2026-01-19');
    expect(isoDay(FORECASTS_REGISTERED)).toBe('2026-12-05');
    expect(raw.disclosure).toMatch(/not blind pre-registration/);
  });

  it('holds each part with its pass band and window (a changed threshold must change this test)', () => {
    const bands = Object.fromEntries(
      Object.entries(raw.forecasts as Record<string, { parts: { id: string; pass: object; window_end: string }[] }>).flatMap(([id, f]) =>
        f.parts.map((p) => [`${id}.${p.id}`, [p.pass, p.window_end]]),
      ),
    );
    expect(bands).toEqual({
      'C8.balance_sheet': [{ min: 20, max: 80 }, '2026-04-30'],
      'C8.tga_release': [{ min: 200 }, '2026-04-10'],
      'C8.reserves_q1': [{ min: 3000, exclusive: true }, '2026-04-08'],
      'C9.q4_share': [{ max: 0.15 }, '2026-09-30'],
      'C9.q4_longest_run': [{ max: 21 }, '2026-09-30'],
      'C9.q2_main_risk': [{ min: 0 }, '2026-09-30'],
      'C10.priced_at_publication': [{ min: 1, max: 3 }, '2026-01-19'],
      'C10.delivered_in_2026': [{ min: 2, max: 2 }, '2026-12-31'],
    });
  });

  it("the claims read their thresholds from it: every band appears in the claim's rule text", () => {
    for (const [claim, id] of [
      [C8, 'C8'],
      [C9, 'C9'],
      [C10, 'C10'],
    ] as const) {
      expect(claim.rule).toContain('engine/claims/forecasts.json');
      for (const part of forecastParts(id)) expect(claim.rule).toContain(bandText(part.pass));
    }
  });

  it('a pass band and its complement cover every outcome: each value passes or fails', () => {
    expect(inPassBand(80, { min: 200 })).toBe(false); // the $80bn TGA release: fail, not "partial"
    expect(inPassBand(200, { min: 200 })).toBe(true);
    expect(inPassBand(3000, { min: 3000, exclusive: true })).toBe(false);
    expect(inPassBand(3001, { min: 3000, exclusive: true })).toBe(true);
    expect(inPassBand(2, { min: 2, max: 2 })).toBe(true);
    expect(inPassBand(1, { min: 2, max: 2 })).toBe(false);
    expect(inPassBand(NaN, { max: 1 })).toBe(false);
  });
});
