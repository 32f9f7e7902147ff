import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, DAY, draft, expectStatus, multipart, staffClient, votingWorld, withAudit, type Client, type VotingWorld } from './world.ts';

let w: VotingWorld;
let committee: Client;
let staff: Client;
let street: Client;
let property: Client;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  staff = await staffClient(w, w.staff.communityStaff);
  street = await staffClient(w, w.staff.street);
  property = await staffClient(w, w.staff.property);
});
afterAll(() => w.t.close());

const invalidPath = (res: { statusCode: number; json(): { error: { code: string; message: string; details: { issues: { path: string }[] } } } }) => {
  expect(res.statusCode).toBe(400);
  const { error } = res.json();
  expect(error.code).toBe('validation_failed');
  return error.details.issues.map((i) => i.path);
};

describe('convening a vote', () => {
  it("lets the owners' committee convene a draft, with questions, rule and abilities; one audit event", async () => {
    const { result: res, events } = await withAudit(w, () => committee.post('/api/votes', draft(w, {
      matterId: '00000000-0000-4000-8000-000000000001',
      options: { coOwnerConflict: 'void' },
      allowBallotChange: true,
      questions: [
        { title: 'Raise the maintenance fund', item: 6 },
        { title: "Elect the owners' committee", item: 3, kind: 'election', seats: 2, candidates: [{ name: 'Wang' }, { name: 'Li' }, { name: 'Zhao' }] },
      ],
    })));
    const vote = expectStatus(res, 201);
    expect(vote).toMatchObject({
      state: 'draft',
      convenerKind: 'owners_committee',
      compound: { id: w.compound.id, name: 'Harmony Garden' },
      matterId: '00000000-0000-4000-8000-000000000001',
      preset: 'cn-civil-code-2021',
      options: { coOwnerConflict: 'void', parkingInVotingArea: false },
      allowBallotChange: true,
      abilities: { edit: true, announce: true, open: false, cast: false, seeProgress: true, enterPaperBallots: false },
    });
    expect(vote.questions).toMatchObject([
      { position: 1, item: 6, class: 'special', kind: 'decision', seats: null, candidates: [] },
      { position: 2, item: 3, class: 'ordinary', kind: 'election', seats: 2, candidates: [{ id: 'c1', name: 'Wang' }, { id: 'c2', name: 'Li' }, { id: 'c3', name: 'Zhao' }] },
    ]);
    expect(events.map((e) => e.kind)).toEqual(['voting.vote_created']);
    expect(events[0].object_id).toBe(vote.id);
  });

  it('names the field of every rule it refuses', async () => {
    const at = (days: number) => new Date(w.clock.now().getTime() + days * DAY).toISOString();
    expect(invalidPath(await committee.post('/api/votes', draft(w, { options: { silentVotes: 'follow-majority' } })))).toEqual(['options.silentVotesClause']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { noticeAt: at(1), opensAt: at(10), closesAt: at(20) })))).toEqual(['opensAt']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { noticeAt: at(1), opensAt: at(20), closesAt: at(23) })))).toEqual(['closesAt']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { noticeAt: at(1), opensAt: at(20), closesAt: at(90) })))).toEqual(['closesAt']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { questions: [{ title: 'x', item: 10 }] })))).toEqual(['body.questions.0.item']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { questions: [] })))).toEqual(['body.questions']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { preset: 'us-ucioa' })))).toEqual(['preset']);
    expect(invalidPath(await committee.post('/api/votes', draft(w, { questions: [{ title: 'Elect', item: 4, kind: 'election', seats: 1, candidates: [{ name: 'A' }] }] })))).toEqual(['questions.0.item']);
    const silent = await committee.post('/api/votes', draft(w, { options: { silentVotes: 'follow-majority' } }));
    expect(silent.json().error.message).toBe('options.silentVotesClause: silent votes need the rules-of-procedure clause that allows them');
    const clause = await committee.post('/api/votes', draft(w, { options: { silentVotes: 'follow-majority', silentVotesClause: 'Rules of procedure Art. 12' } }));
    expect(clause.statusCode).toBe(201);
  });

  it("refuses community staff and the street where the compound has an owners' committee", async () => {
    const res = await staff.post('/api/votes', draft(w));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('compound_has_committee');
    expect((await street.post('/api/votes', draft(w))).statusCode).toBe(403);
  });

  it('lets community staff or the street convene where the compound has none; the committee of another compound may not', async () => {
    const vote = expectStatus(await staff.post('/api/votes', draft(w, { compoundId: w.bare.id })), 201);
    expect(vote.convenerKind).toBe('community');
    expect(expectStatus(await street.post('/api/votes', draft(w, { compoundId: w.bare.id })), 201).convenerKind).toBe('community');
    // the street manages what the community convened, the committee of another compound does not even see it
    expect(expectStatus(await street.get(`/api/votes/${vote.id}`), 200).abilities.edit).toBe(true);
    expect((await committee.get(`/api/votes/${vote.id}`)).statusCode).toBe(404);
    expect((await committee.post('/api/votes', draft(w, { compoundId: w.bare.id }))).statusCode).toBe(404);
  });

  it('refuses property staff, owners and anonymous callers', async () => {
    expect((await property.post('/api/votes', draft(w))).statusCode).toBe(403);
    expect((await client(w.app, null).post('/api/votes', draft(w))).statusCode).toBe(401);
  });

  it('edits a draft with the same checks, and only a draft', async () => {
    const vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    const { compoundId: _c, ...body } = draft(w, { title: 'Renovate the lifts', questions: [{ title: 'Renovate', item: 7 }] });
    const { result, events } = await withAudit(w, () => committee.put(`/api/votes/${vote.id}`, body));
    const edited = expectStatus(result, 200);
    expect(events.map((e) => e.kind)).toEqual(['voting.vote_updated']);
    expect(edited).toMatchObject({ title: 'Renovate the lifts', questions: [{ item: 7, class: 'special' }] });
    expect(invalidPath(await committee.put(`/api/votes/${vote.id}`, { ...body, options: { silentVotes: 'follow-majority' } }))).toEqual(['options.silentVotesClause']);
    expect((await staff.put(`/api/votes/${vote.id}`, body)).statusCode).toBe(403);
    expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
    const late = await committee.put(`/api/votes/${vote.id}`, body);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'wrong_state', state: 'announced' });
  });

  it("applies the compound's own bounds, set by those who may convene there", async () => {
    const defaults = expectStatus(await committee.get(`/api/compounds/${w.compound.id}/vote-settings`), 200);
    expect(defaults).toEqual({ compoundId: w.compound.id, minNoticeDays: 15, minWindowDays: 5, maxWindowDays: 60, maxOwnersPerProxy: 5, isDefault: true, abilities: { edit: true } });
    expect(expectStatus(await staff.get(`/api/compounds/${w.compound.id}/vote-settings`), 200).abilities.edit).toBe(false);
    expect((await staff.put(`/api/compounds/${w.compound.id}/vote-settings`, { minNoticeDays: 20, minWindowDays: 7, maxWindowDays: 30, maxOwnersPerProxy: 2 })).statusCode).toBe(403);
    const bad = await committee.put(`/api/compounds/${w.compound.id}/vote-settings`, { minNoticeDays: 20, minWindowDays: 40, maxWindowDays: 30, maxOwnersPerProxy: 2 });
    expect(bad.json().error.message).toBe('body.maxWindowDays: must not be below minWindowDays');
    const { result, events } = await withAudit(w, () => committee.put(`/api/compounds/${w.compound.id}/vote-settings`, { minNoticeDays: 20, minWindowDays: 7, maxWindowDays: 30, maxOwnersPerProxy: 2 }));
    expect(expectStatus(result, 200)).toMatchObject({ minNoticeDays: 20, isDefault: false });
    expect(events.map((e) => e.kind)).toEqual(['voting.settings_changed']);
    // the default draft has 16 days of notice and a 10-day window: too little notice now
    expect(invalidPath(await committee.post('/api/votes', draft(w)))).toEqual(['opensAt']);
    expectStatus(await committee.put(`/api/compounds/${w.compound.id}/vote-settings`, { minNoticeDays: 15, minWindowDays: 5, maxWindowDays: 60, maxOwnersPerProxy: 2 }), 200);
  });
});

