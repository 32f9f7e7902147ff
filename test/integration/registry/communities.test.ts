import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app.ts';
import type { TwoCommunityWorld } from '../../support/factories.ts';
import { client, login, worldApp, type Client } from './world-app.ts';

let t: TestApp;
let world: TwoCommunityWorld;
let staffA: Client;
let admin: Client;

beforeAll(async () => {
  const setup = await worldApp();
  t = setup.t;
  world = setup.world;
  staffA = client(t.app, await login(t.app, world.A.users.communityStaff));
  admin = client(t.app, await login(t.app, world.districtAdmin));
});
afterAll(() => t.close());

describe('GET /api/communities/:id', () => {
  it('derives the figures from the registry', async () => {
    const res = await staffA.get(`/api/communities/${world.A.communityId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Community A', street: { name: 'Street A' }, district: { name: 'World District' } });
    expect(body.derived).toEqual({
      compounds: 2,
      buildings: 3,
      units: 6,
      // 101, 102, 201 and compound 2's 101; not the developer's unsold 103, not the parking space
      households: 4,
      residents: 2,
      grids: 2,
      gridWorkers: 2,
      partyOrganisations: 3,
      partyMembers: 1,
      ownersCommittees: 1,
    });
    expect(body.recorded).toEqual({ areaM2: null, areaKm2: null, populationRecorded: null, socialWorkersRecorded: null });
    expect(body.abilities).toEqual({ read: true, manage: true, recordFigures: true });
  });

  it('answers 404 for an unknown id and 400 naming a malformed one', async () => {
    expect((await admin.get('/api/communities/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await admin.get('/api/communities/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('id');
  });
});

describe('PUT /api/communities/:id/figures', () => {
  it('records the figures it cannot derive, shows km², and audits before and after', async () => {
    const url = `/api/communities/${world.A.communityId}/figures`;
    const res = await staffA.put(url, { areaM2: 1_850_000, populationRecorded: 8_800 });
    expect(res.statusCode).toBe(200);
    expect(res.json().recorded).toEqual({ areaM2: 1_850_000, areaKm2: 1.85, populationRecorded: 8_800, socialWorkersRecorded: null });

    const again = await staffA.put(url, { socialWorkersRecorded: 5, populationRecorded: null });
    expect(again.json().recorded).toEqual({ areaM2: 1_850_000, areaKm2: 1.85, populationRecorded: null, socialWorkersRecorded: 5 });

    const trail = await admin.get(`/api/audit/events?communityId=${world.A.communityId}&kind=registry.community_figures_recorded`);
    const events = trail.json().items;
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      objectType: 'community',
      objectId: world.A.communityId,
      actorLabel: `user:${world.A.users.communityStaff.username}`,
      before: { areaM2: 1_850_000, populationRecorded: 8_800, socialWorkersRecorded: null },
      after: { areaM2: 1_850_000, populationRecorded: null, socialWorkersRecorded: 5 },
    });
    expect(events[1].before).toEqual({ areaM2: null, populationRecorded: null, socialWorkersRecorded: null });
  });

  it.each([
    [{ areaM2: -1 }, 'areaM2', 'must not be negative'],
    [{ populationRecorded: 1.5 }, 'populationRecorded', 'whole number'],
    [{ socialWorkersRecorded: '3' }, 'socialWorkersRecorded', ''],
    [{ area: 5 }, 'area', ''],
    [{}, 'body', 'send at least one'],
  ])('refuses %j, naming %s', async (payload, field, words) => {
    const res = await staffA.put(`/api/communities/${world.A.communityId}/figures`, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toContain(field);
    expect(res.json().error.message).toContain(words);
  });
});

describe('GET /api/communities', () => {
  it('searches name or code, filters by street and pages', async () => {
    const byName = (await admin.get('/api/communities?q=community%20b')).json();
    expect(byName.items.map((c: { name: string }) => c.name)).toEqual(['Community B']);
    expect(byName.items[0].derived.units).toBe(6);

    const byCode = (await admin.get(`/api/communities?q=${world.A.community.code}`)).json();
    expect(byCode.items.map((c: { id: string }) => c.id)).toEqual([world.A.communityId]);

    const byStreet = (await admin.get(`/api/communities?streetId=${world.B.street.id}`)).json();
    expect(byStreet).toMatchObject({ total: 1, items: [{ id: world.B.communityId }] });

    const page2 = (await admin.get('/api/communities?pageSize=1&page=2')).json();
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.items).toHaveLength(1);
    const past = (await admin.get('/api/communities?pageSize=1&page=3')).json();
    expect(past).toMatchObject({ total: 2, items: [] });
  });

  it('refuses a page size over 200, naming it', async () => {
    const res = await admin.get('/api/communities?pageSize=201');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('pageSize');
  });
});

describe('community sub-resources', () => {
  it('lists compounds with counts and the current property company, searchable', async () => {
    const body = (await staffA.get(`/api/communities/${world.A.communityId}/compounds`)).json();
    expect(body.total).toBe(2);
    const [c1, c2] = [world.A.compounds.compound1.id, world.A.compounds.compound2.id].map((id) => body.items.find((c: { id: string }) => c.id === id));
    expect(c1).toMatchObject({ buildings: 2, units: 5, propertyCompany: { id: world.A.company.id, name: 'A Property Services' } });
    // B's company only held an expired contract for compound 2
    expect(c2).toMatchObject({ buildings: 1, units: 1, propertyCompany: null });
    expect(c1.abilities).toEqual({ manage: true, importRoster: true, exportRoster: true, seePhones: true });

    const found = (await staffA.get(`/api/communities/${world.A.communityId}/compounds?q=court`)).json();
    expect(found).toMatchObject({ total: 1, items: [{ name: 'A2 Court' }] });
  });

  it('lists grids with their worker, branch and buildings', async () => {
    const body = (await staffA.get(`/api/communities/${world.A.communityId}/grids`)).json();
    expect(body.items).toEqual([
      expect.objectContaining({ name: 'A Grid 1', worker: { personId: world.A.people.worker1.id, name: 'A Worker 1' }, branch: expect.objectContaining({ name: 'A Branch 1' }), buildings: 1 }),
      expect.objectContaining({ name: 'A Grid 2', worker: expect.objectContaining({ name: 'A Worker 2' }), branch: expect.objectContaining({ name: 'A Branch 2' }), buildings: 2 }),
    ]);
  });

  it("shows the four parties' bodies", async () => {
    const body = (await staffA.get(`/api/communities/${world.A.communityId}/organisations`)).json();
    expect(body.partyOrganisation.name).toBe('A Party Committee');
    expect(body.partyOrganisation.gridBranches.map((b: { name: string }) => b.name)).toEqual(['A Branch 1', 'A Branch 2']);
    expect(body.partyOrganisation.gridBranches[0]).toMatchObject({ grid: { name: 'A Grid 1' }, members: [{ name: 'A Worker 1', role: 'secretary' }] });
    expect(body.residentsCommittee).toMatchObject({ name: "A Residents' Committee", termStart: '2021-01-01', termEnd: '2026-12-31' });
    expect(body.ownersCommittees).toEqual([
      expect.objectContaining({
        name: "A1 Owners' Committee",
        compound: { id: world.A.compounds.compound1.id, name: 'A1 Garden' },
        current: true,
        partyMembers: 1,
        members: [
          expect.objectContaining({ name: 'A Owner', role: 'chair', partyMember: true }),
          expect.objectContaining({ name: 'A Owner 2', role: 'member', partyMember: false }),
        ],
      }),
    ]);
    const companies = Object.fromEntries(body.propertyCompanies.map((c: { name: string; contracts: unknown[] }) => [c.name, c.contracts]));
    expect(companies['A Property Services']).toEqual([expect.objectContaining({ compound: expect.objectContaining({ name: 'A1 Garden' }), current: true, endsOn: null })]);
    expect(companies['B Property Services']).toEqual([expect.objectContaining({ compound: expect.objectContaining({ name: 'A2 Court' }), current: false, endsOn: '2019-12-31' })]);
  });
});
