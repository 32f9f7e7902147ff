import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginStaff, type TestApp } from '../support/app.ts';
import { buildTwoCommunityWorld, ownerCookie, type CommunityWorld, type TwoCommunityWorld } from '../support/factories.ts';

// The isolation matrix: every role of community A × every registry endpoint × an object in A
// and its counterpart in B. Allowed reads answer 200, objects outside scope 404 (as if missing),
// visible objects the role may not change 403, and staff-only lists 403 for owners. Lists hold
// only in-scope rows, and phones are shown in full only where the policy says.

const roles = ['district', 'streetA', 'staffA', 'gridA', 'committeeA1', 'propertyA1', 'ownerA1'] as const;
type RoleName = (typeof roles)[number];

let t: TestApp;
let world: TwoCommunityWorld;
const cookies = {} as Record<RoleName, string>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildTwoCommunityWorld(t.app.db);
  const login = (u: { username: string; password: string }) => loginStaff(t.app, u.username, u.password);
  cookies.district = await login(world.districtAdmin);
  cookies.streetA = await login(world.A.users.streetAdmin);
  cookies.staffA = await login(world.A.users.communityStaff);
  cookies.gridA = await login(world.A.users.gridWorker);
  cookies.committeeA1 = await login(world.A.users.committee);
  cookies.propertyA1 = await login(world.A.users.propertyStaff);
  cookies.ownerA1 = await ownerCookie(t.app.db, world.A.people.owner.phone!);
});
afterAll(() => t.close());

const send = (app: FastifyInstance, role: RoleName, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, payload, headers: { cookie: cookies[role] } });

/** An endpoint on one object of a community world; `payload` for writes. */
interface Case {
  name: string;
  method: 'GET' | 'PUT' | 'POST';
  url: (w: CommunityWorld) => string;
  payload?: object;
  /** expected status per role for A's object, in the order of `roles` */
  inA: number[];
}

// A dated change before the current owners' since: whoever may act gets a 400 from the rules,
// so the matrix proves the permission without changing anything.
const ruleBreakingChange = { date: '2000-01-01', owners: [{ name: 'Nobody' }] };

