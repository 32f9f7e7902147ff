import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../../src/server/modules/accounts/accounts.tables.ts';
import { ownerCookie } from '../../support/factories.ts';
import { client, expectStatus, idem, openedVote, ownerClient, staffClient, upload, votingWorld, withAudit, type Client, type VotingWorld } from './world.ts';

let w: VotingWorld;
let committee: Client;
let vote: { id: string; opensAt: string; closesAt: string; questions: { id: string }[] };
let q1: string;
let q2: string;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  vote = await openedVote(w, committee, {
    allowBallotChange: true,
    questions: [
      { title: 'Hire Good Property Co.', item: 4 },
      { title: "Elect the owners' committee", item: 3, kind: 'election', seats: 2, candidates: [{ name: 'Wang' }, { name: 'Li' }, { name: 'Zhao' }] },
    ],
  });
  [q1, q2] = vote.questions.map((q) => q.id);
});
afterAll(() => w.t.close());

const cast = (who: Client, question: string, body: object, key = idem()) => who.post(`/api/votes/${vote.id}/questions/${question}/ballots`, body, key);
const change = (who: Client, question: string, body: object, key = idem()) => who.post(`/api/votes/${vote.id}/questions/${question}/ballots/change`, body, key);

describe('online ballots', () => {
  it('records one ballot per subject and question, returns a receipt, and audits it without the choice', async () => {
    const owner = await ownerClient(w, w.soleOwners[0]);
    const { result, events } = await withAudit(w, () => cast(owner, q1, { choice: 'for' }));
    const accepted = expectStatus(result, 201);
    expect(accepted).toMatchObject({ questionId: q1, subjectKey: w.soleOwners[0].id, channel: 'online', changesLeft: 1, overrode: null });
    expect(accepted.receipt.code).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'voting.ballot_cast', after: { channel: 'online', capacity: 'self', receiptLeaf: accepted.receipt.leaf } });
    expect(JSON.stringify(events[0].after)).not.toMatch(/"for"|choice/);

    const again = await cast(owner, q1, { choice: 'against' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'ballot_exists', canChange: true });
    expectStatus(await cast(owner, q2, { marks: ['c1', 'c3'] }), 201);
  });

  it('checks the content against the question, naming the field', async () => {
    const owner = await ownerClient(w, w.soleOwners[1]);
    expect((await cast(owner, q1, { marks: ['c1'] })).json().error.message).toBe('choice: a decision takes a choice: for, against or abstain');
    expect((await cast(owner, q2, { marks: ['c1', 'c2', 'c3'] })).json().error.message).toBe('marks: 3 marks, but at most 2 (the number of seats)');
    expect((await cast(owner, q2, { marks: ['c9'] })).json().error.message).toBe('marks.0: "c9" is not a candidate');
    expect((await cast(owner, q2, { choice: 'for', marks: [] })).json().error.message).toMatch(/^body\.choice: give a choice/);
    expect((await cast(owner, q1, { choice: 'yes' })).statusCode).toBe(400);
    expect((await owner.post(`/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: 'for' })).json().error.message).toMatch(/^headers\.idempotency-key/);
    expect((await cast(owner, '00000000-0000-4000-8000-000000000000', { choice: 'for' })).statusCode).toBe(404);
  });

  it('lets only the named voter cast for a co-owned unit; without a named voter any co-owner casts its one ballot', async () => {
    const [named, other] = w.coOwned[0].owners;
    const refused = await cast(await ownerClient(w, other), q1, { choice: 'against' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ details: { reason: 'not_named_voter', units: [{ unitId: w.coOwned[0].unit.id }] } });
    expect(refused.json().error.message).toContain('only the named voter casts its ballot');
    expectStatus(await cast(await ownerClient(w, named), q1, { choice: 'for' }), 201);

    const [a, b] = w.coOwned[2].owners;
    const first = expectStatus(await cast(await ownerClient(w, b), q1, { choice: 'abstain' }), 201);
    expect(first.subjectKey).toBe([a.id, b.id].sort().join('+'));
    expect((await cast(await ownerClient(w, a), q1, { choice: 'for' })).json().error.details.reason).toBe('ballot_exists');
  });

  it('counts the multi-unit owner and the developer once each', async () => {
    const multi = expectStatus(await cast(await ownerClient(w, w.multiOwner), q1, { choice: 'for' }), 201);
    expect(multi.subjectKey).toBe(w.multiOwner.id);
    const my = expectStatus(await (await ownerClient(w, w.developer)).get(`/api/votes/${vote.id}/my-ballots`), 200);
    expect(my.capacities).toHaveLength(1);
    expect(my.capacities[0].units.map((u: { number: string }) => u.number).sort()).toEqual(['601', '701', '801']);
  });

  it('allows one change where the vote allows it, then the ballot is final', async () => {
    const owner = await ownerClient(w, w.soleOwners[2]);
    const first = expectStatus(await cast(owner, q1, { choice: 'against' }), 201);
    const { result, events } = await withAudit(w, () => change(owner, q1, { choice: 'for' }));
    const changed = expectStatus(result, 200);
    expect(changed).toMatchObject({ changesLeft: 0, overrode: null });
    expect(changed.receipt.code).not.toBe(first.receipt.code);
    expect(events.map((e) => e.kind)).toEqual(['voting.ballot_changed']);
    expect((await change(owner, q1, { choice: 'abstain' })).json().error.details.reason).toBe('change_used');
    expect((await change(owner, q2, { marks: [] })).json().error.details.reason).toBe('no_ballot');
    // the first receipt is superseded, the second is recorded
    expect(expectStatus(await client(w.app, null).get(`/api/votes/${vote.id}/receipts/${first.receipt.code}`), 200).status).toBe('superseded');
    expect(expectStatus(await client(w.app, null).get(`/api/votes/${vote.id}/receipts/${changed.receipt.code.toLowerCase().replaceAll('-', ' ')}`), 200)).toMatchObject({ status: 'recorded', root: null, proof: null });
  });

  it('replays the first response for a retried Idempotency-Key and records nothing twice', async () => {
    const owner = await ownerClient(w, w.soleOwners[3]);
    const key = idem();
    const { result: first, events } = await withAudit(w, () => cast(owner, q1, { choice: 'for' }, key));
    const retry = await withAudit(w, () => cast(owner, q1, { choice: 'for' }, key));
    expect(retry.result.statusCode).toBe(201);
    expect(retry.result.json()).toEqual(first.json());
    expect(events).toHaveLength(1);
    expect(retry.events).toEqual([]);
    const reused = await cast(owner, q1, { choice: 'against' }, key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.details).toMatchObject({ reason: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('refuses staff and owners outside the electorate', async () => {
    expect((await cast(committee, q1, { choice: 'for' })).statusCode).toBe(403);
    expect((await cast(await ownerClient(w, w.bare.owner), q1, { choice: 'for' })).statusCode).toBe(404);
    expect((await cast(client(w.app, null), q1, { choice: 'for' })).statusCode).toBe(401);
  });
});

describe('proxies', () => {
  const authorisation = async () => expectStatus(await upload(w, committee, vote.id, 'proxy_authorisation'), 201).id as string;

  it('registers a proxy with its written authorisation; the holder casts, the owner in person overrides', async () => {
    const principal = w.soleOwners[4];
    const body = { unitId: w.units[8].id, proxyName: 'Neighbour Liu', proxyPhone: '13811112222', documentId: await authorisation() };
    expect((await committee.post(`/api/votes/${vote.id}/proxies`, { ...body, documentId: '00000000-0000-4000-8000-000000000000' })).json().error.message).toMatch(/^documentId:/);
    const { result, events } = await withAudit(w, () => committee.post(`/api/votes/${vote.id}/proxies`, body));
    const proxy = expectStatus(result, 201);
    expect(proxy).toMatchObject({ principalPersonId: principal.id, proxyName: 'Neighbour Liu', proxyPhone: '138****2222', units: [{ unitId: w.units[8].id }] });
    expect(events.map((e) => e.kind)).toEqual(['voting.proxy_registered']);
    expect((await committee.post(`/api/votes/${vote.id}/proxies`, body)).json().error.details.reason).toBe('proxy_exists');

    const holder = client(w.app, await ownerCookie(w.db, '13811112222'));
    const byProxy = expectStatus(await cast(holder, q1, { choice: 'against' }), 201);
    expect(byProxy).toMatchObject({ channel: 'proxy', subjectKey: principal.id });
    const mine = expectStatus(await holder.get(`/api/votes/${vote.id}/my-ballots`), 200);
    expect(mine.capacities).toEqual([expect.objectContaining({ capacity: 'proxy', subjectKey: principal.id })]);

    const owner = await ownerClient(w, principal);
    expect(expectStatus(await owner.get(`/api/votes/${vote.id}/my-ballots`), 200).capacities[0].questions[0]).toMatchObject({ cast: true, channel: 'proxy', canCast: true });
    const override = expectStatus(await cast(owner, q1, { choice: 'for' }), 201);
    expect(override).toMatchObject({ channel: 'online', overrode: 'proxy' });
    expect(expectStatus(await client(w.app, null).get(`/api/votes/${vote.id}/receipts/${byProxy.receipt.code}`), 200).status).toBe('superseded');
    const late = await cast(holder, q2, { marks: ['c2'] });
    expect(late.statusCode).toBe(201); // the owner has not voted on q2 yet
    expect((await change(holder, q1, { choice: 'against' })).json().error.details.reason).toBe('owner_voted_in_person');
  });

  it('refuses property company staff as proxies and caps the owners per proxy holder', async () => {
    await w.db.update(users).set({ phone: '13899990000' }).where(eq(users.id, w.staff.property.userId));
    const documentId = await authorisation();
    const staffProxy = await committee.post(`/api/votes/${vote.id}/proxies`, { unitId: w.units[12].id, proxyName: 'Manager Zhou', proxyPhone: '13899990000', documentId });
    expect(staffProxy.statusCode).toBe(400);
    expect(staffProxy.json().error).toMatchObject({ message: 'proxyPhone: belongs to property company staff, who cannot hold proxies', details: { reason: 'proxy_is_property_staff' } });

    // the cap is 5 by default: five owners, then the sixth is refused
    const holderPhone = '13855556666';
    const principals = [12, 13, 14, 15, 16, 17].map((i) => w.units[i].id);
    for (const unitId of principals.slice(0, 5)) expectStatus(await committee.post(`/api/votes/${vote.id}/proxies`, { unitId, proxyName: 'Busy Proxy', proxyPhone: holderPhone, documentId }), 201);
    const sixth = await committee.post(`/api/votes/${vote.id}/proxies`, { unitId: principals[5], proxyName: 'Busy Proxy', proxyPhone: holderPhone, documentId });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.details).toMatchObject({ reason: 'proxy_cap_reached', field: 'proxyPhone' });
    // the holder now votes for five subjects and must say which
    const busy = client(w.app, await ownerCookie(w.db, holderPhone));
    const ambiguous = await cast(busy, q1, { choice: 'for' });
    expect(ambiguous.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'choose_subject' } });
    const my = expectStatus(await busy.get(`/api/votes/${vote.id}/my-ballots`), 200);
    expect(my.capacities).toHaveLength(5);
    expectStatus(await cast(busy, q1, { choice: 'for', subjectKey: my.capacities[0].subjectKey }), 201);
  });

  it('accepts a proxy only from the named voter of a co-owned unit', async () => {
    const [, notNamed] = w.coOwned[1].owners;
    const body = { unitId: w.coOwned[1].unit.id, principalPersonId: notNamed.id, proxyName: 'X', proxyPhone: '13877778888', documentId: await authorisation() };
    const res = await committee.post(`/api/votes/${vote.id}/proxies`, body);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('not_named_voter');
    // owners do not register proxies themselves: staff do, with the written authorisation
    const owner = await ownerClient(w, w.soleOwners[5]);
    expect((await owner.post(`/api/votes/${vote.id}/proxies`, { ...body, principalPersonId: undefined, unitId: w.units[9].id })).statusCode).toBe(403);
  });
});

describe('counting an election', () => {
  it('counts the election question with the same engine and shows results to staff once counted, to everyone once published', async () => {
    w.clock.set(vote.closesAt);
    const late = await cast(await ownerClient(w, w.soleOwners[10]), q1, { choice: 'for' });
    expect(late.json().error.details).toMatchObject({ reason: 'too_late', field: 'closesAt' });
    expectStatus(await committee.post(`/api/votes/${vote.id}/close`), 200);
    expectStatus(await committee.post(`/api/votes/${vote.id}/count`), 200);
    expect((await client(w.app, null).get(`/api/votes/${vote.id}/results`)).statusCode).toBe(404);
    const results = expectStatus(await committee.get(`/api/votes/${vote.id}/results`), 200);
    const election = results.questions.find((x: { questionId: string }) => x.questionId === q2);
    expect(election).toMatchObject({
      kind: 'election',
      passed: null,
      candidates: [{ id: 'c1', name: 'Wang' }, { id: 'c2', name: 'Li' }, { id: 'c3', name: 'Zhao' }],
      summary: { en: 'nobody elected: the participation quorum was not met' },
      result: { kind: 'election', seats: 2, elected: [], participation: { met: false, heads: { value: 2, total: 24 } } },
    });
    const many = await committee.get(`/api/votes/${vote.id}/record.json`);
    expect(many.json().error).toMatchObject({ details: { reason: 'wrong_state', field: 'question' } });
    const record = JSON.parse((await committee.get(`/api/votes/${vote.id}/record.json?question=${q2}`)).body);
    expect(record).toMatchObject({ kind: 'election', seats: 2, candidates: ['c1', 'c2', 'c3'], rule: { item: 3 } });
    expect(record.ballots).toContainEqual({ voter: w.soleOwners[0].id, marks: ['c1', 'c3'] });
  });
});
