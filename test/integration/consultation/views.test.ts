import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommunity, buildStaff } from '../../support/factories.ts';
import { loginStaff } from '../../support/app.ts';
import { advance, client, consultationWorld, DAY, expectStatus, holdJointMeeting, matterAt, raise, type World } from './world.ts';

// The views: the community board and overdue list, the street and district list with filters and
// pagination, the summary (median days per step, communities without a recent joint meeting),
// the resident's list, and the settings page; each filtered by the same scope as the policy.

let w: World;
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await consultationWorld();
  // a spread of matters: two proposed, one consulting past its end, one implementing with an overdue task, one closed
  ids.proposed1 = (await raise(w, w.as('staff'), { title: 'Alpha lights' })).id;
  ids.proposed2 = (await raise(w, w.as('staff'), { title: 'Beta parking', category: 'parking_traffic', compoundId: w.compound2.id, decidingBody: 'two_committees' })).id;
  ids.lateConsult = (await matterAt(w, 'consult', { title: 'Gamma drains', stepDueAt: new Date(w.clock.now().getTime() - DAY), raisedAt: new Date(w.clock.now().getTime() - 20 * DAY) })).id;
  ids.implementing = (await matterAt(w, 'implement', { title: 'Delta roof', stepDueAt: null, raisedAt: new Date(w.clock.now().getTime() - 40 * DAY) })).id;
  expectStatus(await w.as('staff').post(`/api/matters/${ids.implementing}/tasks`, {
    title: 'Seal the roof', responsibleParty: 'property_company', responsibleName: 'Zhao', deadline: new Date(w.clock.now().getTime() - 3 * DAY).toISOString().slice(0, 10),
  }), 201);
  ids.closed = (await matterAt(w, 'closed', { title: 'Epsilon fence', stepDueAt: null })).id;
});
afterAll(() => w.t.close());

describe('the community board', () => {
  it('shows matters by step with counts, for the community\u2019s overseers only', async () => {
    const board = expectStatus(await w.as('staff').get(`/api/communities/${w.communityId}/matter-board`), 200);
    const column = (step: string) => board.columns.find((c: { step: string }) => c.step === step);
    expect(board.columns).toHaveLength(11);
    expect(column('propose').total).toBe(2);
    expect(column('propose').items.map((i: { title: string }) => i.title).sort()).toEqual(['Alpha lights', 'Beta parking']);
    expect(column('consult').items[0]).toMatchObject({ title: 'Gamma drains', overdue: true, ageDays: 20 });
    expect(column('implement').items[0]).toMatchObject({ title: 'Delta roof', overdue: true });
    const filtered = expectStatus(await w.as('street').get(`/api/communities/${w.communityId}/matter-board?compoundId=${w.compound2.id}`), 200);
    expect(filtered.columns.reduce((n: number, c: { total: number }) => n + c.total, 0)).toBe(1);
    for (const role of ['committee', 'owner', 'otherStaff'] as const) {
      expect((await w.as(role).get(`/api/communities/${w.communityId}/matter-board`)).statusCode).toBe(404);
    }
  });

  it('lists the overdue matters with their reasons', async () => {
    const res = expectStatus(await w.as('staff').get(`/api/communities/${w.communityId}/overdue-matters`), 200);
    const byTitle = Object.fromEntries(res.items.map((i: { matter: { title: string }; reasons: unknown[] }) => [i.matter.title, i.reasons]));
    expect(Object.keys(byTitle).sort()).toEqual(['Delta roof', 'Gamma drains']);
    expect(byTitle['Gamma drains']).toEqual([{ kind: 'consult_past_deadline', detail: 'consult', since: expect.any(String) }]);
    expect(byTitle['Delta roof']).toEqual([{ kind: 'task_overdue', detail: 'Seal the roof', since: expect.any(String) }]);
  });

  it('lists a notice\u2019s objection left unanswered past its reply deadline', async () => {
    let m = await raise(w, w.as('staff'), { title: 'Zeta benches' });
    m = expectStatus(await advance(w.as('staff'), m, 'consult', { direction: 'ok' }), 200);
    w.clock.advanceDays(7);
    m = expectStatus(await advance(w.as('staff'), m, 'deliberate'), 200);
    await holdJointMeeting(w, m.id, { conclusion: 'consensus' });
    m = expectStatus(await advance(w.as('staff'), m, 'resolve'), 200);
    expectStatus(await w.as('committee').post(`/api/matters/${m.id}/resolution`, { text: '同意' }), 200);
    m = expectStatus(await advance(w.as('committee'), m, 'publish_resolution'), 200);
    expectStatus(await w.as('owner').post(`/api/notices/${m.notices.resolution}/objections`, { text: '异议' }), 201);
    w.clock.advanceDays(4);
    const res = expectStatus(await w.as('staff').get(`/api/communities/${w.communityId}/overdue-matters`), 200);
    const item = res.items.find((i: { matter: { id: string } }) => i.matter.id === m.id);
    expect(item.reasons).toEqual([{ kind: 'objection_overdue', detail: `1 objection(s) to notice ${m.notices.resolution}`, since: null }]);
  });
});

