import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { as, eventsOf, expectOneEvent, meetingsWorld, type Client, type MeetingsWorld } from './world.ts';

// The joint meeting of the four parties from convening to its conclusions, over the API: agenda,
// invitations and the parity warning, attendance and quorum, positions only by each party's own
// representative, and the conclusion rule. Every command is checked to write exactly one audit
// event. Minutes, sign-off and the public face are in joint-minutes.test.ts.

let w: MeetingsWorld;
let organiser: Client;
let meetingId: string;
const matterId = randomUUID();
const otherMatterId = randomUUID();
const reps: Record<string, string> = {};
let itemIds: string[] = [];

beforeAll(async () => {
  w = await meetingsWorld();
  organiser = await as(w.app, w.organiser);
});
afterAll(() => w.t.close());

const url = (path = '') => `/api/meetings/${meetingId}${path}`;

describe('a joint meeting', () => {
  it('is convened ad hoc by community staff, with one meetings.meeting_created event', async () => {
    const res = await organiser.post(`/api/communities/${w.communityId}/meetings`, {
      kind: 'joint', title: '四方联席会议（临时）', scheduledAt: '2026-03-03T06:00:00Z', location: '社区会议室',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    meetingId = body.id;
    expect(body).toMatchObject({ kind: 'joint', status: 'scheduled', kindLabel: { zh: '四方联席会议' }, compound: null, heldAt: null });
    expect(body.abilities).toMatchObject({ edit: true, invite: true, recordPosition: false, signOff: false, addAddendum: false });
    expect((await eventsOf(w.db, meetingId)).map((e) => e.kind)).toEqual(['meetings.meeting_created']);
  });

  it('takes an agenda of matters and free-text topics, in order; a matter only once', async () => {
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.agenda_changed', () => organiser.put(url('/agenda'), {
      items: [{ matterId, title: '3号楼电梯更换' }, { title: '停车收费调整（通报）' }, { matterId: otherMatterId, title: '垃圾分类点位' }],
    }));
    itemIds = res.json().agenda.map((i: { id: string }) => i.id);
    expect(res.json().agenda.map((i: { order: number; matterId: string | null }) => [i.order, i.matterId])).toEqual([[1, matterId], [2, null], [3, otherMatterId]]);

    const dup = await organiser.put(url('/agenda'), { items: [{ matterId, title: 'a' }, { matterId, title: 'b' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'duplicate_matter' } });
    expect(dup.json().error.message).toContain('items.1.matterId');

    // reorder and drop the topic
    const { res: again } = await expectOneEvent(w.db, meetingId, 'meetings.agenda_changed', () => organiser.put(url('/agenda'), {
      items: [{ id: itemIds[0], matterId, title: '3号楼电梯更换' }, { id: itemIds[2], matterId: otherMatterId, title: '垃圾分类点位调整' }],
    }));
    expect(again.json().agenda.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual([[itemIds[0], '3号楼电梯更换'], [itemIds[2], '垃圾分类点位调整']]);
    itemIds = [itemIds[0], itemIds[2]];
  });

  it('invites representatives from the registry and warns (without refusing) when the parties are not 1:1', async () => {
    const invite = async (key: string, body: Record<string, unknown>) => {
      const { res } = await expectOneEvent(w.db, meetingId, 'meetings.representative_invited', () => organiser.post(url('/representatives'), body), 201);
      reps[key] = res.json().representatives.find((r: { personId: string }) => r.personId === body.personId).id;
      return res.json();
    };
    await invite('party', { party: 'party_org', personId: w.party.person.id, userId: w.party.login.userId, role: '书记' });
    await invite('residents', { party: 'residents_committee', personId: w.residents.person.id, userId: w.residents.login.userId, role: '主任' });
    await invite('owners', { party: 'owners_committee', personId: w.owners.person.id, userId: w.owners.login.userId, role: '主任' });
    await invite('property', { party: 'property_company', personId: w.property.person.id, companyId: w.companyId, userId: w.property.login.userId, role: '项目经理' });
    const balanced = await invite('ownerRep', { party: 'owners_representative', personId: w.ownerRep.id });
    expect(balanced.warnings).toEqual([]);
    expect(balanced.representatives.find((r: { party: string }) => r.party === 'owners_representative')).toMatchObject({ voting: false });
    expect(balanced.representatives.find((r: { party: string }) => r.party === 'property_company')).toMatchObject({ company: { id: w.companyId, name: 'A Property Services' } });

    const unbalanced = await invite('party2', { party: 'party_org', personId: w.party2.person.id, userId: w.party2.login.userId });
    expect(unbalanced.warnings).toEqual([expect.objectContaining({
      code: 'parity_invited',
      details: { counts: { party_org: 2, residents_committee: 1, owners_committee: 1, property_company: 1 } },
    })]);
  });

  it('refuses representatives who are not in the party\u2019s body, a person twice, and a user linked twice', async () => {
    const notMember = await organiser.post(url('/representatives'), { party: 'residents_committee', personId: w.world.A.people.tenant.id });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error).toMatchObject({ details: { reason: 'person_not_eligible' } });
    expect(notMember.json().error.message).toContain("personId: A Tenant is not a current member of the residents' committee");

    const noCompany = await organiser.post(url('/representatives'), { party: 'property_company', personId: w.world.A.people.tenant.id });
    expect(noCompany.json().error.message).toMatch(/^companyId:/);
    const otherCompany = await organiser.post(url('/representatives'), { party: 'property_company', personId: w.world.A.people.tenant.id, companyId: w.world.B.company.id });
    expect(otherCompany.json().error.message).toContain('holds no current property contract');

    const otherCommunity = await organiser.post(url('/representatives'), { party: 'owners_representative', personId: w.world.B.people.owner.id });
    expect(otherCommunity.json().error.message).toContain("no person");

    const twice = await organiser.post(url('/representatives'), { party: 'party_org', personId: w.party.person.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('person_already_invited');

    const user = await organiser.post(url('/representatives'), { party: 'owners_representative', personId: w.world.A.people.owner3.id, userId: w.party.login.userId });
    expect(user.statusCode).toBe(409);
    expect(user.json().error.details.reason).toBe('user_already_linked');
  });

  it('lets an invitation be withdrawn before the meeting, with its own audit event', async () => {
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.representative_removed', () => organiser.del(url(`/representatives/${reps.party2}`)));
    expect(res.json().warnings).toEqual([]);
  });
});

describe('attendance, positions and conclusions', () => {
  it('refuses positions before attendance is taken', async () => {
    const party = await as(w.app, w.party.login);
    const res = await party.put(url(`/items/${itemIds[0]}/position`), { position: 'support', reason: '安全隐患' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('not_held');
  });

  it('records attendance; with the property company absent there is no quorum by default', async () => {
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.attendance_recorded', () => organiser.put(url('/attendance'), {
      entries: [
        { representativeId: reps.party, present: true },
        { representativeId: reps.residents, present: true },
        { representativeId: reps.owners, present: true },
        { representativeId: reps.property, present: false },
        { representativeId: reps.ownerRep, present: true },
      ],
    }));
    const body = res.json();
    expect(body.status).toBe('held');
    expect(body.heldAt).toBe(w.clock.now().toISOString());
    expect(body.quorum).toMatchObject({ met: false, rule: 'parties', present: 3, needed: 4, of: 4, missingParties: ['property_company'] });
    expect(body.allVotingPartiesPresent).toBe(false);
    expect(body.warnings.map((x: { code: string }) => x.code)).toEqual(['parity_present']);
  });

  it('lets only the party\u2019s own voting representative record its position', async () => {
    const path = url(`/items/${itemIds[0]}/position`);
    const staffRes = await organiser.put(path, { position: 'support', reason: 'x' });
    expect(staffRes.statusCode).toBe(403);
    expect(staffRes.json().error.details.reason).toBe('not_a_representative');

    const streetAdmin = await as(w.app, w.world.A.users.streetAdmin);
    expect((await streetAdmin.put(path, { position: 'support', reason: 'x' })).statusCode).toBe(403);

    // the property company's representative is invited but absent
    const property = await as(w.app, w.property.login);
    const absent = await property.put(path, { position: 'object', reason: '费用过高' });
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error.details.reason).toBe('representative_absent');

    const party = await as(w.app, w.party.login);
    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.position_recorded', () => party.put(path, { position: 'support', reason: '电梯老化，存在安全隐患' }));
    // the position is the party's: recorded for party_org, whoever of its representatives spoke
    expect(res.json().agenda[0].positions).toEqual([expect.objectContaining({ voter: 'party_org', party: 'party_org', name: 'A Secretary', position: 'support' })]);
    expect(res.json().abilities).toMatchObject({ recordPosition: true, signOff: true });
  });

  it('refuses a conclusion without quorum', async () => {
    const res = await organiser.post(url(`/items/${itemIds[0]}/conclusion`), {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('quorum_not_met');
    expect(res.json().error.message).toContain('property_company');
  });

  it('concludes once all four are present and every present party has spoken: 3 support + 1 object is a majority with the dissent recorded', async () => {
    await expectOneEvent(w.db, meetingId, 'meetings.attendance_recorded', () => organiser.put(url('/attendance'), { entries: [{ representativeId: reps.property, present: true }] }));
    const missing = await organiser.post(url(`/items/${itemIds[0]}/conclusion`), {});
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({ details: { reason: 'positions_missing', voters: ['residents_committee', 'owners_committee', 'property_company'] } });

    const say = async (who: 'residents' | 'owners' | 'property', item: number, position: string, reason: string) => {
      const c = await as(w.app, w[who].login);
      await expectOneEvent(w.db, meetingId, 'meetings.position_recorded', () => c.put(url(`/items/${itemIds[item]}/position`), { position, reason }));
    };
    await say('residents', 0, 'support', '居民反映强烈');
    await say('owners', 0, 'support', '业主大会已有意向');
    await say('property', 0, 'object', '维修资金不足');

    const { res } = await expectOneEvent(w.db, meetingId, 'meetings.item_concluded', () => organiser.post(url(`/items/${itemIds[0]}/conclusion`), { note: '报业主大会表决' }));
    expect(res.json().agenda[0].conclusion).toMatchObject({
      result: 'majority', direction: 'support', escalate: false, note: '报业主大会表决',
      tally: { support: 3, object: 1, abstain: 0, absent: 0, voters: 4 },
      dissent: [{ voter: 'property_company', position: 'object', reason: '维修资金不足' }],
    });
  });

  it('escalates an item without consensus', async () => {
    const party = await as(w.app, w.party.login);
    await party.put(url(`/items/${itemIds[1]}/position`), { position: 'support', reason: 'a' });
    for (const [who, position] of [['residents', 'support'], ['owners', 'object'], ['property', 'object']] as const) {
      const c = await as(w.app, w[who].login);
      expect((await c.put(url(`/items/${itemIds[1]}/position`), { position, reason: 'b' })).statusCode).toBe(200);
    }
    const res = await organiser.post(url(`/items/${itemIds[1]}/conclusion`), {});
    expect(res.json().agenda[1].conclusion).toMatchObject({ result: 'no_consensus', direction: null, escalate: true });
  });

  it('keeps owners\u2019 representatives from taking positions or signing (no party vote)', async () => {
    const res = await organiser.post(url('/representatives'), { party: 'owners_representative', personId: w.world.A.people.owner3.id, userId: w.party2.login.userId });
    expect(res.statusCode).toBe(201);
    const rep = res.json().representatives.find((r: { personId: string }) => r.personId === w.world.A.people.owner3.id);
    await organiser.put(url('/attendance'), { entries: [{ representativeId: rep.id, present: true }] });
    const ownerRep = await as(w.app, w.party2.login);
    const view = (await ownerRep.get(url())).json();
    expect(view.abilities).toMatchObject({ recordPosition: false, signOff: false });
    const position = await ownerRep.put(url(`/items/${itemIds[0]}/position`), { position: 'object', reason: 'x' });
    expect(position.statusCode).toBe(403);
    expect((await ownerRep.post(url('/sign-off'))).statusCode).toBe(403);
  });
});

