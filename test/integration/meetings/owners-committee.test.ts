import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventsOf, expectOneEvent, meetingsWorld, type Client, type MeetingsWorld } from './world.ts';

// An owners' committee meeting of compound 1: its committee has four members. Quorum is MORE
// than half of the members (two is not enough), a decision needs more than half of ALL members
// (three of four, whoever came), and every member acts in person (no proxies).

let w: MeetingsWorld;
let chair: Client;
let meetingId: string;
let itemId: string;
const repOf: string[] = [];

beforeAll(async () => {
  w = await meetingsWorld();
  chair = await as(w.app, w.members[0].login);
});
afterAll(() => w.t.close());

const url = (path = '') => `/api/meetings/${meetingId}${path}`;
const member = (n: number) => as(w.app, w.members[n].login);

describe("an owners' committee meeting", () => {
  it('is convened by the compound\u2019s committee, counted against the committee\u2019s four members', async () => {
    const res = await chair.post(`/api/communities/${w.communityId}/meetings`, {
      kind: 'owners_committee', compoundId: w.compoundId, title: '业委会第5次会议', scheduledAt: '2026-03-01T11:00:00Z',
    });
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json()).toMatchObject({ kind: 'owners_committee', committeeSize: 4, compound: { id: w.compoundId }, warnings: [] });
    itemId = (await chair.put(url('/agenda'), { items: [{ title: '续聘物业服务企业的意见' }] })).json().agenda[0].id;
  });

  it('is read by the community\u2019s overseers but organised only by the committee; others get 404', async () => {
    const staff = await as(w.app, w.organiser);
    expect((await staff.get(url())).json().abilities).toMatchObject({ edit: false, invite: false });
    expect((await staff.put(url('/agenda'), { items: [] })).statusCode).toBe(403);
    expect((await staff.post(`/api/communities/${w.communityId}/meetings`, { kind: 'owners_committee', compoundId: w.compoundId, title: 'x', scheduledAt: '2026-03-01T11:00:00Z' })).statusCode).toBe(403);
    for (const outsider of [w.world.A.users.propertyStaff, w.world.A.users.gridWorker, w.world.B.users.communityStaff]) {
      expect((await (await as(w.app, outsider)).get(url())).statusCode).toBe(404);
    }
  });

  it('invites only members of this compound\u2019s committee, and no other party', async () => {
    for (const m of w.members) {
      const { res } = await expectOneEvent(w.db, meetingId, 'meetings.representative_invited', () => chair.post(url('/representatives'), { party: 'owners_committee', personId: m.person.id, userId: m.login.userId }), 201);
      repOf.push(res.json().representatives.find((r: { personId: string }) => r.personId === m.person.id).id);
    }
    const stranger = await chair.post(url('/representatives'), { party: 'owners_committee', personId: w.world.A.people.owner4.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.message).toContain("compound's owners' committee");
    const party = await chair.post(url('/representatives'), { party: 'party_org', personId: w.party.person.id });
    expect(party.json().error.details.reason).toBe('party_not_invited');
  });

  it('has no quorum with exactly half of the members present', async () => {
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.attendance_recorded', () => chair.put(url('/attendance'), {
      entries: [{ representativeId: repOf[0], present: true }, { representativeId: repOf[1], present: true }, { representativeId: repOf[2], present: false }, { representativeId: repOf[3], present: false }],
      heldAt: '2026-03-01T11:05:00Z',
    }));
    expect(res.json()).toMatchObject({ heldAt: '2026-03-01T11:05:00.000Z', committeeSize: 4 });
    expect(res.json().quorum).toMatchObject({ met: false, rule: 'members_more_than_half', present: 2, needed: 3, of: 4 });
    await (await member(0)).put(url(`/items/${itemId}/position`), { position: 'support', reason: '服务尚可' });
    await (await member(1)).put(url(`/items/${itemId}/position`), { position: 'support', reason: '同意' });
    const res2 = await chair.post(url(`/items/${itemId}/conclusion`), {});
    expect(res2.statusCode).toBe(409);
    expect(res2.json().error.details.reason).toBe('quorum_not_met');
  });

  it('lets each member take only their own position (no proxies), and only when present', async () => {
    await chair.put(url('/attendance'), { entries: [{ representativeId: repOf[2], present: true }] });
    // member 4 stays away: nobody may speak for them, and they may not speak from afar
    const absent = await (await member(3)).put(url(`/items/${itemId}/position`), { position: 'support', reason: '委托主任代为表态' });
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error.details.reason).toBe('representative_absent');
    const view = (await (await member(2)).put(url(`/items/${itemId}/position`), { position: 'object', reason: '投诉较多' })).json();
    expect(view.agenda[0].positions.map((p: { voter: string; position: string }) => [p.voter, p.position])).toEqual([
      [repOf[0], 'support'], [repOf[1], 'support'], [repOf[2], 'object'],
    ]);
  });

  it('decides only by more than half of ALL members: 2 of 4 in favour is no decision, 3 of 4 is', async () => {
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.item_concluded', () => chair.post(url(`/items/${itemId}/conclusion`), {}));
    expect(res.json().agenda[0].conclusion).toMatchObject({ result: 'no_consensus', escalate: true, tally: { support: 2, object: 1, abstain: 0, absent: 1, voters: 4 } });

    // member 3 changes their mind: the conclusion is cleared and reached again
    const changed = (await (await member(2)).put(url(`/items/${itemId}/position`), { position: 'support', reason: '整改承诺可信' })).json();
    expect(changed.agenda[0].conclusion).toBeNull();
    const again = (await chair.post(url(`/items/${itemId}/conclusion`), {})).json();
    expect(again.agenda[0].conclusion).toMatchObject({
      result: 'majority', direction: 'support', tally: { support: 3, absent: 1, voters: 4 },
      dissent: [{ voter: repOf[3], position: 'absent', reason: null }],
    });
  });

  it('locks when every member present has signed, each for themself', async () => {
    await chair.put(url('/minutes'), { text: '应到4人，实到3人。' });
    for (const n of [0, 1]) expect((await (await member(n)).post(url('/sign-off'))).json().minutes.lockedAt).toBeNull();
    const absent = await (await member(3)).post(url('/sign-off'));
    expect(absent.statusCode).toBe(409);
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.minutes_signed', () => member(2).then((c) => c.post(url('/sign-off'))));
    expect(res.json().status).toBe('locked');
    expect(res.json().minutes.signers.map((s: { key: string; signed: boolean }) => [s.key, s.signed])).toEqual([[repOf[0], true], [repOf[1], true], [repOf[2], true]]);
    expect((await eventsOf(w.db, meetingId)).filter((e) => e.kind === 'meetings.minutes_signed')).toHaveLength(3);
  });
});