describe('documents', () => {
  it('stores a notice with its size and SHA-256, serves the same bytes, and audits the upload', async () => {
    const vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    const content = Buffer.from('%PDF-1.4 notice of the owners\u2019 assembly');
    const body = multipart({ kind: 'notice' }, { name: '公告.pdf', content, type: 'application/pdf' });
    const cookie = committee.cookie!;
    const { result, events } = await withAudit(w, () => w.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/documents`, payload: body.payload, headers: { ...body.headers, cookie } }));
    const doc = expectStatus(result, 201);
    const { createHash } = await import('node:crypto');
    expect(doc).toMatchObject({ kind: 'notice', name: '公告.pdf', mimeType: 'application/pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    expect(events.map((e) => e.kind)).toEqual(['voting.document_uploaded']);
    const download = await committee.get(doc.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(expectStatus(await committee.get(`/api/votes/${vote.id}`), 200).documents).toHaveLength(1);
    // no file: the field is named
    const empty = multipart({ kind: 'notice' });
    const missing = await w.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/documents`, payload: empty.payload, headers: { ...empty.headers, cookie } });
    expect(missing.json().error.message).toContain('file:');
    // a proxy authorisation belongs to the announced vote, not the draft
    const early = multipart({ kind: 'proxy_authorisation' }, { name: 'auth.jpg', content, type: 'image/jpeg' });
    const refused = await w.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/documents`, payload: early.payload, headers: { ...early.headers, cookie } });
    expect(refused.statusCode).toBe(409);
  });
});
