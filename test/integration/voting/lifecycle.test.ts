import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, draft, expectStatus, ownerClient, staffClient, votingWorld, withAudit, type Client, type VotingWorld } from './world.ts';

let w: VotingWorld;
let committee: Client;
let committee2: Client;
let staff: Client;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  committee2 = await staffClient(w, w.staff.committee2);
  staff = await staffClient(w, w.staff.communityStaff);
});
afterAll(() => w.t.close());

/** A move that must be refused with 409 and this reason, appending no audit event. */
async function refused(who: Client, voteId: string, move: string, reason: string, body?: unknown) {
  const { result, events } = await withAudit(w, () => who.post(`/api/votes/${voteId}/${move}`, body));
  expect(result.statusCode, `${move}: ${result.body}`).toBe(409);
  expect(result.json().error).toMatchObject({ code: 'conflict', details: { reason } });
  expect(events).toEqual([]);
  return result.json().error;
}

/** A move that must succeed, appending exactly one audit event of this kind. */
async function moved(who: Client, voteId: string, move: string, kind: string, body?: unknown) {
  const { result, events } = await withAudit(w, () => who.post(`/api/votes/${voteId}/${move}`, body));
  const vote = expectStatus(result, 200);
  expect(events.map((e) => [e.kind, e.object_id])).toEqual([[kind, voteId]]);
  return { vote, event: events[0] };
}