describe('the street and district list', () => {
  it('filters by step, overdue, category, compound, age and text, and pages', async () => {
    const list = (q: string, role: 'street' | 'district' | 'staff' = 'street') => w.as(role).get(`/api/matters?${q}`).then((r) => expectStatus(r, 200));
    const all = await list('pageSize=2');
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.items).toHaveLength(2);
    expect((await list(`step=propose&communityId=${w.communityId}`)).items.map((i: { title: string }) => i.title).sort()).toEqual(['Alpha lights', 'Beta parking']);
    expect((await list('overdue=true')).items.map((i: { title: string }) => i.title).sort()).toEqual(['Delta roof', 'Gamma drains']);
    expect((await list('overdue=false')).items.map((i: { title: string }) => i.title)).not.toContain('Gamma drains');
    expect((await list('category=parking_traffic')).items.map((i: { title: string }) => i.title)).toEqual(['Beta parking']);
    expect((await list(`compoundId=${w.compound2.id}`)).total).toBe(1);
    // the overdue-objection test above moved the clock 11 days: Delta is 51 days old, Gamma 31, the rest 11
    expect((await list('minAgeDays=40')).items.map((i: { title: string }) => i.title)).toEqual(['Delta roof']);
    expect((await list('minAgeDays=25&maxAgeDays=35')).items.map((i: { title: string }) => i.title)).toEqual(['Gamma drains']);
    expect((await list('q=roof')).items.map((i: { title: string }) => i.title)).toEqual(['Delta roof']);
    expect((await list(`streetId=${w.community.streetId}`, 'district')).total).toBe(all.total);
    const page2 = await list('pageSize=2&page=2&sort=oldest');
    expect(page2).toMatchObject({ page: 2, pageSize: 2 });
  });

  it('shows nothing outside the actor\u2019s scope', async () => {
    expect(expectStatus(await w.as('otherStaff').get('/api/matters'), 200).total).toBe(0);
    expect(expectStatus(await w.as('otherStaff').get(`/api/matters?communityId=${w.communityId}`), 200).total).toBe(0);
    expect((await w.as('otherStaff').get(`/api/matters/${ids.proposed1}`)).statusCode).toBe(404);
    const committee = expectStatus(await w.as('committee').get('/api/matters?pageSize=200'), 200);
    expect(committee.items.every((i: { compound: { id: string } | null }) => i.compound === null || i.compound.id === w.compound.id)).toBe(true);
    expect(committee.items.map((i: { title: string }) => i.title)).not.toContain('Beta parking');
  });

  it('summarises by step, with medians and the communities without a recent joint meeting', async () => {
    const other = await buildCommunity(w.db, { streetId: w.community.streetId, name: 'Quiet Community' });
    const streetAdmin = await buildStaff(w.db, { role: 'street_admin', scopeId: w.community.streetId });
    const street = client(w.app, await loginStaff(w.app, streetAdmin.username, streetAdmin.password));
    const summary = expectStatus(await street.get('/api/matters/summary'), 200);
    expect(summary.communities).toBe(2);
    const byStep = Object.fromEntries(summary.byStep.map((s: { step: string; total: number; overdue: number }) => [s.step, [s.total, s.overdue]]));
    expect(byStep.consult).toEqual([1, 1]);
    expect(byStep.implement).toEqual([1, 1]);
    expect(byStep.closed).toEqual([1, 0]);
    const consult = summary.medianDaysPerStep.find((s: { step: string }) => s.step === 'consult');
    expect(consult).toEqual({ step: 'consult', medianDays: 7, samples: 1 });
    // the world's community met at the joint meeting above; the new one never did
    expect(summary.withoutJointMeeting.map((c: { community: { name: string } }) => c.community.name)).toEqual(['Quiet Community']);
    w.clock.advanceDays(29);
    const later = expectStatus(await street.get('/api/matters/summary'), 200);
    expect(later.withoutJointMeeting.map((c: { community: { name: string } }) => c.community.name).sort()).toEqual(['Harmony Community', 'Quiet Community']);
    const one = expectStatus(await street.get(`/api/matters/summary?communityId=${other.id}`), 200);
    expect(one).toMatchObject({ communities: 1, byStep: expect.arrayContaining([{ step: 'propose', total: 0, overdue: 0 }]) });
    expect((await w.as('committee').get('/api/matters/summary')).statusCode).toBe(403);
    expect((await w.as('owner').get('/api/matters/summary')).statusCode).toBe(403);
  });
});

