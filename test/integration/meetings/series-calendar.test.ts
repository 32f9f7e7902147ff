import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, asOwner, eventsOf, expectOneEvent, meetingsWorld, type Client, type MeetingsWorld } from './world.ts';

// The standing joint meeting: a weekly rule in local time, its computed occurrences on the
// calendar, scheduling one as a stored meeting, changing the rule; the community's quorum
// setting; and who sees and organises what.

let w: MeetingsWorld;
let organiser: Client;
let seriesId: string;

beforeAll(async () => {
  w = await meetingsWorld();
  organiser = await as(w.app, w.organiser);
});
afterAll(() => w.t.close());

const calendar = (c: Client, query = '') => c.get(`/api/communities/${w.communityId}/meetings${query}`);
type Entry = { id: string | null; seriesId: string | null; kind: string; scheduledAt: string; status: string; abilities: { schedule: boolean } };

describe('the standing joint meeting', () => {
  it('is set up as every Tuesday 14:00 Asia/Shanghai, with one meetings.series_created event', async () => {
    const res = await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { weekday: 2, time: '14:00', location: '社区议事厅' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    seriesId = body.id;
    expect(body).toMatchObject({
      kind: 'joint', title: '四方联席会议', weekday: 2, time: '14:00', timezone: 'Asia/Shanghai', startsOn: '2026-03-02', endsOn: null,
      // the clock stands at Monday 2 March 08:00 in Shanghai: the first is the next day, 06:00 UTC
      nextOccurrence: '2026-03-03T06:00:00.000Z', abilities: { edit: true, schedule: true },
    });
    expect((await eventsOf(w.db, seriesId)).map((e) => e.kind)).toEqual(['meetings.series_created']);
  });

  it('exists once per community and kind, and checks the zone and dates', async () => {
    const again = await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { weekday: 3, time: '09:00' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('series_exists');
    const zone = await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { kind: 'two_committees', weekday: 3, time: '09:00', timezone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.message).toMatch(/^timezone:/);
    const time = await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { kind: 'two_committees', weekday: 8, time: '25:00' });
    expect(time.statusCode).toBe(400);
    const dates = await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { kind: 'two_committees', weekday: 3, time: '09:00', startsOn: '2026-05-01', endsOn: '2026-04-01' });
    expect(dates.json().error.message).toMatch(/^endsOn:/);
  });

  it('shows its occurrences for the next 8 weeks by default, and for a date range', async () => {
    const res = await calendar(organiser);
    expect(res.statusCode).toBe(200);
    const items: Entry[] = res.json().items;
    expect(items.map((i) => i.scheduledAt)).toEqual([3, 10, 17, 24, 31].map((d) => `2026-03-${String(d).padStart(2, '0')}T06:00:00.000Z`)
      .concat([7, 14, 21].map((d) => `2026-04-${String(d).padStart(2, '0')}T06:00:00.000Z`)));
    expect(items.every((i) => i.id === null && i.status === 'planned' && i.seriesId === seriesId && i.abilities.schedule)).toBe(true);

    const march = (await calendar(organiser, '?from=2026-03-01&to=2026-03-31')).json();
    expect(march.from).toBe('2026-02-28T16:00:00.000Z');
    expect(march.to).toBe('2026-03-31T16:00:00.000Z');
    expect(march.items).toHaveLength(5);

    const tooLong = await calendar(organiser, '?from=2026-01-01&to=2026-12-31');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('190 days');
  });

  it('schedules an occurrence as a stored meeting once, and refuses a time that is not an occurrence', async () => {
    const path = `/api/meeting-series/${seriesId}/occurrences`;
    const bad = await organiser.post(path, { scheduledAt: '2026-03-10T07:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.reason).toBe('not_an_occurrence');

    // reading the series and calendar writes nothing
    const events = (await eventsOf(w.db, seriesId)).length;
    expect((await organiser.get(`/api/communities/${w.communityId}/meeting-series`)).json().total).toBe(1);
    expect((await eventsOf(w.db, seriesId)).length).toBe(events);

    const first = await organiser.post(path, { scheduledAt: '2026-03-10T14:00:00+08:00' });
    expect(first.statusCode).toBe(201);
    const meetingId = first.json().id;
    expect(first.json()).toMatchObject({ seriesId, kind: 'joint', status: 'scheduled', scheduledAt: '2026-03-10T06:00:00.000Z', location: '社区议事厅' });
    expect((await eventsOf(w.db, meetingId)).map((e) => e.kind)).toEqual(['meetings.occurrence_scheduled']);

    const second = await organiser.post(path, { scheduledAt: '2026-03-10T06:00:00Z' });
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(meetingId);
    expect(await eventsOf(w.db, meetingId)).toHaveLength(1);

    const items: Entry[] = (await calendar(organiser)).json().items;
    expect(items).toHaveLength(8);
    expect(items[1]).toMatchObject({ id: meetingId, status: 'scheduled', abilities: { schedule: false } });
  });

  it('follows a changed rule at once, while scheduled meetings keep their time', async () => {
    const { res } = await expectOneEvent(w.db, seriesId, 'meetings.series_updated', () => organiser.put(`/api/meeting-series/${seriesId}`, { weekday: 4, time: '09:30' }));
    expect(res.json()).toMatchObject({ weekday: 4, time: '09:30', nextOccurrence: '2026-03-05T01:30:00.000Z' });
    const items: Entry[] = (await calendar(organiser, '?from=2026-03-01&to=2026-03-14')).json().items;
    expect(items.map((i) => [i.scheduledAt, i.status])).toEqual([
      ['2026-03-05T01:30:00.000Z', 'planned'],
      ['2026-03-10T06:00:00.000Z', 'scheduled'],
      ['2026-03-12T01:30:00.000Z', 'planned'],
    ]);
    const empty = await organiser.put(`/api/meeting-series/${seriesId}`, {});
    expect(empty.statusCode).toBe(400);
  });
});

describe('who sees and organises the calendar', () => {
  it('shows joint meetings to everyone reaching the community, other kinds to its overseers', async () => {
    await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { kind: 'two_committees', weekday: 1, time: '09:00' });
    const kinds = async (c: Client) => [...new Set(((await calendar(c, '?from=2026-03-01&to=2026-03-14')).json().items as Entry[]).map((i) => i.kind))].sort();
    expect(await kinds(organiser)).toEqual(['joint', 'two_committees']);
    expect(await kinds(await as(w.app, w.world.districtAdmin))).toEqual(['joint', 'two_committees']);
    const property = await as(w.app, w.world.A.users.propertyStaff);
    expect(await kinds(property)).toEqual(['joint']);
    expect(await kinds(await as(w.app, w.world.A.users.gridWorker))).toEqual(['joint']);
    const planned = ((await calendar(property)).json().items as Entry[])[0];
    expect(planned.abilities.schedule).toBe(false);
    const create = await property.post(`/api/communities/${w.communityId}/meetings`, { kind: 'joint', title: 'x', scheduledAt: '2026-03-20T06:00:00Z' });
    expect(create.statusCode).toBe(403);
    expect((await property.post(`/api/meeting-series/${seriesId}/occurrences`, { scheduledAt: '2026-03-12T01:30:00Z' })).statusCode).toBe(403);
  });

  it('answers 404 outside the scope: another community\u2019s staff, owners, unknown ids', async () => {
    const otherStaff = await as(w.app, w.world.B.users.communityStaff);
    expect((await calendar(otherStaff)).statusCode).toBe(404);
    expect((await otherStaff.put(`/api/meeting-series/${seriesId}`, { time: '10:00' })).statusCode).toBe(404);
    const owner = await asOwner(w.app, w.db, w.world.A.people.owner.phone!);
    expect((await calendar(owner)).statusCode).toBe(404);
    expect((await organiser.get('/api/communities/00000000-0000-4000-8000-000000000000/meetings')).statusCode).toBe(404);
    expect((await w.app.inject({ method: 'GET', url: `/api/communities/${w.communityId}/meetings` })).statusCode).toBe(401);
  });

  it('lets an owners\u2019 committee set up its own compound\u2019s series, and nobody else', async () => {
    const committee = await as(w.app, w.members[1].login);
    const res = await committee.post(`/api/communities/${w.communityId}/meeting-series`, { kind: 'owners_committee', compoundId: w.compoundId, weekday: 6, time: '19:00' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'owners_committee', compound: { id: w.compoundId }, title: '业主委员会会议' });
    const staff = await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { kind: 'owners_committee', compoundId: w.world.A.compounds.compound2.id, weekday: 6, time: '19:00' });
    expect(staff.statusCode).toBe(403);
    const joint = await committee.post(`/api/communities/${w.communityId}/meetings`, { kind: 'joint', title: 'x', scheduledAt: '2026-03-20T06:00:00Z' });
    expect(joint.statusCode).toBe(403);
    const noCompound = await committee.post(`/api/communities/${w.communityId}/meetings`, { kind: 'owners_committee', title: 'x', scheduledAt: '2026-03-20T06:00:00Z' });
    expect(noCompound.json().error.message).toMatch(/^compoundId:/);
  });
});

