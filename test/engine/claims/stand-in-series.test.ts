import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES, type Role } from '../../../datasets/catalog.ts';
import { buildPanel, buildRoles, loadDataset } from '../../../datasets/index.ts';
import { buildClaimContext, standInFootnote, standInRecords, standInsBySeries } from '../../../engine/claims/index.ts';
import { computeRegimes } from '../../../engine/regimes/index.ts';
import { makeCalendar } from '../../builders.ts';

const none = () => Object.fromEntries(ROLES.map((r) => [r, new Uint8Array(8)])) as Record<Role, Uint8Array>;

describe('standInsBySeries', () => {
  it('counts stand-in days among the labelled return days of the window only (by hand)', () => {
    const calendar = makeCalendar('2024-01-01', 8);
    // Return day i counts when labels[i − 1] is 1..4: days 2..7 (labels[1..6]); day 5's previous label is 0.
    const labels = Uint8Array.of(0, 1, 1, 2, 0, 3, 3, 4);
    const standIn = none();
    standIn.commodities = Uint8Array.of(0, 1, 1, 0, 0, 1, 1, 1); // days 1 (unlabelled), 2, 5 (unlabelled), 6, 7
    const marked = standInsBySeries({ standIn, calendar }, labels, [
      { name: 'commodities', roles: ['commodities'] },
      { name: 'commodities-vs-us', roles: ['commodities', 'us_large', 'us_small'] },
      { name: 'us_large', roles: ['us_large'] },
    ]);
    // Counted days: 2, 3, 4, 6, 7 (5 days); stand-in among them: 2, 6, 7 → 3 of 5, from day 2 to day 7.
    expect(marked.get('commodities')).toEqual([{ role: 'commodities', days: 3, of: 5, from: calendar[2], to: calendar[7] }]);
    expect(marked.get('commodities-vs-us')).toEqual(marked.get('commodities'));
    expect(marked.has('us_large')).toBe(false);
    // The window cuts the sample: days 6..7 only → 2 of 2.
    expect(standInsBySeries({ standIn, calendar }, labels, [{ name: 'c', roles: ['commodities'] }], { from: 6, to: 7 }).get('c')![0]).toMatchObject({
      days: 2,
      of: 2,
    });
    expect(standInFootnote(marked)).toBe(
      "† rests on a stand-in: held as T-bills (no instrument priced) on some of the table's days: commodities on 3 of 5 (2024-01-03 to 2024-01-10).",
    );
    expect(standInFootnote(new Map())).toBeUndefined();
    // validate --format json lists them as records, a pair's roles each on their own.
    expect(standInRecords(marked)).toEqual([
      { series: 'commodities', role: 'commodities', days: 3, of: 5, from: '2024-01-03', to: '2024-01-10' },
      { series: 'commodities-vs-us', role: 'commodities', days: 3, of: 5, from: '2024-01-03', to: '2024-01-10' },
    ]);
  });

  it('property: the count is the brute-force count of flagged, labelled days', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean()), { minLength: 2, maxLength: 60 }), (days) => {
        const n = days.length;
        const labels = Uint8Array.from(days, ([q]) => q);
        const standIn = Object.fromEntries(ROLES.map((r) => [r, new Uint8Array(n)])) as Record<Role, Uint8Array>;
        standIn.gold = Uint8Array.from(days, ([, s]) => (s ? 1 : 0));
        let want = 0;
        for (let i = 1; i < n; i++) if (labels[i - 1] !== 0 && standIn.gold[i]) want++;
        const got = standInsBySeries({ standIn, calendar: makeCalendar('2024-01-01', n) }, labels, [{ name: 'gold', roles: ['gold'] }]).get('gold');
        expect(got?.[0].days ?? 0).toBe(want);
      }),
    );
  });
});

describe('on the real snapshot', () => {
  const SNAPSHOT = process.env.QUADRANT_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets');
  it('no role rests on a stand-in on a labelled day: the stand-in stretches fall before the first label and in the stale tail', () => {
    const panel = buildPanel(loadDataset(SNAPSHOT));
    const roles = buildRoles(panel);
    const { labels } = computeRegimes(panel);
    const ctx = buildClaimContext(panel, roles, labels);
    let overlap = 0;
    let flagged = 0;
    for (const role of ROLES)
      for (let i = 1; i < labels.length; i++) {
        flagged += ctx.standIn[role][i];
        if (ctx.standIn[role][i] && labels[i - 1] !== 0) overlap++;
      }
    expect(flagged).toBeGreaterThan(0);
    expect(overlap).toBe(0);
    expect(
      standInsBySeries(
        ctx,
        labels,
        ROLES.map((r) => ({ name: r, roles: [r] })),
      ).size,
    ).toBe(0);
  });
});
