import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerCookie } from '../../support/factories.ts';
import { auditEvents, client, expectStatus, idem, openedVote, ownerClient, staffClient, upload, votingWorld, type Client, type VotingWorld } from './world.ts';

// Races that only a multi-connection server shows: double ballots, retried submissions,
// concurrent moves of one vote, the proxy cap and double entry. On real PostgreSQL only.

let w: VotingWorld;
let committee: Client;
let vote: { id: string; questions: { id: string }[] };
let q: string;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  vote = await openedVote(w, committee);
  q = vote.questions[0].id;
});
afterAll(() => w.t.close());

const ballotsOf = async (subjectKey: string) =>
  w.t.database.query<{ n: number }>('select count(*)::int as n from vote_ballots where vote_id = $1 and subject_key = $2', [vote.id, subjectKey]);
const castUrl = () => `/api/votes/${vote.id}/questions/${q}/ballots`;

describe('ballots under concurrency', () => {
  it('records exactly one ballot when two submissions for one subject arrive at once; the other gets a clear 409', async () => {
    const owner = await ownerClient(w, w.soleOwners[0]);
    const res = await Promise.all([owner.post(castUrl(), { choice: 'for' }, idem()), owner.post(castUrl(), { choice: 'against' }, idem())]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = res.find((r) => r.statusCode === 409)!.json().error;
    expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'ballot_exists' } });
    expect(refused.message).toBe('a ballot for this subject on this question is already recorded');
    expect((await ballotsOf(w.soleOwners[0].id))[0].n).toBe(1);
  });

  it('records one ballot when two co-owners without a named voter submit at once', async () => {
    const [a, b] = w.coOwned[2].owners;
    const res = await Promise.all([(await ownerClient(w, a)).post(castUrl(), { choice: 'for' }, idem()), (await ownerClient(w, b)).post(castUrl(), { choice: 'against' }, idem())]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await ballotsOf([a.id, b.id].sort().join('+')))[0].n).toBe(1);
  });

  it('answers retries with one Idempotency-Key with the first response, counting once, even when they race', async () => {
    const owner = await ownerClient(w, w.soleOwners[1]);
    const key = idem();
    const before = (await auditEvents(w)).length;
    const res = await Promise.all(Array.from({ length: 6 }, () => owner.post(castUrl(), { choice: 'abstain' }, key)));
    expect(res.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const bodies = new Set(res.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect((await ballotsOf(w.soleOwners[1].id))[0].n).toBe(1);
    expect((await auditEvents(w)).length - before).toBe(1);
    const receipts = await w.t.database.query<{ n: number }>('select count(*)::int as n from vote_receipts where vote_id = $1 and leaf = $2', [vote.id, JSON.parse([...bodies][0]).receipt.leaf]);
    expect(receipts[0].n).toBe(1);
  });

  it('has every acknowledged ballot committed before the response', async () => {
    const owners = w.soleOwners.slice(2, 14);
    const clients = await Promise.all(owners.map((o) => ownerClient(w, o)));
    const acknowledged = await Promise.all(clients.map(async (c) => {
      const res = await c.post(castUrl(), { choice: 'for' }, idem());
      expect(res.statusCode).toBe(201);
      // read through the pool at once: the row must already be visible to other connections
      const [row] = await w.t.database.query<{ n: number }>('select count(*)::int as n from vote_ballots where vote_id = $1 and receipt_leaf = $2', [vote.id, res.json().receipt.leaf]);
      return row.n;
    }));
    expect(acknowledged).toEqual(Array(owners.length).fill(1));
  });
});

describe('moves and limits under concurrency', () => {
  it('opens a vote once when two conveners open it at the same moment; the electorate is frozen once', async () => {
    const committee2 = await staffClient(w, w.staff.committee2);
    const created = expectStatus(await committee.post('/api/votes', (await import('./world.ts')).draft(w)), 201);
    expectStatus(await committee.post(`/api/votes/${created.id}/announce`), 200);
    w.clock.set(created.opensAt);
    const res = await Promise.all([committee.post(`/api/votes/${created.id}/open`), committee2.post(`/api/votes/${created.id}/open`)]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.statusCode === 409)!.json().error.details).toMatchObject({ reason: 'wrong_state', state: 'open' });
    const [units] = await w.t.database.query<{ n: number }>('select count(*)::int as n from vote_units where vote_id = $1', [created.id]);
    expect(units.n).toBe(30);
  });

  it('never lets one proxy holder exceed the cap when registrations race', async () => {
    const documentId = expectStatus(await upload(w, committee, vote.id, 'proxy_authorisation'), 201).id;
    const units = [15, 16, 17, 18, 19, 21, 22].map((i) => w.units[i].id);
    const res = await Promise.all(units.map((unitId) => committee.post(`/api/votes/${vote.id}/proxies`, { unitId, proxyName: 'Racer', proxyPhone: '13600000001', documentId })));
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(res.filter((r) => r.statusCode === 409).map((r) => r.json().error.details.reason)).toEqual(['proxy_cap_reached', 'proxy_cap_reached']);
    const holder = client(w.app, await ownerCookie(w.db, '13600000001'));
    expect(expectStatus(await holder.get(`/api/votes/${vote.id}/my-ballots`), 200).capacities).toHaveLength(5);
  });

  it('accepts a paper sheet once when two second entries race', async () => {
    const staff = await staffClient(w, w.staff.communityStaff);
    const staff2 = await staffClient(w, w.staff.communityStaff2);
    const sheet = { unitId: w.units[23].id, answers: [{ questionId: q, choice: 'for' }], scanRef: 'box 2 / 1' };
    expectStatus(await committee.post(`/api/votes/${vote.id}/paper-ballots`, sheet), 201);
    const res = await Promise.all([staff.post(`/api/votes/${vote.id}/paper-ballots`, sheet), staff2.post(`/api/votes/${vote.id}/paper-ballots`, sheet)]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.statusCode === 409)!.json().error.details.reason).toBe('paper_already_accepted');
    const [{ n }] = await w.t.database.query<{ n: number }>("select count(*)::int as n from vote_ballots where vote_id = $1 and channel = 'paper'", [vote.id]);
    expect(n).toBe(1);
  });
});
