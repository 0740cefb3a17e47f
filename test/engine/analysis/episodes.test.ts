import { describe, it, expect } from 'vitest';
import { compareEpisodes, EPISODES, episodeFromRange, resolveEpisode } from '../../../engine/analysis/index.ts';
import { ConfigError } from '../../../datasets/errors.ts';
import { isoDay, parseIsoDay } from '../../../datasets/day.ts';

describe('episode names', () => {
  it('has every episode the issue names, each with from ≤ to', () => {
    for (const id of ['gfc-2008', 'taper-2013', 'covid-2020', 'qe-2021', '2022', 'svb-2023', '2025Q2', 'reserves-below-3t-2025', 'rmp-2026']) {
      const e = resolveEpisode(id);
      expect(e.from).toBeLessThanOrEqual(e.to);
    }
    expect(EPISODES.length).toBeGreaterThanOrEqual(9);
  });

  it('resolves catalog ids first, then years, quarters, months and ranges (by hand)', () => {
    const q = resolveEpisode('2025q2');
    expect([q.id, isoDay(q.from), isoDay(q.to)]).toEqual(['2025Q2', '2025-04-01', '2025-06-30']);
    expect(resolveEpisode('2022').title).toBe('2022 tightening');
    const y = resolveEpisode('2019');
    expect([isoDay(y.from), isoDay(y.to)]).toEqual(['2019-01-01', '2019-12-31']);
    const q4 = resolveEpisode('2019Q4');
    expect([isoDay(q4.from), isoDay(q4.to)]).toEqual(['2019-10-01', '2019-12-31']);
    const m = resolveEpisode('2024-02');
    expect(isoDay(m.to)).toBe('2024-02-29');
    const r = resolveEpisode('2019-08..2019-10');
    expect([isoDay(r.from), isoDay(r.to)]).toEqual(['2019-08-01', '2019-10-31']);
  });

  it('rejects an unknown name or a reversed range with a ConfigError naming the field', () => {
    expect(() => resolveEpisode('lehman')).toThrow(ConfigError);
    try {
      resolveEpisode('lehman');
    } catch (e) {
      expect((e as ConfigError).details.field).toBe('episode');
    }
    expect(() => episodeFromRange('2020-05', '2020-01')).toThrow(ConfigError);
    expect(() => episodeFromRange('2020-13', '2021')).toThrow(ConfigError);
  });
});

describe('compareEpisodes', () => {
  // Ten weekdays from Mon 2024-01-01; labels 1 1 1 4 4 4 2 2 2 2; returns +1 % every day.
  const start = parseIsoDay('2024-01-01');
  const calendar = Int32Array.from([0, 1, 2, 3, 4, 7, 8, 9, 10, 11], (k) => start + k);
  const labels = Uint8Array.of(1, 1, 1, 4, 4, 4, 2, 2, 2, 2);
  const returns = Float64Array.from({ length: 10 }, (_, i) => (i === 0 ? NaN : 0.01));
  const level = Float64Array.from({ length: 10 }, (_, i) => 100 + i);
  const input = { calendar, labels, returns: [{ name: 'a', returns }], signals: [{ name: 'lvl', values: level, units: 'x', mode: 'change' as const }] };

  it('with raw labels, counts the raw label in force and the labelled days it differs (brute force over the arrays)', () => {
    const raw = Uint8Array.of(1, 3, 1, 4, 1, 4, 2, 0, 2, 1);
    const withZero = Uint8Array.from(labels, (q, i) => (i === 4 ? 0 : q));
    const cmp = compareEpisodes({ ...input, labels: withZero, rawLabels: raw }, [episodeFromRange('2024-01-02', '2024-01-15')]);
    const e = cmp.episodes[0];
    // Brute force: return day i (baseIndex < i ≤ endIndex) carries labels[i − 1] and raw[i − 1].
    const mix = [0, 0, 0, 0, 0];
    let differs = 0;
    for (let i = e.baseIndex + 1; i <= e.endIndex; i++) {
      mix[raw[i - 1]]++;
      if (withZero[i - 1] !== 0 && raw[i - 1] !== withZero[i - 1]) differs++;
    }
    expect(e.rawQuadrantDays).toEqual(mix);
    expect(e.rawDiffers).toBe(differs);
    // By hand: days 1..9 carry labels 1 1 1 4 0 4 2 2 2 and raw 1 3 1 4 1 4 2 0 2: differ on days 2 (1 vs 3) and 8 (2 vs 0); day 5 is unlabelled.
    expect(differs).toBe(2);
    expect(compareEpisodes(input, [episodeFromRange('2024-01-02', '2024-01-15')]).episodes[0].rawDiffers).toBeUndefined();
  });

  it('snaps to trading days, bases at the previous close and counts the quadrants in force (by hand)', () => {
    // 2024-01-03 … 2024-01-09 holds indices 2..6; base close = index 1.
    const cmp = compareEpisodes(input, [episodeFromRange('2024-01-03', '2024-01-09')]);
    const e = cmp.episodes[0];
    expect([e.baseIndex, e.endIndex, e.days]).toEqual([1, 6, 5]);
    expect(isoDay(e.from)).toBe('2024-01-03');
    // Return days 2..6 carry labels[1..5] = 1, 1, 4, 4, 4.
    expect(e.quadrantDays).toEqual([0, 2, 0, 0, 3]);
    expect(e.segments.map((s) => [s.quadrant, s.days])).toEqual([
      [1, 2],
      [4, 3],
    ]);
    expect(e.returns[0].total).toBeCloseTo(1.01 ** 5 - 1, 12);
    expect(e.returns[0].maxDrawdown).toBe(0);
    expect(cmp.length).toBe(5);
    const path = cmp.paths.find((p) => p.name === 'a')!.values[0];
    expect(path[0]).toBe(0);
    expect(path[2]).toBeCloseTo(1.01 ** 2 - 1, 12);
    const sig = cmp.paths.find((p) => p.name === 'lvl')!.values[0];
    expect([...sig]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('aligns episodes of different lengths in event time, NaN past the shorter one’s end', () => {
    const cmp = compareEpisodes(input, [episodeFromRange('2024-01-02', '2024-01-03'), episodeFromRange('2024-01-02', '2024-01-10')]);
    expect(cmp.length).toBe(7);
    const a = cmp.paths[0].values[0];
    expect(a.length).toBe(8);
    expect(Number.isNaN(a[3])).toBe(true);
    expect(a[2]).toBeCloseTo(cmp.paths[0].values[1][2], 12);
  });

  it('a series with a missing return inside an episode (a strategy not yet started) gets NaN figures, not a flat line', () => {
    const late = Float64Array.from({ length: 10 }, (_, i) => (i < 4 ? NaN : 0.01));
    const cmp = compareEpisodes({ ...input, returns: [{ name: 'late', returns: late }] }, [
      episodeFromRange('2024-01-02', '2024-01-09'),
      episodeFromRange('2024-01-08', '2024-01-10'),
    ]);
    expect(Number.isNaN(cmp.episodes[0].returns[0].total)).toBe(true);
    expect(Number.isNaN(cmp.paths[0].values[0][5])).toBe(true);
    expect(cmp.paths[0].values[0][1]).toBeNaN();
    expect(cmp.episodes[1].returns[0].total).toBeCloseTo(1.01 ** 3 - 1, 12);
  });

  it('an episode outside the data is an error', () => {
    expect(() => compareEpisodes(input, [episodeFromRange('2030', '2030')])).toThrow(/no trading day/);
  });
});
