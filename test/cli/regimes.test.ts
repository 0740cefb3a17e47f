import { describe, expect, it } from 'vitest';
import { dayParts } from '../../datasets/day.ts';
import { loadDataset } from '../../datasets/load-dataset.ts';
import { buildPanel } from '../../datasets/panel.ts';
import { computeRegimes, regimeDefinitions } from '../../engine/regimes/index.ts';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

describe('quadrant regimes (real snapshot)', () => {
  it("--compare-presets: each definition's share of days with the default's label, by year, as a hand count gives it", () => {
    const r = runCli(['regimes', '--data', SNAPSHOT, '--compare-presets', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      default: string;
      definitions: { name: string; total: { days: number; same: number }; years: { year: number; days: number; same: number }[] }[];
    };
    const defs = regimeDefinitions();
    expect(json.default).toBe('article');
    expect(json.definitions.map((d) => d.name)).toEqual(defs.slice(1).map((d) => d.name));
    // Brute force for one definition: count the days both label, and those with the same label, per year.
    const panel = buildPanel(loadDataset(SNAPSHOT));
    const a = computeRegimes(panel, defs[0].config).labels;
    const b = computeRegimes(panel, defs.find((d) => d.name === 'balance-sheet')!.config).labels;
    const byYear = new Map<number, [number, number]>();
    for (let t = 0; t < a.length; t++) {
      if (!a[t] || !b[t]) continue;
      const y = dayParts(panel.calendar[t]).year;
      const c = byYear.get(y) ?? [0, 0];
      c[0]++;
      if (a[t] === b[t]) c[1]++;
      byYear.set(y, c);
    }
    const got = json.definitions.find((d) => d.name === 'balance-sheet')!;
    expect(got.years.map((y) => [y.year, y.days, y.same])).toEqual([...byYear].map(([y, [days, same]]) => [y, days, same / days]));
  });

  it('--format csv flags stale days: no quadrant, and the inputs named', () => {
    const r = runCli(['regimes', '--data', SNAPSHOT, '--from', '2026-07-27', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const header = lines[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const row = (date: string) => lines.find((l) => l.startsWith(date))!.split(',');
    // fred/DGS3MO.csv ends 2026-07-22 (usable 07-23): 7 days old on 07-29, 8 on 07-30.
    expect(row('2026-07-29')[col('stale_inputs')]).toBe('');
    expect(Number(row('2026-07-29')[col('quadrant')])).toBeGreaterThan(0);
    expect(row('2026-07-30')[col('stale_inputs')]).toBe('DGS3MO');
    expect(row('2026-07-30')[col('quadrant')]).toBe('0');
    // DFF (continued by EFFR to 2026-08-20, usable 08-21) joins on 08-28.
    expect(row('2026-08-28')[col('stale_inputs')]).toBe('DFF;DGS3MO');
  });

  it('the table names the calibration episodes and what was tuned to them, and the post-publication caveat', () => {
    const r = runCli(['regimes', '--data', SNAPSHOT]);
    expect(r.stdout).toMatch(/calibration, not validation/);
    expect(r.stdout).toMatch(/2022 \(the note's example of Q4.*\): \d+% Q4 of 251 days/);
    expect(r.stdout).toMatch(/policy_vs_market: .*added so that 2025 Q2 reads Q3/);
    expect(r.stdout).toMatch(/post-publication: .*written in November–December 2026, after that data existed/);
    expect(r.stdout).toMatch(/stale 2026-07-30 to 2026-09-14 \(32 days\): DGS3MO from 2026-07-30, DFF from 2026-08-28/);
  });
});
