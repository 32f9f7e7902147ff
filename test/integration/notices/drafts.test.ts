import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, draft, draftBody, expectAudit, noticesWorld, published, T0, type NoticesWorld } from './support.ts';

let w: NoticesWorld;
let A: string;
let X1: string;

beforeAll(async () => {
  w = await noticesWorld();
  A = w.world.A.communityId;
  X1 = w.world.A.compounds.compound1.id;
});
afterAll(() => w.t.close());

describe('posting period', () => {
  it('defaults to 7 days, the objection window to the posting period, the reply deadline to 3 days', async () => {
    const n = await draft(w.staffA, A, { compoundId: X1 });
    expect(n).toMatchObject({ state: 'draft', postingDays: 7, objectionDays: 7, replyDays: 3, publishedAt: null, postingEndsAt: null, issuerKind: 'community' });
    expect(n.compound).toEqual({ id: X1, name: 'A1 Garden' });
    expect(n.community).toEqual({ id: A, name: 'Community A' });
    expect(n.abilities).toMatchObject({ edit: true, publish: true, uploadAttachment: true, uploadProof: false, object: false });
  });

  it('refuses fewer than 7 days, naming the field', async () => {
    const res = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ postingDays: 6 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'posting_too_short', field: 'postingDays', minimum: 7 } });
    expect(res.json().error.message).toMatch(/^postingDays: must be at least 7 days/);
    const window = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ postingDays: 10, objectionDays: 5 }));
    expect(window.json().error).toMatchObject({ details: { field: 'objectionDays' } });
  });

  it('follows the community minimum, which may not go below 7', async () => {
    const low = await w.staffA.put(`/api/communities/${A}/notice-settings`, { minPostingDays: 5, replyDays: 2 });
    expect(low.statusCode).toBe(400);
    expect(low.json().error).toMatchObject({ code: 'validation_failed', details: { field: 'minPostingDays' } });

    const set = await expectAudit(w.database, A, ['notices.settings_changed'], () =>
      w.staffA.put(`/api/communities/${A}/notice-settings`, { minPostingDays: 10, replyDays: 2 }));
    expect(set.json()).toMatchObject({ minPostingDays: 10, replyDays: 2, isDefault: false, floorDays: 7 });
    expect((await w.committeeA.put(`/api/communities/${A}/notice-settings`, { minPostingDays: 12, replyDays: 2 })).statusCode).toBe(403);
    expect((await w.committeeA.get(`/api/communities/${A}/notice-settings`)).json()).toMatchObject({ minPostingDays: 10, abilities: { edit: false } });
    expect((await w.staffB.get(`/api/communities/${A}/notice-settings`)).statusCode).toBe(404);

    const defaulted = await draft(w.staffA, A);
    expect(defaulted).toMatchObject({ postingDays: 10, objectionDays: 10, replyDays: 2 });
    const short = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ postingDays: 8 }));
    expect(short.json().error.message).toMatch(/^postingDays: must be at least 10 days/);

    // a draft made under the old minimum is checked again when published
    await w.staffA.put(`/api/communities/${A}/notice-settings`, { minPostingDays: 12, replyDays: 2 });
    const stale = await w.staffA.post(`/api/notices/${defaulted.id}/publish`);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details).toMatchObject({ reason: 'posting_too_short', field: 'postingDays', minimum: 12 });
    await w.staffA.put(`/api/communities/${A}/notice-settings`, { minPostingDays: 7, replyDays: 3 });
  });

  it('refuses a scheduled start in the past and unknown subject types', async () => {
    const past = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ postingStartsAt: new Date(T0.getTime() - DAY).toISOString() }));
    expect(past.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'start_in_past' } });
    const unknown = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ subjectType: 'gossip' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/subjectType/);
    const foreign = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ compoundId: w.world.B.compounds.compound1.id }));
    expect(foreign.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'compound_outside_community' } });
  });
});

