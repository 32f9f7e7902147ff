import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildCommunity, buildCompound, buildGrid, buildPerson, buildStaff, buildUnit, own } from '../../support/factories.ts';
import { client, draft, expectStatus, ownerClient, staffClient, votingWorld, type Client, type VotingWorld } from './world.ts';

// Who sees and does what on a vote: role × ability, and the same scope for lists. A vote outside
// the actor's scope answers 404, like a missing one; one they see but may not act on, 403.

const roles = ['committee', 'communityStaff', 'street', 'district', 'grid', 'property', 'otherStaff', 'owner', 'coOwnerNotVoter', 'outsiderOwner', 'anonymous'] as const;
type RoleName = (typeof roles)[number];

let w: VotingWorld;
const as = {} as Record<RoleName, Client>;
let announced: { id: string; questions: { id: string }[] };
let drafted: { id: string };

beforeAll(async () => {
  w = await votingWorld();
  const [community] = await w.t.database.query<{ district_id: string; street_id: string }>('select district_id, street_id from communities where id = $1', [w.communityId]);
  const grid = await buildGrid(w.db, { communityId: w.communityId });
  await buildBuilding(w.db, { compound: w.compound, gridId: grid.id, name: 'G' });
  const other = await buildCommunity(w.db, { streetId: community.street_id });
  const elsewhere = await buildUnit(w.db, { compound: await buildCompound(w.db, { communityId: other.id }) });
  const elsewhereOwner = await buildPerson(w.db, { communityId: other.id });
  await own(w.db, elsewhere, elsewhereOwner);

  as.committee = await staffClient(w, w.staff.committee);
  as.communityStaff = await staffClient(w, w.staff.communityStaff);
  as.street = await staffClient(w, w.staff.street);
  as.district = await staffClient(w, await buildStaff(w.db, { role: 'district_admin', scopeId: community.district_id }));
  as.grid = await staffClient(w, await buildStaff(w.db, { role: 'grid_worker', scopeId: grid.id }));
  as.property = await staffClient(w, w.staff.property);
  as.otherStaff = await staffClient(w, await buildStaff(w.db, { role: 'community_staff', scopeId: other.id }));
  as.owner = await ownerClient(w, w.soleOwners[0]);
  as.coOwnerNotVoter = await ownerClient(w, w.coOwned[0].owners[1]);
  as.outsiderOwner = await ownerClient(w, elsewhereOwner);
  as.anonymous = client(w.app, null);

  drafted = expectStatus(await as.committee.post('/api/votes', draft(w, { title: 'Drafted' })), 201);
  announced = expectStatus(await as.committee.post('/api/votes', draft(w, { title: 'Announced' })), 201);
  expectStatus(await as.committee.post(`/api/votes/${announced.id}/announce`), 200);
});
afterAll(() => w.t.close());

interface Case {
  name: string;
  method: 'GET' | 'POST';
  url: () => string;
  payload?: () => object;
  /** expected status per role, in the order of `roles` */
  expect: number[];
}

const cases: Case[] = [
  //                                                                        committee staff street district grid property other owner coOwner outsider anon
  { name: 'read a draft', method: 'GET', url: () => `/api/votes/${drafted.id}`, expect: [200, 200, 200, 200, 404, 404, 404, 404, 404, 404, 401] },
  { name: 'read an announced vote', method: 'GET', url: () => `/api/votes/${announced.id}`, expect: [200, 200, 200, 200, 404, 404, 404, 200, 200, 404, 401] },
  { name: 'see the roll', method: 'GET', url: () => `/api/votes/${announced.id}/roll`, expect: [200, 200, 200, 200, 404, 404, 404, 200, 200, 404, 401] },
  { name: 'see progress', method: 'GET', url: () => `/api/votes/${announced.id}/progress`, expect: [200, 200, 200, 200, 404, 404, 404, 403, 403, 404, 401] },
  { name: 'see proxies', method: 'GET', url: () => `/api/votes/${announced.id}/proxies`, expect: [200, 200, 403, 403, 404, 404, 404, 403, 403, 404, 401] },
  { name: 'see paper ballots', method: 'GET', url: () => `/api/votes/${announced.id}/paper-ballots`, expect: [200, 200, 403, 403, 404, 404, 404, 403, 403, 404, 401] },
  { name: 'results before the count', method: 'GET', url: () => `/api/votes/${announced.id}/results`, expect: [409, 409, 409, 409, 404, 404, 404, 409, 409, 404, 404] },
  { name: 'subjects before the count', method: 'GET', url: () => `/api/votes/${announced.id}/questions/${announced.questions[0].id}/subjects`, expect: [409, 409, 409, 409, 404, 404, 404, 409, 409, 404, 404] },
  { name: 'the public notice before publication', method: 'GET', url: () => `/api/public/votes/${announced.id}`, expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404] },
  { name: 'extend a draft (refused by the state table once permitted)', method: 'POST', url: () => `/api/votes/${drafted.id}/extend`, payload: () => ({ closesAt: '2026-06-01T00:00:00Z' }), expect: [409, 403, 403, 403, 404, 404, 404, 404, 404, 404, 401] },
  { name: 'announce an announced vote', method: 'POST', url: () => `/api/votes/${announced.id}/announce`, expect: [409, 403, 403, 403, 404, 404, 404, 403, 403, 404, 401] },
  { name: 'ask for a correction', method: 'POST', url: () => `/api/votes/${announced.id}/corrections`, payload: () => ({ unitId: w.units[5].id, text: 'check' }), expect: [403, 403, 403, 403, 404, 404, 404, 201, 201, 404, 401] },
  { name: 'voting settings', method: 'GET', url: () => `/api/compounds/${w.compound.id}/vote-settings`, expect: [200, 200, 200, 200, 403, 403, 404, 404, 404, 404, 401] },
];

describe('the voting policy matrix', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got: number[] = [];
      for (const role of roles) {
        const res = c.method === 'GET' ? await as[role].get(c.url()) : await as[role].post(c.url(), c.payload?.());
        got.push(res.statusCode);
      }
      expect(Object.fromEntries(roles.map((r, i) => [r, got[i]]))).toEqual(Object.fromEntries(roles.map((r, i) => [r, c.expect[i]])));
    });
  }

  it('filters lists by the same scope: owners never list drafts; other communities list nothing', async () => {
    const titles = async (role: RoleName) => expectStatus(await as[role].get(`/api/votes?compoundId=${w.compound.id}`), 200).items.map((v: { title: string }) => v.title).sort();
    expect(await titles('committee')).toEqual(['Announced', 'Drafted']);
    expect(await titles('district')).toEqual(['Announced', 'Drafted']);
    expect(await titles('owner')).toEqual(['Announced']);
    for (const role of ['grid', 'property', 'otherStaff', 'outsiderOwner'] as const) expect(await titles(role)).toEqual([]);
    const item = expectStatus(await as.owner.get('/api/votes'), 200).items[0];
    expect(item).toMatchObject({ title: 'Announced', questionCount: 1, abilities: { requestCorrection: true, announce: false, seeProgress: false } });
    expect(expectStatus(await as.owner.get('/api/votes?state=draft'), 200).items).toEqual([]);
  });
});
