import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, consultationWorld, DAY, expectStatus, holdJointMeeting, matterAt, raise, type World } from './world.ts';

// Who resolves: for an Art. 278 matter the owners' assembly, by a vote whose published result
// becomes the resolution (never a hand-entered text); for other matters the body the matter's
// type names, entered by that body's role.

let w: World;
beforeAll(async () => {
  w = await consultationWorld();
});
afterAll(() => w.t.close());

/** Carries a matter raised by staff through consultation and a joint meeting with consensus, into step resolve. */
async function inResolve(over: Record<string, unknown>) {
  let m = await raise(w, w.as('staff'), over);
  m = expectStatus(await advance(w.as('staff'), m, 'consult', { direction: '按程序推进' }), 200);
  w.clock.advanceDays(7);
  m = expectStatus(await advance(w.as('staff'), m, 'deliberate'), 200);
  await holdJointMeeting(w, m.id, { conclusion: 'consensus' });
  return expectStatus(await advance(w.as('staff'), m, 'resolve'), 200);
}

/** Convenes an owners' vote on the matter, takes every household's ballot, closes, counts and publishes it. */
async function publishedVote(matterId: string, choice: 'for' | 'against') {
  const committee = w.as('committee');
  const noticeAt = new Date(w.clock.now().getTime() + DAY);
  const opensAt = new Date(noticeAt.getTime() + 16 * DAY);
  const closesAt = new Date(opensAt.getTime() + 10 * DAY);
  const vote = expectStatus(await committee.post('/api/votes', {
    compoundId: w.compound.id, matterId, title: '选聘物业服务企业', noticeText: '业主大会表决公告',
    noticeAt: noticeAt.toISOString(), opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(),
    questions: [{ title: 'Hire Good Property Co. for three years', item: 4 }],
  }), 201);
  expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
  w.clock.set(opensAt);
  expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200);
  for (const h of w.households) {
    const owner = await w.ownerClient(h.owner);
    const res = await w.app.inject({
      method: 'POST', url: `/api/votes/${vote.id}/questions/${vote.questions[0].id}/ballots`,
      headers: { cookie: owner.cookie, 'idempotency-key': `ballot-${randomUUID()}` }, payload: { choice },
    });
    expectStatus(res, 201);
  }
  w.clock.set(new Date(closesAt.getTime() + 1000));
  for (const move of ['close', 'count']) expectStatus(await committee.post(`/api/votes/${vote.id}/${move}`), 200);
  return { vote, publish: async () => expectStatus(await committee.post(`/api/votes/${vote.id}/publish`), 200) };
}

describe('an Art. 278 matter', () => {
  let matter: { id: string; step: string; decidingBody: string };

  it('is decided by an owners\u2019 vote', async () => {
    matter = await inResolve({ decidingBody: undefined, art278Item: 4, title: '选聘新的物业服务企业', category: 'property_services' });
    expect(matter).toMatchObject({ step: 'resolve', decidingBody: 'owners_vote', art278Item: 4 });
  });

  it('refuses a hand-entered resolution, from anyone', async () => {
    for (const role of ['committee', 'staff'] as const) {
      const res = expectStatus(await w.as(role).post(`/api/matters/${matter.id}/resolution`, { text: '业委会决定续聘原物业' }), 409);
      expect(res.error.details).toMatchObject({ reason: 'art278_requires_owners_vote', field: 'text' });
      expect(res.error.message).toContain('only the owners\' assembly decides it, by an owners\' vote');
    }
    expect((await w.as('property').post(`/api/matters/${matter.id}/resolution`, { text: 'x' })).statusCode).toBe(403);
  });

  it('refuses the vote result while no vote on it is published', async () => {
    const { publish } = await publishedVote(matter.id, 'for');
    const early = expectStatus(await w.as('committee').post(`/api/matters/${matter.id}/resolution`, { fromVote: true }), 409);
    expect(early.error.details.reason).toBe('vote_not_published');
    await publish();
  });

  it('takes over the published result as the resolution, and publishes it', async () => {
    const view = expectStatus(await w.as('committee').post(`/api/matters/${matter.id}/resolution`, { fromVote: true }), 200);
    expect(view.resolution).toMatchObject({ decidingBody: 'owners_vote', basis: 'vote', passed: true, meetingId: null });
    expect(view.resolution.voteId).toBeTruthy();
    expect(view.resolution.text).toContain('通过');
    const twice = expectStatus(await w.as('committee').post(`/api/matters/${matter.id}/resolution`, { fromVote: true }), 409);
    expect(twice.error.details.reason).toBe('resolution_exists');
    const published = expectStatus(await advance(w.as('committee'), view, 'publish_resolution'), 200);
    expect(published.step).toBe('publish_resolution');
  });
});

describe('other matters', () => {
  it('an owners\u2019 committee matter is entered by that committee only, as text', async () => {
    const m = await inResolve({ decidingBody: 'owners_committee' });
    const staff = expectStatus(await w.as('staff').post(`/api/matters/${m.id}/resolution`, { text: 'x' }), 403);
    expect(staff.error.details.reason).toBe('wrong_deciding_body');
    expect(staff.error.message).toContain("the owners' committee of the compound");
    const fromVote = expectStatus(await w.as('committee').post(`/api/matters/${m.id}/resolution`, { fromVote: true }), 409);
    expect(fromVote.error.details.reason).toBe('not_an_owners_vote_matter');
    const ok = expectStatus(await w.as('committee').post(`/api/matters/${m.id}/resolution`, { text: '同意' }), 200);
    expect(ok.resolution).toMatchObject({ decidingBody: 'owners_committee', basis: 'meeting', text: '同意' });
  });

  it('a two-committee or residents\u2019 assembly matter is entered by community staff', async () => {
    for (const body of ['two_committees', 'residents_assembly'] as const) {
      const m = await matterAt(w, 'resolve', { decidingBody: body, compoundId: null, source: 'community', signaturesRequired: 0 });
      expect((await w.as('committee').post(`/api/matters/${m.id}/resolution`, { text: 'x' })).statusCode).toBe(403);
      const ok = expectStatus(await w.as('staff').post(`/api/matters/${m.id}/resolution`, { text: '两委决定', basisNote: '居民会议 2026-03-01' }), 200);
      expect(ok.resolution).toMatchObject({ decidingBody: body, basis: 'meeting', basisNote: '居民会议 2026-03-01' });
    }
  });

  it('is recorded only in step resolve', async () => {
    const m = await matterAt(w, 'deliberate');
    const res = expectStatus(await w.as('committee').post(`/api/matters/${m.id}/resolution`, { text: 'x' }), 409);
    expect(res.error.details.reason).toBe('step_closed');
  });
});
