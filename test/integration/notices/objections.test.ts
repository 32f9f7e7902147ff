import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY, expectAudit, noticesWorld, published, T0, type NoticesWorld } from './support.ts';

let w: NoticesWorld;
let A: string;
let X1: string;

beforeAll(async () => {
  w = await noticesWorld();
  A = w.world.A.communityId;
  X1 = w.world.A.compounds.compound1.id;
});
afterAll(() => w.t.close());
beforeEach(() => w.clock.set(T0));

const object = (c: NoticesWorld['ownerA'], id: string, text = '公示期太短，且未说明费用分摊。') => c.post(`/api/notices/${id}/objections`, { text });

describe('objection window', () => {
  it('takes objections from residents of the compound while the window is open, with one audit event', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    expect((await w.ownerA.get(`/api/notices/${n.id}`)).json().abilities).toMatchObject({ object: true, edit: false, seeObjections: false });
    w.clock.advanceDays(1);
    const res = await expectAudit(w.database, A, ['notices.objection_raised'], () => object(w.ownerA, n.id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      noticeId: n.id,
      status: 'open',
      raisedAt: new Date(T0.getTime() + DAY).toISOString(),
      replyDueAt: new Date(T0.getTime() + 4 * DAY).toISOString(),
      // one of the raiser's units in the compound (they own 101 and parking P01)
      unitId: expect.toSatisfy((id: string) => [w.world.A.units.u101.id, w.world.A.units.p01.id].includes(id)),
      raisedBy: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
    });
    // a tenant living in the compound is a resident too
    expect((await object(w.tenantA, n.id)).statusCode).toBe(201);
  });

  it('refuses objections after the window closes, and before a scheduled start', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    w.clock.advanceDays(7);
    const late = await object(w.ownerA, n.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'window_closed' });
    expect((await w.ownerA.get(`/api/notices/${n.id}`)).json()).toMatchObject({ state: 'posting_ended', objectionWindowOpen: false, abilities: { object: false } });

    w.clock.set(T0);
    const scheduled = await published(w.staffA, A, { compoundId: X1, postingStartsAt: new Date(T0.getTime() + 2 * DAY).toISOString() });
    expect(scheduled.postingStartsAt).toBe(new Date(T0.getTime() + 2 * DAY).toISOString());
    expect((await object(w.ownerA, scheduled.id)).json().error.details).toMatchObject({ reason: 'window_not_open' });
    w.clock.advanceDays(2);
    expect((await object(w.ownerA, scheduled.id)).statusCode).toBe(201);
  });

  it('keeps the window open longer than the posting when asked', async () => {
    const n = await published(w.staffA, A, { compoundId: X1, postingDays: 7, objectionDays: 9 });
    w.clock.advanceDays(8);
    expect((await object(w.ownerA, n.id)).statusCode).toBe(201);
  });

  it('refuses residents of other compounds and communities (404), staff (403), and corrected notices', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    expect((await object(w.owner4A, n.id)).statusCode).toBe(404);
    expect((await object(w.ownerB, n.id)).statusCode).toBe(404);
    expect((await object(w.staffA, n.id)).statusCode).toBe(403);

    const fix = await published(w.staffA, A, { compoundId: X1, subjectId: n.subjectId, correctsId: n.id });
    expect((await object(w.ownerA, n.id)).json().error.details).toMatchObject({ reason: 'notice_corrected', correctedById: fix.id });
    expect((await object(w.ownerA, fix.id)).statusCode).toBe(201);
  });

  it('takes objections to community-wide notices from residents of any compound of the community', async () => {
    const n = await published(w.staffA, A, { compoundId: null });
    expect((await object(w.owner4A, n.id)).json()).toMatchObject({ unitId: w.world.A.units.c2u101.id });
    expect((await object(w.ownerB, n.id)).statusCode).toBe(404);
  });
});