describe('publishing and immutability', () => {
  it('publishes with one audit event and sets the posting period from now', async () => {
    const d = await draft(w.staffA, A, { compoundId: X1, postingDays: 8, objectionDays: 10 });
    const res = await expectAudit(w.database, A, ['notices.notice_published'], () => w.staffA.post(`/api/notices/${d.id}/publish`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'published',
      publishedAt: T0.toISOString(),
      postingStartsAt: T0.toISOString(),
      postingEndsAt: new Date(T0.getTime() + 8 * DAY).toISOString(),
      objectionEndsAt: new Date(T0.getTime() + 10 * DAY).toISOString(),
      objectionWindowOpen: true,
      abilities: { edit: false, publish: false, uploadProof: true, correct: true },
    });
  });

  it('drafts and edits drafts with one audit event each', async () => {
    const d = await expectAudit(w.database, A, ['notices.notice_drafted'], () => draft(w.staffA, A));
    const res = await expectAudit(w.database, A, ['notices.draft_updated'], () => w.staffA.patch(`/api/notices/${d.id}`, { title: 'Revised', postingDays: 9 }));
    expect(res.json()).toMatchObject({ title: 'Revised', postingDays: 9, objectionDays: 9 });
  });

  it('refuses every change once published, and the row stays as published', async () => {
    const n = await published(w.staffA, A);
    const before = await w.database.query('select * from notices where id = $1', [n.id]);
    const patch = await w.staffA.patch(`/api/notices/${n.id}`, { title: 'Changed after the fact' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error).toMatchObject({ code: 'conflict', details: { reason: 'published_is_immutable' } });
    const again = await w.staffA.post(`/api/notices/${n.id}/publish`);
    expect(again.json().error).toMatchObject({ code: 'conflict', details: { reason: 'not_draft' } });
    const attach = await w.staffA.upload(`/api/notices/${n.id}/attachments`, { name: 'a.pdf', content: Buffer.from('%PDF-1.4\n') });
    expect(attach.json().error).toMatchObject({ code: 'conflict', details: { reason: 'published_is_immutable' } });
    expect(await w.database.query('select * from notices where id = $1', [n.id])).toEqual(before);
  });

  it('lists a community\u2019s notices with filters and pages', async () => {
    const list = await w.staffA.get(`/api/communities/${A}/notices?pageSize=2`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 2 });
    expect(list.json().items).toHaveLength(2);
    const total = list.json().total;
    const drafts = (await w.staffA.get(`/api/communities/${A}/notices?state=draft&pageSize=200`)).json();
    const live = (await w.staffA.get(`/api/communities/${A}/notices?state=published&pageSize=200`)).json();
    expect(drafts.total + live.total).toBe(total);
    expect(drafts.items.every((i: { state: string }) => i.state === 'draft')).toBe(true);
    const ofCompound = (await w.staffA.get(`/api/communities/${A}/notices?compoundId=${X1}&pageSize=200`)).json();
    expect(ofCompound.items.every((i: { compound: { id: string } | null }) => i.compound?.id === X1)).toBe(true);
    expect((await w.staffA.get(`/api/communities/${A}/notices?subjectType=vote_result`)).json().total).toBe(0);

    w.clock.advanceDays(30);
    const ended = (await w.staffA.get(`/api/communities/${A}/notices?state=posting_ended&pageSize=200`)).json();
    expect(ended.total).toBe(live.total);
    expect(ended.items.every((i: { state: string }) => i.state === 'posting_ended')).toBe(true);
    w.clock.set(T0);
  });
});

describe('corrections', () => {
  it('publishes a correction as a new notice; the old one shows "corrected by"', async () => {
    const subjectId = (await published(w.staffA, A, { compoundId: X1, subjectType: 'matter_results' })).subjectId;
    const first = (await w.staffA.get(`/api/communities/${A}/notices?subjectType=matter_results`)).json().items[0];
    const fix = await draft(w.staffA, A, { compoundId: X1, subjectType: 'matter_results', subjectId, correctsId: first.id, title: 'Corrected' });
    expect(fix.corrects).toMatchObject({ id: first.id });
    // the draft correction does not yet mark the old one
    expect((await w.staffA.get(`/api/notices/${first.id}`)).json().correctedBy).toBeNull();

    await w.staffA.post(`/api/notices/${fix.id}/publish`);
    const old = (await w.staffA.get(`/api/notices/${first.id}`)).json();
    expect(old).toMatchObject({ state: 'published', correctedBy: { id: fix.id, title: 'Corrected' }, abilities: { correct: false }, objectionWindowOpen: false });
    expect((await w.public.get(`/api/public/notices/${first.id}`)).json().correctedBy).toMatchObject({ id: fix.id });

    // a second correction of the old notice is refused; the chain continues from the correction
    const twice = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ compoundId: X1, subjectType: 'matter_results', subjectId, correctsId: first.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ reason: 'already_corrected', correctedById: fix.id });
    const third = await published(w.staffA, A, { compoundId: X1, subjectType: 'matter_results', subjectId, correctsId: fix.id });
    expect((await w.staffA.get(`/api/notices/${fix.id}`)).json().correctedBy).toMatchObject({ id: third.id });
  });

  it('refuses to correct a draft, or a notice of another subject', async () => {
    const d = await draft(w.staffA, A);
    const ofDraft = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ subjectId: d.subjectId, correctsId: d.id }));
    expect(ofDraft.json().error.details).toMatchObject({ reason: 'corrects_draft' });
    const p = await published(w.staffA, A);
    const mismatch = await w.staffA.post(`/api/communities/${A}/notices`, draftBody({ correctsId: p.id }));
    expect(mismatch.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'correction_mismatch' } });
    const foreign = await w.staffB.post(`/api/communities/${w.world.B.communityId}/notices`, draftBody({ subjectId: p.subjectId, correctsId: p.id }));
    expect(foreign.json().error.message).toMatch(/^correctsId: /);
  });

  it('refuses the second of two drafts correcting the same notice at publish', async () => {
    const p = await published(w.staffA, A);
    const one = await draft(w.staffA, A, { subjectId: p.subjectId, correctsId: p.id });
    const two = await draft(w.staffA, A, { subjectId: p.subjectId, correctsId: p.id });
    expect((await w.staffA.post(`/api/notices/${one.id}/publish`)).statusCode).toBe(200);
    const second = await w.staffA.post(`/api/notices/${two.id}/publish`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toMatchObject({ reason: 'already_corrected', correctedById: one.id });
  });
});
