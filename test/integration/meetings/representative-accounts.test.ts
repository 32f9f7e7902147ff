import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepresentativeAccount } from '../../../src/contracts/meetings.ts';
import { STAFF_PASSWORD, type StaffLogin } from '../../support/factories.ts';
import { as, asOwner, client, meetingsWorld, type Client, type MeetingsWorld } from './world.ts';

// Looking up the staff account to link to a representative: only accounts working in the
// meeting's community (never another community's staff, never street or district admins), with
// the parties each may sit for at this kind of meeting; for those who invite, 403 for others who
// read the meeting, 404 for those who do not.

let w: MeetingsWorld;
let organiser: Client;
let jointId: string;
let committeeMeetingId: string;
let bJointId: string;

type List = { items: RepresentativeAccount[]; total: number };
const lookUp = async (c: Client, meetingId: string, query = '') => {
  const res = await c.get(`/api/meetings/${meetingId}/representative-accounts${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as List;
};
const ids = (list: List) => list.items.map((i) => i.userId);
const userIdsOf = (...logins: StaffLogin[]) => logins.map((l) => l.userId);

beforeAll(async () => {
  w = await meetingsWorld();
  organiser = await as(w.app, w.organiser);
  const meeting = (c: Client, communityId: string, body: Record<string, unknown>) =>
    c.post(`/api/communities/${communityId}/meetings`, { title: '会议', scheduledAt: '2026-03-03T06:00:00Z', ...body }).then((r) => {
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    });
  jointId = await meeting(organiser, w.communityId, { kind: 'joint' });
  committeeMeetingId = await meeting(await as(w.app, w.members[0].login), w.communityId, { kind: 'owners_committee', compoundId: w.compoundId });
  bJointId = await meeting(await as(w.app, w.world.B.users.communityStaff), w.world.B.communityId, { kind: 'joint' });
});
afterAll(() => w.t.close());

describe('the staff account look-up for representatives', () => {
  it("lists every account working in the community with the parties it may sit for, the organiser's own first", async () => {
    const A = w.world.A;
    const list = await lookUp(organiser, jointId, '?limit=50');
    const expected = userIdsOf(
      w.organiser, w.party.login, w.party2.login, w.residents.login, w.property.login, ...w.members.map((m) => m.login),
      A.users.gridWorker, A.users.committee, A.users.propertyStaff,
    );
    expect(new Set(ids(list))).toEqual(new Set(expected));
    expect(list.total).toBe(expected.length);
    expect(list.items[0]).toMatchObject({ userId: w.organiser.userId, isYou: true, parties: ['residents_committee', 'party_org'], linkedRepresentativeId: null });
    const byId = new Map(list.items.map((i) => [i.userId, i]));
    expect(byId.get(w.property.login.userId)).toMatchObject({ parties: ['property_company'], company: { id: w.companyId, name: 'A Property Services' }, roles: [{ role: 'property_staff', scopeName: 'A Property Services' }] });
    expect(byId.get(A.users.gridWorker.userId)).toMatchObject({ parties: ['party_org'], roles: [{ role: 'grid_worker' }] });
    expect(byId.get(A.users.committee.userId)).toMatchObject({ parties: ['owners_committee'], company: null, person: null });
  });

  it("never lists another community's staff, nor street and district admins", async () => {
    const A = w.world.A;
    const B = w.world.B;
    const outsiders = userIdsOf(B.users.communityStaff, B.users.gridWorker, B.users.committee, B.users.propertyStaff, B.users.streetAdmin, A.users.streetAdmin, w.world.districtAdmin);
    const inA = ids(await lookUp(organiser, jointId, '?limit=50'));
    for (const id of outsiders) expect(inA).not.toContain(id);
    // and the same from B's side: B's own staff, none of A's
    const inB = ids(await lookUp(await as(w.app, B.users.communityStaff), bJointId, '?limit=50'));
    expect(new Set(inB)).toEqual(new Set(userIdsOf(B.users.communityStaff, B.users.gridWorker, B.users.committee, B.users.propertyStaff)));
    // searching for a B account by its exact username from A finds nothing
    expect((await lookUp(organiser, jointId, `?q=${B.users.communityStaff.username}`)).items).toEqual([]);
  });

  it('searches by username or name, case-insensitively, and cuts the list at the limit', async () => {
    const found = await lookUp(organiser, jointId, `?q=${w.property.login.username.toUpperCase()}`);
    expect(ids(found)).toEqual([w.property.login.userId]);
    const cut = await lookUp(organiser, jointId, '?limit=2');
    expect(cut.items).toHaveLength(2);
    expect(cut.total).toBeGreaterThan(2);
    const bad = await organiser.get(`/api/meetings/${jointId}/representative-accounts?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('limit');
  });

  it("names the account's registry person (same phone) and puts that person's body first", async () => {
    const admin = await as(w.app, w.world.districtAdmin);
    const created = await admin.post('/api/users', {
      username: 'a-secretary', displayName: '甲书记', password: STAFF_PASSWORD, phone: w.party.person.phone,
      grants: [{ role: 'community_staff', scopeId: w.communityId }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [secretary] = (await lookUp(organiser, jointId, '?q=甲书记')).items;
    expect(secretary).toMatchObject({ userId: created.json().id, person: { id: w.party.person.id, name: 'A Secretary' }, parties: ['party_org', 'residents_committee'] });
  });

  it("refuses to link another community's account, or a street admin's, to a representative", async () => {
    for (const outsider of [w.world.B.users.communityStaff, w.world.A.users.streetAdmin]) {
      const res = await organiser.post(`/api/meetings/${jointId}/representatives`, { party: 'residents_committee', personId: w.residents.person.id, userId: outsider.userId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ path: 'userId', message: expect.stringContaining('does not work in this community') });
    }
  });

  it('marks an account already linked to a representative, and leaves out disabled accounts', async () => {
    const invited = await organiser.post(`/api/meetings/${jointId}/representatives`, { party: 'residents_committee', personId: w.residents.person.id, userId: w.residents.login.userId });
    expect(invited.statusCode, invited.body).toBe(201);
    const repId = invited.json().representatives.find((r: { userId: string | null }) => r.userId === w.residents.login.userId).id;
    const [linked] = (await lookUp(organiser, jointId, `?q=${w.residents.login.username}`)).items;
    expect(linked.linkedRepresentativeId).toBe(repId);

    const admin = await as(w.app, w.world.districtAdmin);
    expect((await admin.post(`/api/users/${w.party2.login.userId}/disable`)).statusCode).toBe(200);
    expect(ids(await lookUp(organiser, jointId, '?limit=50'))).not.toContain(w.party2.login.userId);
  });

  it("at an owners' committee meeting lists only that compound's committee accounts", async () => {
    const chair = await as(w.app, w.members[0].login);
    const list = await lookUp(chair, committeeMeetingId, '?limit=50');
    expect(new Set(ids(list))).toEqual(new Set(userIdsOf(...w.members.map((m) => m.login), w.world.A.users.committee)));
    expect(list.items.every((i) => i.parties.length === 1 && i.parties[0] === 'owners_committee')).toBe(true);
    expect(list.items[0]).toMatchObject({ userId: w.members[0].login.userId, isYou: true });
  });

  it('is for those who invite: 403 for other readers of the meeting, 404 for those who cannot read it, 401 without login', async () => {
    const A = w.world.A;
    const url = (id: string) => `/api/meetings/${id}/representative-accounts`;
    for (const overseer of [A.users.streetAdmin, w.world.districtAdmin]) {
      expect((await (await as(w.app, overseer)).get(url(jointId))).statusCode).toBe(200);
    }
    for (const reader of [A.users.propertyStaff, A.users.gridWorker, A.users.committee]) {
      const res = await (await as(w.app, reader)).get(url(jointId));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.details).toMatchObject({ reason: 'not_organiser' });
    }
    // community staff read the committee's meeting but do not organise it
    expect((await organiser.get(url(committeeMeetingId))).statusCode).toBe(403);
    for (const outsider of [w.world.B.users.communityStaff, w.world.B.users.streetAdmin]) {
      const res = await (await as(w.app, outsider)).get(url(jointId));
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await (await as(w.app, A.users.communityStaff)).get(url(bJointId))).statusCode).toBe(404);
    expect((await (await asOwner(w.app, w.db, A.people.owner.phone!)).get(url(jointId))).statusCode).toBe(404);
    expect((await client(w.app, '').get(url(jointId))).statusCode).toBe(401);
  });
});
