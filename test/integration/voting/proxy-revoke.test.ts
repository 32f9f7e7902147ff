import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerCookie } from '../../support/factories.ts';
import { proxyLoginSource } from '../../../src/server/modules/voting/voting.proxy-login.ts';
import { client, draft, expectStatus, idem, ownerClient, staffClient, staffedVote, upload, withAudit, type Client, type StaffedVote, type VotingWorld } from './world.ts';

// Revoking a proxy whose holder has not voted: the row is kept, marked revoked with the reason;
// its holder no longer speaks for the principal on any path (the group-commit intake, the single
// path, a change, the proxy login, the vote list), and the owner may authorise someone else.

/** Phones the registry does not know (the factories never make the 136 prefix). */
const HOLDER = '13644440001';
const NEXT_HOLDER = '13644440002';
const VOTED_HOLDER = '13644440003';
const BUSY_HOLDER = '13644440004';

let w: VotingWorld;
let committee: Client;
let staff: Client;
let vote: StaffedVote['vote'];
let q: string;
beforeAll(async () => {
  ({ w, committee, staff, vote, q } = await staffedVote({ allowBallotChange: true }));
});
afterAll(() => w.t.close());

async function register(voteId: string, unitIndex: number, proxyPhone: string) {
  const documentId = expectStatus(await upload(w, committee, voteId, 'proxy_authorisation'), 201).id as string;
  return committee.post(`/api/votes/${voteId}/proxies`, { unitId: w.units[unitIndex].id, proxyName: 'Neighbour Qian', proxyPhone, documentId });
}
const revoke = (who: Client, proxyId: string, body: unknown = { reason: 'the owner withdrew the authorisation in writing' }, voteId = vote.id) =>
  who.post(`/api/votes/${voteId}/proxies/${proxyId}/revoke`, body);
const cast = (who: Client, body: object) => who.post(`/api/votes/${vote.id}/questions/${q}/ballots`, body, idem());
const change = (who: Client, body: object) => who.post(`/api/votes/${vote.id}/questions/${q}/ballots/change`, body, idem());
const holderClient = async (phone: string) => client(w.app, await ownerCookie(w.db, phone));