const cases: Case[] = [
  //                                                                              district streetA staffA gridA committeeA1 propertyA1 ownerA1
  { name: 'community', method: 'GET', url: (w) => `/api/communities/${w.communityId}`, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'community compounds', method: 'GET', url: (w) => `/api/communities/${w.communityId}/compounds`, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'community grids', method: 'GET', url: (w) => `/api/communities/${w.communityId}/grids`, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'community organisations', method: 'GET', url: (w) => `/api/communities/${w.communityId}/organisations`, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'record figures', method: 'PUT', url: (w) => `/api/communities/${w.communityId}/figures`, payload: { socialWorkersRecorded: 7 }, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'compound 1', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound1.id}`, inA: [200, 200, 200, 200, 200, 200, 404] },
  { name: 'compound 1 buildings', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound1.id}/buildings`, inA: [200, 200, 200, 200, 200, 200, 404] },
  { name: 'compound 1 units', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound1.id}/units`, inA: [200, 200, 200, 200, 200, 200, 404] },
  { name: 'compound 1 owners', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound1.id}/owners`, inA: [200, 200, 200, 200, 200, 200, 404] },
  { name: 'compound 1 residents', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound1.id}/residents`, inA: [200, 200, 200, 200, 200, 200, 404] },
  // compound 2: only in grid 2, no committee, and only an expired contract (of B's company)
  { name: 'compound 2', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound2.id}`, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'compound 2 units', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound2.id}/units`, inA: [200, 200, 200, 404, 404, 404, 404] },
  { name: 'unit 101 (grid 1, the owner’s)', method: 'GET', url: (w) => `/api/units/${w.units.u101.id}`, inA: [200, 200, 200, 200, 200, 200, 200] },
  { name: 'unit 201 (grid 2)', method: 'GET', url: (w) => `/api/units/${w.units.u201.id}`, inA: [200, 200, 200, 404, 200, 200, 404] },
  { name: 'export roster of compound 1', method: 'GET', url: (w) => `/api/compounds/${w.compounds.compound1.id}/roster.xlsx`, inA: [200, 200, 200, 403, 403, 200, 404] },
  // not multipart: whoever may import gets the upload's 400, so nothing is imported
  { name: 'import roster of compound 1', method: 'POST', url: (w) => `/api/compounds/${w.compounds.compound1.id}/roster-imports`, payload: {}, inA: [400, 400, 400, 403, 403, 400, 404] },
  { name: 'change ownership of 101', method: 'POST', url: (w) => `/api/units/${w.units.u101.id}/ownership-change`, payload: ruleBreakingChange, inA: [400, 400, 400, 403, 403, 403, 403] },
];

describe.each(cases)('$method $name', (c) => {
  it.each(roles.map((role, i) => [role, c.inA[i]] as const))('%s: A → %i', async (role, expected) => {
    const res = await send(t.app, role, c.method, c.url(world.A), c.payload);
    expect(res.statusCode, res.body).toBe(expected);
    if (expected === 404) expect(res.json().error.code).toBe('not_found');
  });

  // B's counterpart: only the district admin reaches it, exactly as in A
  it.each(roles.map((role) => [role, role === 'district' ? c.inA[0] : 404] as const))('%s: B → %i', async (role, expected) => {
    const res = await send(t.app, role, c.method, c.url(world.B), c.payload);
    expect(res.statusCode, res.body).toBe(expected);
  });
});

describe('actor-wide endpoints', () => {
  const cases: [string, number[]][] = [
    //                 district streetA staffA gridA committeeA1 propertyA1 ownerA1
    ['/api/places', [200, 200, 200, 200, 200, 200, 403]],
    ['/api/communities', [200, 200, 200, 200, 200, 200, 403]],
    ['/api/my/units', [403, 403, 403, 403, 403, 403, 200]],
  ];
  it.each(cases.flatMap(([url, codes]) => roles.map((role, i) => [url, role, codes[i]] as const)))('GET %s as %s → %i', async (url, role, expected) => {
    expect((await send(t.app, role, 'GET', url)).statusCode).toBe(expected);
  });
});

// ——— list contents ———

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe('lists hold only in-scope rows', () => {
  it.each([
    ['district', ['A', 'B'], [true, true]],
    ['streetA', ['A'], [true]],
    ['staffA', ['A'], [true]],
    // compound-level roles find their community in the tree, unreadable, with only their compound
    ['gridA', ['A'], [false]],
    ['committeeA1', ['A'], [false]],
    ['propertyA1', ['A'], [false]],
  ] as const)('places for %s: communities %j, readable %j', async (role, tags, readable) => {
    const tree = (await send(t.app, role, 'GET', '/api/places')).json();
    const nodes = tree.districts.flatMap((d: { streets: { communities: unknown[] }[] }) => d.streets.flatMap((s) => s.communities));
    const readByCommunity = Object.fromEntries(nodes.map((n: { id: string; abilities: { read: boolean } }) => [n.id, n.abilities.read]));
    expect(readByCommunity).toEqual(Object.fromEntries(tags.map((tag, i) => [world[tag].communityId, readable[i]])));
    if (role === 'committeeA1' || role === 'propertyA1') expect(ids(nodes[0].compounds)).toEqual([world.A.compounds.compound1.id]);
    if (role === 'gridA') expect(ids(nodes[0].compounds)).toEqual([world.A.compounds.compound1.id]);
  });

  it.each([
    ['district', ['A', 'B']],
    ['streetA', ['A']],
    ['staffA', ['A']],
    ['gridA', []],
    ['committeeA1', []],
    ['propertyA1', []],
  ] as const)('communities for %s: %j', async (role, tags) => {
    const body = (await send(t.app, role, 'GET', '/api/communities')).json();
    expect(ids(body.items)).toEqual(tags.map((tag) => world[tag].communityId).sort());
    expect(body.total).toBe(tags.length);
  });

  const wholeCompound = ['district', 'streetA', 'staffA', 'committeeA1', 'propertyA1'] as const;
  it.each(wholeCompound)('%s sees every unit, owner, resident and building of compound 1', async (role) => {
    const base = `/api/compounds/${world.A.compounds.compound1.id}`;
    expect((await send(t.app, role, 'GET', `${base}/units`)).json().total).toBe(5);
    expect((await send(t.app, role, 'GET', `${base}/owners`)).json().total).toBe(5);
    expect((await send(t.app, role, 'GET', `${base}/residents`)).json().total).toBe(2);
    expect((await send(t.app, role, 'GET', `${base}/buildings`)).json().items).toHaveLength(2);
  });

  it('the grid worker sees only the units, owners, residents and buildings of their grid', async () => {
    const base = `/api/compounds/${world.A.compounds.compound1.id}`;
    const units = (await send(t.app, 'gridA', 'GET', `${base}/units`)).json();
    expect(units.items.map((u: { number: string }) => u.number)).toEqual(['101', '102', '103']);
    const owners = (await send(t.app, 'gridA', 'GET', `${base}/owners`)).json();
    expect(owners.items.map((o: { name: string }) => o.name)).toEqual(['A Co-owner', 'A Developer', 'A Owner', 'A Owner 2']);
    // the owner's parking space lies in grid 2, so it is not listed
    expect(owners.items.find((o: { name: string }) => o.name === 'A Owner').units.map((u: { number: string }) => u.number)).toEqual(['101']);
    const residents = (await send(t.app, 'gridA', 'GET', `${base}/residents`)).json();
    expect(residents.items.map((r: { name: string }) => r.name)).toEqual(['A Owner']);
    const buildings = (await send(t.app, 'gridA', 'GET', `${base}/buildings`)).json();
    expect(ids(buildings.items)).toEqual([world.A.buildings.building11.id]);
  });

  it('an owner lists only their own units', async () => {
    const body = (await send(t.app, 'ownerA1', 'GET', '/api/my/units')).json();
    expect(ids(body.items)).toEqual([world.A.units.u101.id, world.A.units.p01.id].sort());
  });

  it("B's property staff, whose contract for A's compound 2 has ended, reach nothing in A", async () => {
    const cookie = await loginStaff(t.app, world.B.users.propertyStaff.username, world.B.users.propertyStaff.password);
    const res = await t.app.inject({ url: `/api/compounds/${world.A.compounds.compound2.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    const mine = await t.app.inject({ url: `/api/compounds/${world.B.compounds.compound1.id}`, headers: { cookie } });
    expect(mine.statusCode).toBe(200);
  });
});