describe('the joint meeting quorum setting', () => {
  const url = () => `/api/communities/${w.communityId}/meeting-settings`;

  it('defaults to all four parties, and is changed by the community\u2019s overseers with one event', async () => {
    expect((await organiser.get(url())).json()).toEqual({
      communityId: w.communityId, isDefault: true, abilities: { edit: true },
      jointQuorum: { minParties: 4, requiredParties: ['party_org', 'residents_committee', 'owners_committee', 'property_company'] },
    });
    const bad = await organiser.put(url(), { jointQuorum: { minParties: 2, requiredParties: ['party_org', 'residents_committee', 'owners_committee'] } });
    expect(bad.statusCode).toBe(400);
    const property = await as(w.app, w.world.A.users.propertyStaff);
    expect((await property.get(url())).json().abilities).toEqual({ edit: false });
    expect((await property.put(url(), { jointQuorum: { minParties: 1, requiredParties: [] } })).statusCode).toBe(403);
    const { res, event } = await expectOneEvent(w.db, w.communityId, 'meetings.settings_changed', () => organiser.put(url(), { jointQuorum: { minParties: 3, requiredParties: ['party_org'] } }));
    expect(res.json()).toMatchObject({ isDefault: false, jointQuorum: { minParties: 3, requiredParties: ['party_org'] } });
    expect(event.before).toMatchObject({ isDefault: true });
  });

  it('is what the joint meeting\u2019s quorum is counted by', async () => {
    const m = (await organiser.post(`/api/communities/${w.communityId}/meetings`, { kind: 'joint', title: 'q', scheduledAt: '2026-03-02T06:00:00Z' })).json();
    const invite = async (body: object) => (await organiser.post(`/api/meetings/${m.id}/representatives`, body)).json();
    await invite({ party: 'residents_committee', personId: w.residents.person.id });
    await invite({ party: 'owners_committee', personId: w.owners.person.id });
    let view = await invite({ party: 'property_company', personId: w.property.person.id, companyId: w.companyId });
    const present = view.representatives.map((r: { id: string }) => ({ representativeId: r.id, present: true }));
    view = (await organiser.put(`/api/meetings/${m.id}/attendance`, { entries: present })).json();
    // three parties, but the Party organisation is required
    expect(view.quorum).toMatchObject({ met: false, present: 3, needed: 3, missingParties: ['party_org'] });
    view = await invite({ party: 'party_org', personId: w.party.person.id });
    const partyRep = view.representatives.find((r: { party: string }) => r.party === 'party_org');
    // the Party organisation comes, the property company leaves: still three parties
    await organiser.put(`/api/meetings/${m.id}/attendance`, { entries: [{ representativeId: partyRep.id, present: true }, { representativeId: view.representatives.find((r: { party: string }) => r.party === 'property_company').id, present: false }] });
    view = (await organiser.get(`/api/meetings/${m.id}`)).json();
    expect(view.quorum).toMatchObject({ met: true, present: 3, needed: 3, missingParties: [] });
    expect(view.allVotingPartiesPresent).toBe(false);
  });
});
