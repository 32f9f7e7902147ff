import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app.ts';
import { buildBuilding, buildCompound, buildUnit, type TwoCommunityWorld } from '../../support/factories.ts';
import { client, login, worldApp, type Client } from './world-app.ts';

let t: TestApp;
let world: TwoCommunityWorld;
let staffA: Client;
let admin: Client;
let c1: string;

beforeAll(async () => {
  const setup = await worldApp();
  t = setup.t;
  world = setup.world;
  staffA = client(t.app, await login(t.app, world.A.users.communityStaff));
  admin = client(t.app, await login(t.app, world.districtAdmin));
  c1 = world.A.compounds.compound1.id;
});
afterAll(() => t.close());

const numbers = (body: { items: { buildingName: string; number: string }[] }) => body.items.map((u) => `${u.buildingName}-${u.number}`);

describe('GET /api/compounds/:id', () => {
  it('shows counts, the sitting owners committee, the current contract and abilities', async () => {
    const res = await staffA.get(`/api/compounds/${c1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'A1 Garden', community: { id: world.A.communityId, name: 'Community A' }, parkingInVotingArea: false });
    expect(body.counts).toEqual({ buildings: 2, units: 5, residential: 4, commercial: 0, parking: 1, owners: 5, residents: 2 });
    expect(body.ownersCommittee).toMatchObject({ name: "A1 Owners' Committee", current: true, partyMembers: 1 });
    expect(body.ownersCommittee.members).toHaveLength(2);
    expect(body.propertyContract).toMatchObject({ company: { id: world.A.company.id, name: 'A Property Services' }, startsOn: '2022-01-01', endsOn: null });
    expect(body.abilities).toEqual({ manage: true, importRoster: true, exportRoster: true, seePhones: true });
  });

  it('has no contract where the only one has ended', async () => {
    const body = (await staffA.get(`/api/compounds/${world.A.compounds.compound2.id}`)).json();
    expect(body.propertyContract).toBeNull();
    expect(body.ownersCommittee).toBeNull();
  });
});

describe('GET /api/compounds/:id/buildings', () => {
  it('lists buildings with grid and unit count', async () => {
    const body = (await staffA.get(`/api/compounds/${c1}/buildings`)).json();
    expect(body.items).toEqual([
      { id: world.A.buildings.building11.id, name: '1', grid: { id: world.A.grids.grid1.id, name: 'A Grid 1' }, units: 3 },
      { id: world.A.buildings.building12.id, name: '2', grid: { id: world.A.grids.grid2.id, name: 'A Grid 2' }, units: 2 },
    ]);
  });
});

describe('GET /api/compounds/:id/units', () => {
  it('lists units by building and number with areas per source, the voting area and owners', async () => {
    const body = (await staffA.get(`/api/compounds/${c1}/units`)).json();
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(numbers(body)).toEqual(['1-101', '1-102', '1-103', '2-201', '2-P01']);
    const [u101, u102, u103, u201] = body.items;
    expect(u101).toEqual({
      id: world.A.units.u101.id,
      buildingId: world.A.buildings.building11.id,
      buildingName: '1',
      number: '101',
      use: 'residential',
      holderStatus: 'owned',
      areas: { registered: '88.50', surveyed: null, contract: null },
      votingArea: '88.50',
      votingAreaSource: 'registered',
      // the voter first
      ownerNames: ['A Owner', 'A Co-owner'],
      ownerCount: 2,
      abilities: { changeOwnership: true },
    });
    expect(u102).toMatchObject({ areas: { registered: null, surveyed: '90.00', contract: '91.00' }, votingArea: '90.00', votingAreaSource: 'surveyed' });
    expect(u103).toMatchObject({ holderStatus: 'developer_unsold', ownerNames: ['A Developer'], ownerCount: 1 });
    expect(u201).toMatchObject({ votingArea: '120.00', votingAreaSource: 'contract' });
  });

  it('filters by building, use and number, and pages', async () => {
    const base = `/api/compounds/${c1}/units`;
    expect(numbers((await staffA.get(`${base}?buildingId=${world.A.buildings.building12.id}`)).json())).toEqual(['2-201', '2-P01']);
    expect(numbers((await staffA.get(`${base}?use=parking`)).json())).toEqual(['2-P01']);
    expect(numbers((await staffA.get(`${base}?q=10`)).json())).toEqual(['1-101', '1-102', '1-103']);
    const page2 = (await staffA.get(`${base}?pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(numbers(page2)).toEqual(['1-103', '2-201']);
    const past = (await staffA.get(`${base}?pageSize=2&page=9`)).json();
    expect(past).toMatchObject({ total: 5, items: [] });
    // % and _ are matched literally, not as wildcards
    expect((await staffA.get(`${base}?q=${encodeURIComponent('1_1')}`)).json().total).toBe(0);
  });

  it('orders buildings and numbers naturally: 2 before 10', async () => {
    const compound = await buildCompound(t.app.db, { communityId: world.A.communityId });
    const b10 = await buildBuilding(t.app.db, { compound, name: '10' });
    const b9 = await buildBuilding(t.app.db, { compound, name: '9' });
    for (const [building, number] of [[b10, '1001'], [b10, '301'], [b9, '12'], [b9, '2']] as const) {
      await buildUnit(t.app.db, { compound, building, number });
    }
    expect(numbers((await staffA.get(`/api/compounds/${compound.id}/units`)).json())).toEqual(['9-2', '9-12', '10-301', '10-1001']);
  });

  it.each([
    ['use=garage', 'use'],
    ['buildingId=nope', 'buildingId'],
    ['page=0', 'page'],
  ])('refuses %s, naming the field', async (query, field) => {
    const res = await staffA.get(`/api/compounds/${c1}/units?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(field);
  });
});

describe('GET /api/compounds/:id/owners', () => {
  it('lists current owners by name with their units and full phones for community staff', async () => {
    const body = (await staffA.get(`/api/compounds/${c1}/owners`)).json();
    expect(body.total).toBe(5);
    expect(body.items.map((o: { name: string }) => o.name)).toEqual(['A Co-owner', 'A Developer', 'A Owner', 'A Owner 2', 'A Owner 3']);
    const owner = body.items.find((o: { name: string }) => o.name === 'A Owner');
    expect(owner).toMatchObject({ personId: world.A.people.owner.id, phone: world.A.people.owner.phone, idLast4: world.A.people.owner.idLast4 });
    expect(owner.units).toEqual([
      { id: world.A.units.u101.id, buildingName: '1', number: '101', isVoter: true },
      { id: world.A.units.p01.id, buildingName: '2', number: 'P01', isVoter: true },
    ]);
    expect(body.items.find((o: { name: string }) => o.name === 'A Developer')).toMatchObject({ isDeveloper: true, kind: 'organisation' });
  });

  it('searches by name, and by phone only where phones are shown', async () => {
    const phone = world.A.people.owner2.phone!;
    expect((await staffA.get(`/api/compounds/${c1}/owners?q=owner%202`)).json()).toMatchObject({ total: 1, items: [{ name: 'A Owner 2' }] });
    expect((await staffA.get(`/api/compounds/${c1}/owners?q=${phone.slice(3)}`)).json()).toMatchObject({ total: 1, items: [{ phone }] });
    const masked = (await admin.get(`/api/compounds/${c1}/owners?q=${phone.slice(3)}`)).json();
    expect(masked.total).toBe(0);
    const all = (await admin.get(`/api/compounds/${c1}/owners?pageSize=2`)).json();
    expect(all).toMatchObject({ total: 5, pageSize: 2 });
    expect(all.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

describe('GET /api/compounds/:id/residents', () => {
  it('lists current residents in unit order with relation and since', async () => {
    const body = (await staffA.get(`/api/compounds/${c1}/residents`)).json();
    expect(body.total).toBe(2);
    expect(body.items).toEqual([
      expect.objectContaining({ name: 'A Owner', relation: 'owner', since: '2020-01-01', unit: { id: world.A.units.u101.id, buildingName: '1', number: '101' }, phone: world.A.people.owner.phone }),
      expect.objectContaining({ name: 'A Tenant', relation: 'tenant', unit: expect.objectContaining({ number: '201' }) }),
    ]);
    expect((await staffA.get(`/api/compounds/${c1}/residents?q=tenant`)).json().total).toBe(1);
  });
});