describe('revoking a proxy', () => {
  it('keeps the proxy marked revoked, audits it once, and its holder (who owns nothing) can no longer vote, log in or see the vote', async () => {
    const principal = w.soleOwners[4]; // unit 8
    const proxy = expectStatus(await register(vote.id, 8, HOLDER), 201);
    const holder = await holderClient(HOLDER);
    expect(expectStatus(await holder.get(`/api/votes/${vote.id}/my-ballots`), 200).capacities).toEqual([expect.objectContaining({ capacity: 'proxy', subjectKey: principal.id })]);
    expect(await proxyLoginSource.communitiesOf(w.db, HOLDER)).toEqual([w.communityId]);

    const { result, events } = await withAudit(w, () => revoke(committee, proxy.id));
    const revoked = expectStatus(result, 200);
    expect(revoked).toMatchObject({
      id: proxy.id, principalPersonId: principal.id, proxyPhone: '136****0001', units: [{ unitId: w.units[8].id }],
      revokedAt: w.clock.now().toISOString(), revokedBy: `user:${w.staff.committee.username}`, revokeReason: 'the owner withdrew the authorisation in writing',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'voting.proxy_revoked',
      object_id: proxy.id,
      after: { voteId: vote.id, principalPersonId: principal.id, proxyPhone: '136****0001', reason: 'the owner withdrew the authorisation in writing' },
    });
    expect(JSON.stringify(events[0])).not.toContain(HOLDER);
    expect(JSON.stringify(events[0])).not.toMatch(/choice|"for"|"against"/);

    // listed as revoked, with the reason
    const listed = expectStatus(await staff.get(`/api/votes/${vote.id}/proxies`), 200).items;
    expect(listed).toEqual([expect.objectContaining({ id: proxy.id, revokeReason: 'the owner withdrew the authorisation in writing' })]);

    // the holder relates to the vote through nothing else: it is out of their reach, like any vote not theirs
    const refused = await cast(holder, { choice: 'for' });
    expect(refused.statusCode).toBe(404);
    expect((await change(holder, { choice: 'for' })).statusCode).toBe(404);
    expect((await holder.get(`/api/votes/${vote.id}/my-ballots`)).statusCode).toBe(404);
    expect(expectStatus(await holder.get('/api/votes'), 200).items).toEqual([]);
    expect(await proxyLoginSource.communitiesOf(w.db, HOLDER)).toEqual([]);

    const twice = await revoke(staff, proxy.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ reason: 'proxy_already_revoked' });
  });

  it('lets the owner authorise a new proxy after revoking, who then casts the ballot', async () => {
    const principal = w.soleOwners[4];
    const next = expectStatus(await register(vote.id, 8, NEXT_HOLDER), 201);
    expect(next.principalPersonId).toBe(principal.id);
    expect((await register(vote.id, 8, VOTED_HOLDER)).json().error.details).toMatchObject({ reason: 'proxy_exists', proxyId: next.id });
    const accepted = expectStatus(await cast(await holderClient(NEXT_HOLDER), { choice: 'against' }), 201);
    expect(accepted).toMatchObject({ channel: 'proxy', subjectKey: principal.id });
  });

  it('takes the proxy away from a holder who is also an owner: 403 not_in_electorate for the principal, on the intake and on a change', async () => {
    const holderOwner = w.soleOwners[5]; // unit 9, votes for themself
    const principal = w.soleOwners[6]; // unit 11
    const proxy = expectStatus(await register(vote.id, 11, holderOwner.phone!), 201);
    const holder = await ownerClient(w, holderOwner);
    expect(expectStatus(await holder.get(`/api/votes/${vote.id}/my-ballots`), 200).capacities.map((c: { capacity: string }) => c.capacity)).toEqual(['self', 'proxy']);
    expectStatus(await revoke(staff, proxy.id), 200);

    const onIntake = await cast(holder, { choice: 'against', subjectKey: principal.id });
    expect(onIntake.statusCode).toBe(403);
    expect(onIntake.json().error.details).toMatchObject({ reason: 'not_in_electorate', field: 'subjectKey' });
    const onChange = await change(holder, { choice: 'against', subjectKey: principal.id });
    expect(onChange.statusCode).toBe(403);
    expect(onChange.json().error.details).toMatchObject({ reason: 'not_in_electorate', field: 'subjectKey' });
    expect(expectStatus(await holder.get(`/api/votes/${vote.id}/my-ballots`), 200).capacities.map((c: { capacity: string }) => c.capacity)).toEqual(['self']);
    // without a subject the holder now speaks only for themself; the principal's slot stays empty for the owner
    expect(expectStatus(await cast(holder, { choice: 'abstain' }), 201)).toMatchObject({ subjectKey: holderOwner.id, channel: 'online' });
    expect(expectStatus(await cast(await ownerClient(w, principal), { choice: 'for' }), 201)).toMatchObject({ subjectKey: principal.id, overrode: null });
  });

  it('refuses once the holder has voted, until the owner overrides that ballot in person', async () => {
    const principal = w.soleOwners[7]; // unit 12
    const proxy = expectStatus(await register(vote.id, 12, VOTED_HOLDER), 201);
    expectStatus(await cast(await holderClient(VOTED_HOLDER), { choice: 'against' }), 201);

    const { result, events } = await withAudit(w, () => revoke(committee, proxy.id));
    expect(result.statusCode).toBe(409);
    expect(result.json().error).toMatchObject({ code: 'conflict', details: { reason: 'proxy_already_voted', proxyId: proxy.id, questionIds: [q] } });
    expect(result.json().error.message).toContain('the owner can still override that ballot by voting in person');
    expect(events).toEqual([]);
    expect(expectStatus(await staff.get(`/api/votes/${vote.id}/proxies`), 200).items.find((p: { id: string }) => p.id === proxy.id).revokedAt).toBeNull();

    expect(expectStatus(await cast(await ownerClient(w, principal), { choice: 'for' }), 201).overrode).toBe('proxy');
    expectStatus(await revoke(committee, proxy.id), 200);
  });

  it('requires a reason of 2 to 500 characters and a proxy of this vote; ballot staff only', async () => {
    const proxy = expectStatus(await register(vote.id, 13, BUSY_HOLDER), 201);
    for (const body of [{}, { reason: 'x' }, { reason: 'x'.repeat(501) }]) {
      const res = await revoke(committee, proxy.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^body\.reason: /);
    }
    expect((await revoke(committee, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const owner = await ownerClient(w, w.soleOwners[8]);
    expect((await revoke(owner, proxy.id)).statusCode).toBe(403);
    expect((await revoke(await holderClient(BUSY_HOLDER), proxy.id)).statusCode).toBe(403);
    const street = await staffClient(w, w.staff.street);
    expect((await revoke(street, proxy.id)).json().error).toMatchObject({ code: 'forbidden', message: 'You may not revoke proxies in this vote' });
    expect((await revoke(await staffClient(w, w.staff.property), proxy.id)).statusCode).toBe(404);
    expect(expectStatus(await staff.get(`/api/votes/${vote.id}/proxies`), 200).items.find((p: { id: string }) => p.id === proxy.id).revokedAt).toBeNull();
  });
});

describe('revoking in an announced vote', () => {
  it('frees a place under the holder cap, and is refused once the vote has closed', async () => {
    const announced = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    expectStatus(await committee.post(`/api/votes/${announced.id}/announce`), 200);
    const proxies = [];
    for (const i of [14, 15, 16, 17, 18]) proxies.push(expectStatus(await register(announced.id, i, BUSY_HOLDER), 201));
    expect((await register(announced.id, 19, BUSY_HOLDER)).json().error.details).toMatchObject({ reason: 'proxy_cap_reached' });
    expectStatus(await revoke(staff, proxies[0].id, undefined, announced.id), 200);
    expectStatus(await register(announced.id, 19, BUSY_HOLDER), 201);

    w.clock.set(vote.closesAt);
    expectStatus(await committee.post(`/api/votes/${vote.id}/close`), 200);
    const [open] = expectStatus(await staff.get(`/api/votes/${vote.id}/proxies`), 200).items.filter((p: { revokedAt: string | null }) => !p.revokedAt);
    const late = await revoke(committee, open.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'wrong_state', state: 'closed' });
  });
});