// ——— phones ———

describe('phones are full only where the policy allows', () => {
  //              district streetA staffA gridA committeeA1 propertyA1 ownerA1
  const full = [false, false, true, true, false, true, false];
  const masked = /^\d{3}\*{4}\d{4}$/;

  it.each(roles.map((role, i) => [role, full[i]] as const))('%s sees full phones: %s', async (role, seesFull) => {
    const owner = world.A.people.owner;
    const expectedPhone = seesFull ? owner.phone : expect.stringMatching(masked);
    const unit = (await send(t.app, role, 'GET', `/api/units/${world.A.units.u101.id}`)).json();
    expect(unit.abilities.seePhones).toBe(seesFull);
    expect(unit.owners.find((o: { personId: string }) => o.personId === owner.id).phone).toEqual(expectedPhone);
    expect(unit.residents[0].phone).toEqual(expectedPhone);
    // staff may tell people apart by the last ID characters; an owner does not see their co-owner's
    const coOwner = unit.owners.find((o: { personId: string }) => o.personId === world.A.people.coOwner.id);
    expect(coOwner.idLast4).toBe(role === 'ownerA1' ? null : world.A.people.coOwner.idLast4);
    if (role === 'ownerA1') return;
    const base = `/api/compounds/${world.A.compounds.compound1.id}`;
    expect((await send(t.app, role, 'GET', base)).json().abilities.seePhones).toBe(seesFull);
    const owners = (await send(t.app, role, 'GET', `${base}/owners`)).json();
    expect(owners.items.find((o: { personId: string }) => o.personId === owner.id).phone).toEqual(expectedPhone);
    const residents = (await send(t.app, role, 'GET', `${base}/residents`)).json();
    expect(residents.items.find((r: { personId: string }) => r.personId === owner.id).phone).toEqual(expectedPhone);
  });
});

describe('abilities on compound 1 follow the policy', () => {
  //                     district streetA staffA gridA committeeA1 propertyA1
  const table: [RoleName, { manage: boolean; importRoster: boolean; exportRoster: boolean }][] = [
    ['district', { manage: true, importRoster: true, exportRoster: true }],
    ['streetA', { manage: true, importRoster: true, exportRoster: true }],
    ['staffA', { manage: true, importRoster: true, exportRoster: true }],
    ['gridA', { manage: false, importRoster: false, exportRoster: false }],
    ['committeeA1', { manage: false, importRoster: false, exportRoster: false }],
    ['propertyA1', { manage: false, importRoster: true, exportRoster: true }],
  ];
  it.each(table)('%s: %j', async (role, expected) => {
    const body = (await send(t.app, role, 'GET', `/api/compounds/${world.A.compounds.compound1.id}`)).json();
    expect(body.abilities).toMatchObject(expected);
  });
});