describe("a vote's life", () => {
  it('moves draft → announced → open → closed → counted → published, each move one audited command at its time', async () => {
    const created = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    const id = created.id;
    for (const move of ['open', 'close', 'count', 'publish']) await refused(committee, id, move, 'wrong_state');

    const { vote: announced, event } = await moved(committee, id, 'announce', 'voting.vote_announced');
    expect(announced).toMatchObject({ state: 'announced', announcedAt: w.clock.now().toISOString(), abilities: { edit: false, open: false, extend: true } });
    expect(event.after).toMatchObject({ state: 'announced', roll: { units: 30, heads: 24, problems: 0 } });
    await refused(committee, id, 'announce', 'wrong_state');

    // one millisecond before the opening time is too early
    w.clock.set(new Date(new Date(created.opensAt).getTime() - 1));
    const early = await refused(committee, id, 'open', 'too_early');
    expect(early.details.field).toBe('opensAt');
    w.clock.set(created.opensAt);
    const { vote: opened } = await moved(committee2, id, 'open', 'voting.vote_opened');
    expect(opened).toMatchObject({ state: 'open', openedAt: created.opensAt, abilities: { close: false, count: false } });

    // no early close
    w.clock.set(new Date(new Date(created.closesAt).getTime() - 1));
    expect((await refused(committee, id, 'close', 'too_early')).message).toContain('an early close is not allowed');
    await refused(committee, id, 'count', 'wrong_state');
    w.clock.set(created.closesAt);
    expect(expectStatus(await committee.get(`/api/votes/${id}`), 200).abilities.close).toBe(true);
    await moved(committee, id, 'close', 'voting.vote_closed');
    await refused(committee, id, 'cancel', 'wrong_state', { reason: 'too late' });
    await refused(committee, id, 'publish', 'wrong_state');
    const { vote: counted } = await moved(committee, id, 'count', 'voting.vote_counted');
    expect(counted.state).toBe('counted');
    expect(counted.merkleRoot).toBeNull(); // nobody voted: no receipts, no root
    const { vote: published } = await moved(committee, id, 'publish', 'voting.vote_published');
    expect(published).toMatchObject({ state: 'published', abilities: { cancel: false, publish: false, seeResults: true } });
    for (const move of ['announce', 'open', 'close', 'count', 'publish']) await refused(committee, id, move, 'wrong_state');
    await refused(committee, id, 'cancel', 'wrong_state', { reason: 'x' });
  });

  it('refuses an announcement that leaves less than the minimum notice', async () => {
    const created = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    w.clock.set(new Date(new Date(created.opensAt).getTime() - 15 * DAY + 1));
    const error = await refused(committee, created.id, 'announce', 'too_late');
    expect(error.message).toMatch(/^opensAt: the notice must be posted at least 15 days before opening/);
    w.clock.set(new Date(new Date(created.opensAt).getTime() - 15 * DAY));
    await moved(committee, created.id, 'announce', 'voting.vote_announced');
  });

  it('cancels from draft, announced or open with the reason; a cancelled vote moves no more', async () => {
    for (const stage of ['draft', 'announced', 'open'] as const) {
      const created = expectStatus(await committee.post('/api/votes', draft(w)), 201);
      if (stage !== 'draft') expectStatus(await committee.post(`/api/votes/${created.id}/announce`), 200);
      if (stage === 'open') {
        w.clock.set(created.opensAt);
        expectStatus(await committee.post(`/api/votes/${created.id}/open`), 200);
      }
      expect((await committee.post(`/api/votes/${created.id}/cancel`, {})).json().error.message).toMatch(/^body\.reason/);
      const { vote, event } = await moved(committee, created.id, 'cancel', 'voting.vote_cancelled', { reason: 'The property company withdrew its bid' });
      expect(vote).toMatchObject({ state: 'cancelled', cancelReason: 'The property company withdrew its bid' });
      expect(event.after).toMatchObject({ reason: 'The property company withdrew its bid' });
      for (const move of ['announce', 'open', 'close', 'count', 'publish']) await refused(committee, created.id, move, 'wrong_state');
    }
  });

  it('extends the closing time before it passes, notifies the owners, and audits both times', async () => {
    const created = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    expectStatus(await committee.post(`/api/votes/${created.id}/announce`), 200);
    w.clock.set(created.opensAt);
    expectStatus(await committee.post(`/api/votes/${created.id}/open`), 200);
    const closesAt = new Date(created.closesAt).getTime();
    const to = (ms: number) => ({ closesAt: new Date(ms).toISOString(), reason: 'Spring Festival' });

    await refused(committee, created.id, 'extend', 'too_early', to(closesAt - DAY));
    await refused(committee, created.id, 'extend', 'too_late', to(new Date(created.opensAt).getTime() + 61 * DAY));
    expect((await staff.post(`/api/votes/${created.id}/extend`, to(closesAt + DAY))).statusCode).toBe(403);
    const { vote, event } = await moved(committee, created.id, 'extend', 'voting.closing_extended', to(closesAt + 5 * DAY));
    expect(vote.closesAt).toBe(new Date(closesAt + 5 * DAY).toISOString());
    // 27 owners: 19 sole owners, the multi-unit owner, 3 × 2 co-owners and the developer
    expect(event.after).toMatchObject({ reason: 'Spring Festival', notified: 27 });
    expect(vote.notifications).toEqual([expect.objectContaining({ kind: 'closing_extended', recipients: 27 })]);
    expect(vote.notifications[0].messageZh).toContain('截止时间延长至');
    expect(vote.notifications[0].messageEn).toContain('is extended to');
    // owners see the notification on the vote
    const owner = await ownerClient(w, w.soleOwners[3]);
    expect(expectStatus(await owner.get(`/api/votes/${created.id}`), 200).notifications).toHaveLength(1);
    // the old closing time no longer closes it; once the new one has passed it cannot be extended
    w.clock.set(new Date(closesAt + 5 * DAY));
    await refused(committee, created.id, 'extend', 'too_late', to(closesAt + 6 * DAY));
    await moved(committee, created.id, 'close', 'voting.vote_closed');
  });

  it('lets only the convening body move a vote; community staff read it', async () => {
    const created = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    const res = await staff.post(`/api/votes/${created.id}/announce`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('You may not announce this vote');
    expect(expectStatus(await staff.get(`/api/votes/${created.id}`), 200).abilities).toMatchObject({ announce: false, seeProgress: true, enterPaperBallots: false });
  });
});
