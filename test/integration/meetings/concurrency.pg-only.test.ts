import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventsOf, meetingsWorld, type Client, type MeetingsWorld } from './world.ts';

// On real PostgreSQL, with a connection per request: the meeting row lock serialises sign-offs
// (the last two parties signing at once lock the minutes once, with both signatures), and the
// unique indexes decide races to create the same series or schedule the same occurrence.

let w: MeetingsWorld;
let organiser: Client;

beforeAll(async () => {
  w = await meetingsWorld();
  organiser = await as(w.app, w.organiser);
});
afterAll(() => w.t.close());

describe('concurrent commands', () => {
  it('two parties signing at once both sign, and the minutes lock once', async () => {
    const m = (await organiser.post(`/api/communities/${w.communityId}/meetings`, { kind: 'joint', title: 'c', scheduledAt: '2026-03-01T06:00:00Z' })).json();
    const url = (p = '') => `/api/meetings/${m.id}${p}`;
    const people = [
      { party: 'party_org', who: w.party },
      { party: 'residents_committee', who: w.residents },
      { party: 'owners_committee', who: w.owners },
      { party: 'property_company', who: w.property, companyId: w.companyId },
    ];
    let view = m;
    for (const p of people) {
      view = (await organiser.post(url('/representatives'), { party: p.party, personId: p.who.person.id, userId: p.who.login.userId, ...(p.companyId ? { companyId: p.companyId } : {}) })).json();
    }
    await organiser.put(url('/attendance'), { entries: view.representatives.map((r: { id: string }) => ({ representativeId: r.id, present: true })) });
    await organiser.put(url('/minutes'), { text: '纪要' });
    const clients = await Promise.all(people.map((p) => as(w.app, p.who.login)));
    for (const c of clients.slice(0, 2)) expect((await c.post(url('/sign-off'))).statusCode).toBe(200);

    const [a, b] = await Promise.all(clients.slice(2).map((c) => c.post(url('/sign-off'))));
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const after = (await organiser.get(url())).json();
    expect(after.status).toBe('locked');
    expect(after.minutes.signatures).toHaveLength(4);
    const signed = (await eventsOf(w.db, m.id)).filter((e) => e.kind === 'meetings.minutes_signed');
    expect(signed.map((e) => (e.after as { locked: boolean }).locked).sort()).toEqual([false, false, false, true]);
  });

  it('two organisers scheduling the same occurrence at once get one meeting', async () => {
    const series = (await organiser.post(`/api/communities/${w.communityId}/meeting-series`, { weekday: 2, time: '14:00' })).json();
    const other = await as(w.app, w.world.A.users.streetAdmin);
    const body = { scheduledAt: '2026-03-17T06:00:00Z' };
    const [a, b] = await Promise.all([organiser, other].map((c) => c.post(`/api/meeting-series/${series.id}/occurrences`, body)));
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect((await eventsOf(w.db, a.json().id)).map((e) => e.kind)).toEqual(['meetings.occurrence_scheduled']);
  });

  it('two organisers creating the same series at once get one series and one 409', async () => {
    const other = await as(w.app, w.world.A.users.streetAdmin);
    const body = { kind: 'two_committees', weekday: 1, time: '09:00' };
    const results = await Promise.all([organiser, other].map((c) => c.post(`/api/communities/${w.communityId}/meeting-series`, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.details.reason).toBe('series_exists');
  });
});
