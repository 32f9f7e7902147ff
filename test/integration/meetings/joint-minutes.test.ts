import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { jointMeetingRecordForMatter, lastJointMeetingByCommunity } from '../../../src/server/modules/meetings/index.ts';
import { as, concludedJointMeeting, eventsOf, expectOneEvent, meetingsWorld, type Client, type MeetingsWorld } from './world.ts';

// The minutes of a concluded joint meeting: text and notes, sign-off by each party present in
// person, the lock (409 on every later change, nothing written) and signed addenda after it; the
// print view; and the public face the consultation module reads.

let w: MeetingsWorld;
let organiser: Client;
let meetingId: string;
let reps: Record<string, string>;
let itemIds: string[];
const matterId = randomUUID();
const otherMatterId = randomUUID();

beforeAll(async () => {
  w = await meetingsWorld();
  organiser = await as(w.app, w.organiser);
  ({ meetingId, reps, itemIds } = await concludedJointMeeting(w, organiser, [matterId, otherMatterId]));
});
afterAll(() => w.t.close());

const url = (path = '') => `/api/meetings/${meetingId}${path}`;

describe('minutes, sign-off and addenda', () => {
  it('refuses addenda before the minutes lock, and sign-off before there is any text', async () => {
    const addendum = await organiser.post(url('/addenda'), { text: '更正' });
    expect(addendum.statusCode).toBe(409);
    expect(addendum.json().error.details.reason).toBe('minutes_not_locked');
    const party = await as(w.app, w.party.login);
    const empty = await party.post(url('/sign-off'));
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.details.reason).toBe('minutes_empty');
  });

  it('keeps the minutes and item notes, each edit audited', async () => {
    const { res, event } = await expectOneEvent(w.db, meetingId, 'meetings.minutes_edited', () => organiser.put(url('/minutes'), {
      text: '会议由社区党委书记主持。四方代表出席。', itemNotes: [{ itemId: itemIds[0], notes: '物业提出资金来源问题' }],
    }));
    expect(res.json().minutes.text).toBe('会议由社区党委书记主持。四方代表出席。');
    expect(res.json().agenda[0].notes).toBe('物业提出资金来源问题');
    expect(event.before).toMatchObject({ text: '' });
  });

  it('asks every party present to sign in person; a signature given before an edit no longer counts', async () => {
    const party = await as(w.app, w.party.login);
    const { res, event } = await expectOneEvent(w.db, meetingId, 'meetings.minutes_signed', () => party.post(url('/sign-off')));
    expect(event.after).toMatchObject({ signerKey: 'party_org', locked: false, unsigned: ['residents_committee', 'owners_committee', 'property_company'] });
    expect(res.json().minutes.signers.map((s: { key: string; signed: boolean }) => [s.key, s.signed])).toEqual([
      ['party_org', true], ['residents_committee', false], ['owners_committee', false], ['property_company', false],
    ]);
    const again = await party.post(url('/sign-off'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_signed');

    // the organiser edits after the first signature: that signature is now on an older record
    const edited = await organiser.put(url('/minutes'), { text: '会议由社区党委书记主持。四方代表出席，业主代表列席。' });
    expect(edited.json().minutes.signatures).toEqual([expect.objectContaining({ signerKey: 'party_org', current: false })]);
    expect(edited.json().minutes.signers[0]).toMatchObject({ key: 'party_org', signed: false });

    // staff who are no representative cannot sign for a party
    const street = await as(w.app, w.world.A.users.streetAdmin);
    const notRep = await street.post(url('/sign-off'));
    expect(notRep.statusCode).toBe(403);
    expect(notRep.json().error.details.reason).toBe('not_a_representative');
  });

  it('locks the minutes when the last party present signs', async () => {
    for (const who of ['party', 'residents', 'owners'] as const) {
      const c = await as(w.app, w[who].login);
      const res = await c.post(url('/sign-off'));
      expect(res.statusCode).toBe(200);
      expect(res.json().minutes.lockedAt).toBeNull();
    }
    const property = await as(w.app, w.property.login);
    const { res, event } = await expectOneEvent(w.db, meetingId, 'meetings.minutes_signed', () => property.post(url('/sign-off')));
    expect(event.after).toMatchObject({ signerKey: 'property_company', locked: true, unsigned: [] });
    expect(res.json().status).toBe('locked');
    expect(res.json().minutes.lockedAt).toBe(w.clock.now().toISOString());
    expect(res.json().abilities).toMatchObject({ edit: false, editMinutes: false, signOff: false, addAddendum: true });
  });

  it('refuses every change to the record after the lock with 409, and writes nothing', async () => {
    const party = await as(w.app, w.party.login);
    const before = (await eventsOf(w.db, meetingId)).length;
    const attempts = [
      await organiser.put(url('/minutes'), { text: 'changed' }),
      await organiser.put(url('/agenda'), { items: [] }),
      await organiser.put(url('/attendance'), { entries: [{ representativeId: reps.party, present: false }] }),
      await organiser.post(url('/representatives'), { party: 'owners_representative', personId: w.world.A.people.owner2.id }),
      await organiser.post(url(`/items/${itemIds[0]}/conclusion`), {}),
      await party.put(url(`/items/${itemIds[0]}/position`), { position: 'object', reason: 'changed my mind' }),
      await party.post(url('/sign-off')),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('minutes_locked');
    }
    expect((await eventsOf(w.db, meetingId)).length).toBe(before);
  });

  it('takes addenda after the lock, each signed by its author, chained and audited', async () => {
    const owners = await as(w.app, w.owners.login);
    const { res, event } = await expectOneEvent(w.db, meetingId, 'meetings.addendum_added', () => owners.post(url('/addenda'), { text: '更正：业委会意见中的“意向”应为“初步意向”。' }), 201);
    const [first] = res.json().minutes.addenda;
    expect(first).toMatchObject({ seq: 1, representativeId: reps.owners, authorLabel: `user:${w.owners.login.username}` });
    expect(event.after).toMatchObject({ previous: res.json().minutes.digest, digest: first.digest });
    const { res: second } = await expectOneEvent(w.db, meetingId, 'meetings.addendum_added', () => organiser.post(url('/addenda'), { text: '补充：下次会议通报进展。' }), 201);
    expect(second.json().minutes.addenda[1]).toMatchObject({ seq: 2, representativeId: null });
    const stranger = await as(w.app, w.world.A.users.gridWorker);
    expect((await stranger.post(url('/addenda'), { text: 'x' })).statusCode).toBe(403);
  });

  it('serves the print view of the minutes', async () => {
    const res = await organiser.get(url('/minutes'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ community: { id: w.communityId, name: 'Community A' }, kindLabel: { zh: '四方联席会议' }, lockedAt: expect.any(String) });
    expect(body.attendance.map((a: { party: string; people: unknown[] }) => [a.party, a.people.length])).toEqual([
      ['party_org', 1], ['residents_committee', 1], ['owners_committee', 1], ['property_company', 1], ['owners_representative', 1],
    ]);
    expect(body.signatures.map((s: { signerKey: string }) => s.signerKey)).toEqual(['party_org', 'residents_committee', 'owners_committee', 'property_company']);
    expect(body.addenda).toHaveLength(2);
  });
});

describe('the public face for the consultation module', () => {
  it('jointMeetingRecordForMatter answers the latest held joint meeting of the matter', async () => {
    const record = await jointMeetingRecordForMatter(w.db, w.communityId, matterId);
    expect(record).toEqual({
      meetingId,
      heldAt: expect.any(String),
      allFourPartiesPresent: true,
      minutesLocked: true,
      conclusion: 'majority',
      direction: 'support',
      positions: [
        { party: 'party_org', position: 'support', reason: '电梯老化，存在安全隐患' },
        { party: 'residents_committee', position: 'support', reason: '居民反映强烈' },
        { party: 'owners_committee', position: 'support', reason: '业主大会已有意向' },
        { party: 'property_company', position: 'object', reason: '维修资金不足' },
      ],
    });
    expect((await jointMeetingRecordForMatter(w.db, w.communityId, otherMatterId))?.conclusion).toBe('no_consensus');
    expect(await jointMeetingRecordForMatter(w.db, w.communityId, randomUUID())).toBeNull();
    // the matter id is looked up within its community only
    expect(await jointMeetingRecordForMatter(w.db, w.world.B.communityId, matterId)).toBeNull();
  });

  it('a later meeting that only scheduled the matter does not replace the held one', async () => {
    const next = await organiser.post(`/api/communities/${w.communityId}/meetings`, { kind: 'joint', title: '下次会议', scheduledAt: '2026-03-10T06:00:00Z' });
    await organiser.put(`/api/meetings/${next.json().id}/agenda`, { items: [{ matterId, title: '3号楼电梯更换（续）' }] });
    expect((await jointMeetingRecordForMatter(w.db, w.communityId, matterId))?.meetingId).toBe(meetingId);
  });

  it('lastJointMeetingByCommunity answers when each community last held one', async () => {
    const last = await lastJointMeetingByCommunity(w.db, [w.communityId, w.world.B.communityId]);
    const held = (await organiser.get(url())).json().heldAt;
    expect([...last.entries()]).toEqual([[w.communityId, held]]);
    expect((await lastJointMeetingByCommunity(w.db, [])).size).toBe(0);
  });
});