describe('answers and deadlines', () => {
  it('flags an unanswered objection overdue after the reply deadline, and lists it per community', async () => {
    const n = await published(w.staffA, A, { compoundId: X1, title: 'Overdue check' });
    const o = (await object(w.ownerA, n.id)).json();
    w.clock.advanceDays(3);
    expect((await w.staffA.get(`/api/notices/${n.id}/objections`)).json().items[0]).toMatchObject({ id: o.id, status: 'open' });
    expect((await w.staffA.get(`/api/communities/${A}/overdue-objections`)).json().items.map((i: { id: string }) => i.id)).not.toContain(o.id);

    w.clock.advance(1);
    const list = (await w.staffA.get(`/api/notices/${n.id}/objections`)).json();
    expect(list.items[0]).toMatchObject({ id: o.id, status: 'overdue', abilities: { answer: true } });
    const overdue = (await w.staffA.get(`/api/communities/${A}/overdue-objections`)).json();
    expect(overdue.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: o.id, noticeTitle: 'Overdue check', status: 'overdue' })]));
    expect((await w.staffA.get(`/api/notices/${n.id}`)).json().objections).toEqual({ total: 1, open: 1, overdue: 1, answered: 0 });
    const flagged = (await w.staffA.get(`/api/communities/${A}/notices?hasOverdueObjections=true&pageSize=200`)).json();
    expect(flagged.items.map((i: { id: string }) => i.id)).toContain(n.id);
    const clean = (await w.staffA.get(`/api/communities/${A}/notices?hasOverdueObjections=false&pageSize=200`)).json();
    expect(clean.items.map((i: { id: string }) => i.id)).not.toContain(n.id);

    // other communities' staff reach neither list
    expect((await w.staffB.get(`/api/communities/${A}/overdue-objections`)).statusCode).toBe(404);
    expect((await w.staffB.get(`/api/notices/${n.id}/objections`)).statusCode).toBe(404);

    // answered late: no longer overdue, recorded as late
    const answered = await expectAudit(w.database, A, ['notices.objection_answered'], () =>
      w.staffA.post(`/api/notices/${n.id}/objections/${o.id}/answer`, { answer: '已核实，公示期符合规定。' }));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered_late', answer: '已核实，公示期符合规定。', answeredBy: expect.stringMatching(/^user:/) });
    expect((await w.staffA.get(`/api/communities/${A}/overdue-objections`)).json().items.map((i: { id: string }) => i.id)).not.toContain(o.id);
  });

  it('answers once, in time; the raiser sees the answer among their objections', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    const o = (await object(w.ownerA, n.id, 'Mine')).json();
    w.clock.advanceDays(1);
    const res = await w.staffA.post(`/api/notices/${n.id}/objections/${o.id}/answer`, { answer: 'Answered' });
    expect(res.json()).toMatchObject({ status: 'answered', answeredAt: new Date(T0.getTime() + DAY).toISOString() });
    const twice = await w.staffA.post(`/api/notices/${n.id}/objections/${o.id}/answer`, { answer: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ reason: 'already_answered' });

    const mine = (await w.ownerA.get('/api/my/objections')).json();
    expect(mine.items.find((i: { id: string }) => i.id === o.id)).toMatchObject({ text: 'Mine', answer: 'Answered', status: 'answered', abilities: { answer: false } });
    expect((await w.owner4A.get('/api/my/objections')).json().items.map((i: { id: string }) => i.id)).not.toContain(o.id);
    expect((await w.staffA.get('/api/my/objections')).statusCode).toBe(403);
  });

  it('lets only the notice\u2019s managers see and answer objections', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    const o = (await object(w.ownerA, n.id)).json();
    expect((await w.ownerA.get(`/api/notices/${n.id}/objections`)).statusCode).toBe(403);
    expect((await w.propertyA.get(`/api/notices/${n.id}/objections`)).statusCode).toBe(403);
    // the committee did not issue this community notice
    expect((await w.committeeA.post(`/api/notices/${n.id}/objections/${o.id}/answer`, { answer: 'x' })).statusCode).toBe(403);
    expect((await w.streetA.post(`/api/notices/${n.id}/objections/${o.id}/answer`, { answer: 'Street answers' })).statusCode).toBe(200);
    const empty = await w.staffA.post(`/api/notices/${n.id}/objections/${o.id}/answer`, { answer: '   ' });
    expect(empty.statusCode).toBe(400);
  });

  it('lets a committee answer objections to the notices it issued; its overdue list holds only those', async () => {
    const mine = await published(w.committeeA, A, { compoundId: X1 });
    expect(mine.issuerKind).toBe('owners_committee');
    const community = await published(w.staffA, A, { compoundId: X1 });
    const o1 = (await object(w.ownerA, mine.id)).json();
    const o2 = (await object(w.ownerA, community.id)).json();
    w.clock.advanceDays(5);
    const overdue = (await w.committeeA.get(`/api/communities/${A}/overdue-objections?pageSize=200`)).json().items.map((i: { id: string }) => i.id);
    expect(overdue).toContain(o1.id);
    expect(overdue).not.toContain(o2.id);
    expect((await w.committeeA.post(`/api/notices/${mine.id}/objections/${o1.id}/answer`, { answer: 'Committee answers' })).statusCode).toBe(200);
    expect((await w.propertyA.get(`/api/communities/${A}/overdue-objections`)).statusCode).toBe(404);
  });
});