describe('residents', () => {
  it('see the matters of their compound and the community-wide ones', async () => {
    const wide = await raise(w, w.as('staff'), { title: 'Community festival', compoundId: undefined, decidingBody: 'two_committees' });
    const mine = expectStatus(await w.as('owner').get('/api/my/matters?pageSize=200'), 200);
    const titles = mine.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('Alpha lights');
    expect(titles).toContain('Community festival');
    expect(titles).not.toContain('Beta parking');
    const lone = expectStatus(await w.as('otherCompoundOwner').get('/api/my/matters?pageSize=200'), 200);
    expect(lone.items.map((i: { title: string }) => i.title).sort()).toEqual(['Beta parking', 'Community festival']);
    expect((await w.as('otherCompoundOwner').get(`/api/matters/${ids.proposed1}`)).statusCode).toBe(404);
    expect(expectStatus(await w.as('otherCompoundOwner').get(`/api/matters/${wide.id}`), 200).title).toBe('Community festival');
    expect((await w.as('staff').get('/api/my/matters')).statusCode).toBe(403);
  });
});

describe('settings', () => {
  it('are read by whoever may raise a matter there, and changed by community staff', async () => {
    const read = expectStatus(await w.as('owner').get(`/api/communities/${w.communityId}/consultation-settings`), 200);
    expect(read).toMatchObject({ cosignaturesRequired: 10, consultDays: 7, postingDays: 7, isDefault: true, abilities: { edit: false } });
    expect(read.categories.map((c: { key: string }) => c.key)).toEqual([
      'repairs_facilities', 'fees_funds', 'property_services', 'environment_sanitation', 'parking_traffic', 'safety', 'neighbour_disputes', 'other',
    ]);
    expect((await w.as('otherStaff').get(`/api/communities/${w.communityId}/consultation-settings`)).statusCode).toBe(404);
    expect((await w.as('committee').put(`/api/communities/${w.communityId}/consultation-settings`, { consultDays: 3 })).statusCode).toBe(403);
    const short = expectStatus(await w.as('staff').put(`/api/communities/${w.communityId}/consultation-settings`, { postingDays: 5 }), 400);
    expect(short.error.message).toBe('body.postingDays: must be at least 7');
    const changed = expectStatus(await w.as('staff').put(`/api/communities/${w.communityId}/consultation-settings`, {
      consultDays: 10, categories: [{ key: 'elevators', nameZh: '电梯', nameEn: 'Elevators' }],
    }), 200);
    expect(changed).toMatchObject({ consultDays: 10, cosignaturesRequired: 10, isDefault: false, categories: [{ key: 'elevators' }] });
    const m = await raise(w, w.as('staff'), { category: 'elevators' });
    const accepted = expectStatus(await advance(w.as('staff'), m, 'consult', { direction: 'ok' }), 200);
    expect(accepted.consultDays).toBe(10);
  });
});
