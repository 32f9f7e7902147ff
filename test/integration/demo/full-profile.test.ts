import { describe, expect, it } from 'vitest';
import { testDbKind } from '../../support/db.ts';
import { generateCommunity } from '../../../src/server/demo/generate.ts';
import { planDistrict } from '../../../src/server/demo/plan.ts';
import type { CommunityRows } from '../../../src/server/demo/rows.ts';

// The full demo's figures, checked on the generated rows in memory (about 3 s): loading them
// into a database is measured by bench/demo.ts, and loaded by full-load.test.ts only on request.
// Pure code, so it runs once, in the pglite project.
describe.runIf(testDbKind === 'pglite')('the full demo profile, generated in memory', () => {
  it('resembles the reference district', () => {
    const plan = planDistrict('full', 1);
    const all: CommunityRows[] = plan.communities.map((c) => generateCommunity(plan, c).rows);
    const flat = <K extends keyof CommunityRows>(k: K): CommunityRows[K] => all.flatMap((r) => r[k] as unknown[]) as CommunityRows[K];
    expect(plan.streets).toHaveLength(3);
    expect(all).toHaveLength(50);

    const units = flat('units');
    expect(units.length).toBeGreaterThan(115_000);
    expect(units.length).toBeLessThan(135_000);
    const residential = units.filter((u) => u.use === 'residential');
    expect(residential.length / units.length).toBeGreaterThan(0.85);
    expect(units.some((u) => u.use === 'commercial') && units.some((u) => u.use === 'parking')).toBe(true);
    for (const rows of all) {
      const homes = rows.units.filter((u) => u.use === 'residential').length;
      expect(homes).toBeGreaterThanOrEqual(2150);
      expect(homes).toBeLessThanOrEqual(2550);
      const c = rows.communities[0];
      expect(c.area_m2).toBeLessThanOrEqual(2_000_000);
      expect(c.population_recorded).toBeGreaterThanOrEqual(8000);
      expect(c.population_recorded).toBeLessThanOrEqual(10_000);
      for (const compound of rows.compounds) {
        const n = rows.units.filter((u) => u.compound_id === compound.id && u.use === 'residential').length;
        expect(n).toBeGreaterThanOrEqual(300);
        expect(n).toBeLessThanOrEqual(1500);
      }
    }

    const grids = flat('grids');
    expect(grids).toHaveLength(312);
    expect(new Set(grids.map((g) => g.worker_person_id)).size).toBe(312);
    const organisations = flat('organisations');
    expect(organisations.filter((o) => o.kind === 'party_org' || o.kind === 'grid_branch')).toHaveLength(573);
    expect(organisations.filter((o) => o.kind === 'grid_branch')).toHaveLength(312);
    expect(organisations.filter((o) => o.kind === 'residents_committee')).toHaveLength(50);
    const people = flat('people');
    const partyMembers = people.filter((p) => p.party_member).length;
    expect(partyMembers).toBeGreaterThanOrEqual(2783);
    expect(partyMembers).toBeLessThan(2900);
    const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.every((p) => /^1\d{10}$/.test(p))).toBe(true);

    // owners' committees in about 80 % of compounds, 5–9 members, 30–40 % Party members overall
    const compounds = flat('compounds');
    const committees = organisations.filter((o) => o.kind === 'owners_committee');
    expect(committees.length / compounds.length).toBeGreaterThan(0.7);
    expect(committees.length / compounds.length).toBeLessThan(0.9);
    const party = new Set(people.filter((p) => p.party_member).map((p) => p.id));
    const memberships = flat('memberships');
    let seats = 0;
    let partySeats = 0;
    for (const oc of committees) {
      const members = memberships.filter((m) => m.organisation_id === oc.id);
      expect(members.length).toBeGreaterThanOrEqual(5);
      expect(members.length).toBeLessThanOrEqual(9);
      seats += members.length;
      partySeats += members.filter((m) => party.has(m.person_id)).length;
    }
    expect(partySeats / seats).toBeGreaterThan(0.3);
    expect(partySeats / seats).toBeLessThan(0.4);

    // co-owned homes about 15 %, the developer holds a few % of units
    const ownerships = flat('ownerships').filter((o) => o.until === null);
    const holders = new Map<string, number>();
    for (const o of ownerships) holders.set(o.unit_id, (holders.get(o.unit_id) ?? 0) + 1);
    const ownedHomes = residential.filter((u) => u.holder_status === 'owned');
    const coOwned = ownedHomes.filter((u) => (holders.get(u.id) ?? 0) > 1).length;
    expect(coOwned / ownedHomes.length).toBeGreaterThan(0.12);
    expect(coOwned / ownedHomes.length).toBeLessThan(0.17);
    const developerShare = units.filter((u) => u.holder_status !== 'owned').length / units.length;
    expect(developerShare).toBeGreaterThan(0.01);
    expect(developerShare).toBeLessThan(0.08);
    expect(units.filter((u) => u.area_registered_centi !== null).length / units.length).toBeGreaterThan(0.75);
  });
});
