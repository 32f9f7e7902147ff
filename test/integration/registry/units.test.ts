import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/app.ts';
import { buildUnit, own, ownerCookie, type TwoCommunityWorld } from '../../support/factories.ts';
import { todayInChina } from '../../../src/server/modules/registry/index.ts';
import { client, login, worldApp, type Client } from './world-app.ts';

let t: TestApp;
let world: TwoCommunityWorld;
let staffA: Client;

beforeAll(async () => {
  const setup = await worldApp();
  t = setup.t;
  world = setup.world;
  staffA = client(t.app, await login(t.app, world.A.users.communityStaff));
});
afterAll(() => t.close());

const ownershipEvents = async (unitId: string) =>
  (await staffA.get(`/api/audit/events?communityId=${world.A.communityId}&kind=registry.ownership_changed&objectId=${unitId}`)).json().items;

describe('GET /api/units/:id', () => {
  it('shows areas, owners with the voter, residents and history', async () => {
    const res = await staffA.get(`/api/units/${world.A.units.u101.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      number: '101',
      community: { id: world.A.communityId, name: 'Community A' },
      compound: { id: world.A.compounds.compound1.id, name: 'A1 Garden' },
      building: { id: world.A.buildings.building11.id, name: '1', gridId: world.A.grids.grid1.id },
      areas: { registered: '88.50', surveyed: null, contract: null },
      votingArea: '88.50',
      votingAreaSource: 'registered',
      abilities: { changeOwnership: true, seePhones: true },
    });
    expect(body.owners.map((o: { name: string; isVoter: boolean }) => [o.name, o.isVoter])).toEqual([['A Owner', true], ['A Co-owner', false]]);
    expect(body.owners[0]).toMatchObject({ phone: world.A.people.owner.phone, since: '2020-01-01' });
    expect(body.residents).toEqual([expect.objectContaining({ name: 'A Owner', relation: 'owner' })]);
    expect(body.history).toHaveLength(2);
  });
});

describe('POST /api/units/:id/ownership-change', () => {
  it('closes the current rows on the date and opens new ones with one voter; audited', async () => {
    const unit = world.A.units.u102;
    const res = await staffA.post(`/api/units/${unit.id}/ownership-change`, {
      date: '2024-05-01',
      owners: [{ name: 'New Buyer', phone: '13700001111' }, { personId: world.A.people.owner3.id, isVoter: true }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.owners.map((o: { name: string; isVoter: boolean; since: string }) => [o.name, o.isVoter, o.since]).sort()).toEqual([
      ['A Owner 3', true, '2024-05-01'],
      ['New Buyer', false, '2024-05-01'],
    ]);
    expect(body.history.find((h: { name: string }) => h.name === 'A Owner 2')).toMatchObject({ since: '2020-01-01', until: '2024-05-01' });

    const [event] = await ownershipEvents(unit.id);
    expect(event).toMatchObject({
      objectType: 'unit',
      before: { holderStatus: 'owned', owners: [{ personId: world.A.people.owner2.id, name: 'A Owner 2', isVoter: true, since: '2020-01-01' }] },
      after: { date: '2024-05-01', holderStatus: 'owned' },
    });
    expect(event.after.owners).toHaveLength(2);

    // the list shows the new owners, the voter first
    const list = (await staffA.get(`/api/compounds/${world.A.compounds.compound1.id}/units?q=102`)).json();
    expect(list.items[0]).toMatchObject({ ownerNames: ['A Owner 3', 'New Buyer'], ownerCount: 2 });
  });

  it('makes a single owner the voter and can set the holder status when the developer sells', async () => {
    const res = await staffA.post(`/api/units/${world.A.units.u103.id}/ownership-change`, {
      date: '2024-06-01',
      owners: [{ personId: world.A.people.owner4.id }],
      holderStatus: 'owned',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ holderStatus: 'owned', owners: [{ name: 'A Owner 4', isVoter: true }] });
  });

  const rules: [string, (ids: { unit: string; other: string; foreign: string }) => unknown, string][] = [
    ['a date before the current since', () => ({ date: '2019-12-31', owners: [{ name: 'X' }] }), 'date: 2019-12-31 is before the current ownership began (2020-01-01)'],
    ['a date in the future', () => ({ date: '2999-01-01', owners: [{ name: 'X' }] }), 'date: 2999-01-01 is in the future'],
    ['no owner', () => ({ date: '2024-01-01', owners: [] }), 'owners'],
    ['co-owners without a voter', () => ({ date: '2024-01-01', owners: [{ name: 'X' }, { name: 'Y' }] }), 'owners: 2 co-owners need exactly one named voter'],
    ['two voters', () => ({ date: '2024-01-01', owners: [{ name: 'X', isVoter: true }, { name: 'Y', isVoter: true }] }), '2 given'],
    ['the same person twice', (i) => ({ date: '2024-01-01', owners: [{ personId: i.other, isVoter: true }, { personId: i.other }] }), 'owners.1.personId: the same person as owners.0'],
    ['a person of another community', (i) => ({ date: '2024-01-01', owners: [{ personId: i.foreign }] }), 'owners.0.personId: no person'],
    ['an owner with neither personId nor name', () => ({ date: '2024-01-01', owners: [{ isVoter: true }] }), 'owners'],
    ['a malformed date', () => ({ date: '2024-13-01', owners: [{ name: 'X' }] }), 'date'],
    ['a bad phone', () => ({ date: '2024-01-01', owners: [{ name: 'X', phone: '123' }] }), 'body.owners.0.phone: must be an 11-digit'],
  ];
  it.each(rules)('refuses %s, naming the field, and records nothing', async (_label, payload, message) => {
    const unit = world.A.units.u201;
    const res = await staffA.post(`/api/units/${unit.id}/ownership-change`, payload({
      unit: unit.id, other: world.A.people.owner2.id, foreign: world.B.people.owner.id,
    }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toContain(message);
    expect(await ownershipEvents(unit.id)).toHaveLength(0);
    expect((await staffA.get(`/api/units/${unit.id}`)).json().owners).toEqual([expect.objectContaining({ name: 'A Owner 3' })]);
  });

  it('accepts a change dated today and on the day the current ownership began', async () => {
    const unit = await buildUnit(t.app.db, { compound: world.A.compounds.compound2, building: world.A.buildings.building21 });
    await own(t.app.db, unit, world.A.people.owner4, { since: '2023-03-03' });
    const sameDay = await staffA.post(`/api/units/${unit.id}/ownership-change`, { date: '2023-03-03', owners: [{ personId: world.A.people.owner3.id }] });
    expect(sameDay.statusCode).toBe(200);
    const today = await staffA.post(`/api/units/${unit.id}/ownership-change`, { date: todayInChina(), owners: [{ personId: world.A.people.owner4.id }] });
    expect(today.statusCode).toBe(200);
    expect(today.json().history.map((h: { name: string; until: string | null }) => [h.name, h.until])).toEqual([
      ['A Owner 4', null],
      ['A Owner 3', todayInChina()],
      ['A Owner 4', '2023-03-03'],
    ]);
  });
});

describe('GET /api/my/units', () => {
  it("lists an owner's units with co-owners, and a resident's home", async () => {
    const owner = client(t.app, await ownerCookie(t.app.db, world.A.people.owner.phone!));
    const body = (await owner.get('/api/my/units')).json();
    expect(body.items.map((u: { number: string }) => u.number).sort()).toEqual(['101', 'P01']);
    const u101 = body.items.find((u: { number: string }) => u.number === '101');
    expect(u101).toMatchObject({
      relation: 'owner',
      compound: { name: 'A1 Garden' },
      buildingName: '1',
      votingArea: '88.50',
      coOwners: [{ name: 'A Owner', isVoter: true, isMe: true }, { name: 'A Co-owner', isVoter: false, isMe: false }],
    });

    const tenant = client(t.app, await ownerCookie(t.app.db, world.A.people.tenant.phone!));
    expect((await tenant.get('/api/my/units')).json().items).toEqual([expect.objectContaining({ number: '201', relation: 'resident' })]);
  });

  it('is for owners only', async () => {
    expect((await staffA.get('/api/my/units')).statusCode).toBe(403);
    expect((await t.app.inject('/api/my/units')).statusCode).toBe(401);
  });
});
