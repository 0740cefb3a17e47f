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
    // Quadrants are spelled Q1..Q4 as in every other output; a stale day has none (blank).
    expect(row('2026-07-29')[col('quadrant')]).toMatch(/^Q[1-4]$/);
    expect(row('2026-07-30')[col('stale_inputs')]).toBe('DGS3MO');
    expect(row('2026-07-30')[col('quadrant')]).toBe('');
    // Money columns carry their unit: FRED's millions of dollars (reserves near $3T = 3,000,000).
    expect(header).toContain('reserves_usd_mn');
    expect(Number(row('2026-07-29')[col('reserves_usd_mn')])).toBeGreaterThan(2_000_000);
    expect(Number(row('2026-07-29')[col('reserves_usd_mn')])).toBeLessThan(4_000_000);
    expect(header).toContain('dff_change_pp');
    // DFF (continued by EFFR to 2026-08-20, usable 08-21) joins on 08-28.
    expect(row('2026-08-28')[col('stale_inputs')]).toBe('DFF;DGS3MO');
  });

  it('the table names the calibration episodes and what was tuned to them, and the post-publication caveat', () => {
    // --wide: one line per statement, as the patterns below read them.
    const r = runCli(['regimes', '--data', SNAPSHOT, '--wide']);
    expect(r.stdout).toMatch(/calibration, not validation/);
    expect(r.stdout).toMatch(/2022 \(the note's example of Q4.*\): \d+% Q4 of 251 days/);
    expect(r.stdout).toMatch(/policy_vs_market: .*added so that 2025 Q2 reads Q3/);
    expect(r.stdout).toMatch(/post-publication: .*written in November–December 2026, after that data existed/);
    expect(r.stdout).toMatch(/stale 2026-07-30 to 2026-09-14 \(32 days\): DGS3MO from 2026-07-30, DFF from 2026-08-28/);
  });

  it('the terminal shows the last 12 episodes, says how many more --verbose prints, and fits 80 columns', () => {
    const short = runCli(['regimes', '--data', SNAPSHOT], { COLUMNS: '80' });
    const all = runCli(['regimes', '--data', SNAPSHOT, '--verbose', '--wide']);
    expect(short.code, short.stderr).toBe(0);
    const episodeRows = (text: string) => text.split('\n').filter((l) => /^Q[1-4] +\d{4}-\d\d-\d\d +\d{4}-\d\d-\d\d/.test(l));
    const every = episodeRows(all.stdout);
    const total = Number(/episodes \((\d+);/.exec(all.stdout)?.[1]);
    expect(every.length).toBe(total);
    // The short form: the same last 12 rows (dates compared), and a line naming the rest.
    const dates = (rows: string[]) => rows.map((l) => l.split(/ +/).slice(0, 3).join(' '));
    expect(dates(episodeRows(short.stdout))).toEqual(dates(every.slice(-12)));
    expect(short.stdout).toContain(`episodes (the last 12 of ${total};`);
    expect(short.stdout).toContain(`  --verbose or --from/--to  the ${total - 12} earlier episodes`);
    expect(Math.max(...short.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    // Time shares: percent with one decimal, and the four add up to 100 within rounding.
    const shares = [...short.stdout.matchAll(/^Q[1-4] +(\d+\.\d) +(?:easing|tightening)/gm)].map((m) => Number(m[1]));
    expect(shares).toHaveLength(4);
    expect(Math.abs(shares.reduce((x, y) => x + y, 0) - 100)).toBeLessThanOrEqual(0.2);
  });
});
