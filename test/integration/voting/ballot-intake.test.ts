import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { emptyScope } from '../../../src/server/platform/actor.ts';
import { verifyAuditChains } from '../../../src/server/modules/audit/index.ts';
import { BallotIntake, type Submitted } from '../../../src/server/modules/voting/commands/ballot-intake.ts';
import { submitBallot } from '../../../src/server/modules/voting/commands/cast-ballot.ts';
import { AppError } from '../../../src/server/platform/errors.ts';
import { auditEvents, expectStatus, openedVote, staffClient, upload, votingWorld, type Client, type VotingWorld } from './world.ts';

// The group commit of online ballots, driven directly: submissions queued in one tick go in one
// batch; what the batch does not write itself falls back, one by one, to the single-ballot path,
// which must then answer exactly as if there were no batch.

let w: VotingWorld;
let committee: Client;
let vote: { id: string; communityId: string; questions: { id: string }[] };
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  vote = await openedVote(w, committee);
});
afterAll(() => w.t.close());

const ownerCtx = (person: { id: string; phone: string | null }, phone = person.phone!) => ({
  db: w.db,
  clock: w.clock,
  requestId: `req-${randomUUID()}`,
  actor: { kind: 'owner' as const, phone, personIds: person.id ? [person.id] : [], scope: emptyScope() },
});

/** Queues one submission; records whether the batch wrote it or passed it on. */
function submit(intake: BallotIntake, who: ReturnType<typeof ownerCtx>, body: { choice?: 'for' | 'against' | 'abstain'; subjectKey?: string }, passedOn: string[], label: string, opts: { key?: string; questionId?: string } = {}) {
  const submission = { questionId: opts.questionId ?? vote.questions[0].id, body, idempotencyKey: opts.key ?? randomUUID(), mode: 'cast' as const };
  return intake
    .cast(who, vote.id, submission, body, () => {
      passedOn.push(label);
      return submitBallot(who, vote, submission);
    })
    .then((r: Submitted) => r, (e: unknown) => e as AppError);
}

const ballotCount = async (subjectKey: string) =>
  (await w.t.database.query<{ n: number }>('select count(*)::int as n from vote_ballots where vote_id = $1 and subject_key = $2', [vote.id, subjectKey]))[0].n;

describe('ballot intake (group commit)', () => {
  it('writes many first ballots in one batch: each answered, committed, receipted and audited once, the chain intact', async () => {
    const intake = new BallotIntake(w.db, w.clock, { batch: 128, concurrent: 1 });
    const passedOn: string[] = [];
    const owners = w.soleOwners.slice(0, 10);
    const before = (await auditEvents(w)).length;
    // all queued in one tick: the first goes alone, the other nine wait and go together
    const results = await Promise.all(owners.map((o, i) => submit(intake, ownerCtx(o), { choice: i % 3 === 0 ? 'against' : 'for' }, passedOn, o.id)));
    expect(passedOn).toEqual([]);
    expect(intake.stats).toEqual({ batches: 2, written: 10, passedOn: 0, largestBatch: 9 });
    for (const [i, r] of results.entries()) {
      expect(r).toMatchObject({ statusCode: 201, body: { subjectKey: owners[i].id, channel: 'online', overrode: null } });
      expect(await ballotCount(owners[i].id)).toBe(1);
    }
    const leaves = (results as Submitted[]).map((r) => r.body.receipt.leaf);
    const stored = await w.t.database.query<{ leaf: string }>('select leaf from vote_receipts where vote_id = $1 and leaf = any($2)', [vote.id, leaves]);
    expect(stored).toHaveLength(10);
    const events = (await auditEvents(w)).slice(0, (await auditEvents(w)).length - before);
    expect(events.map((e) => e.kind)).toEqual(Array(10).fill('voting.ballot_cast'));
    expect(events.every((e) => !JSON.stringify(e.after).includes('against'))).toBe(true);
    expect((await verifyAuditChains(w.db, w.communityId)).broken).toEqual([]);
  });

  it('passes on what it does not write itself, and the single path answers each exactly', async () => {
    const intake = new BallotIntake(w.db, w.clock, { batch: 128, concurrent: 1 });
    const passedOn: string[] = [];
    // a proxy for soleOwners[14], held by the outsider
    const documentId = expectStatus(await upload(w, committee, vote.id, 'proxy_authorisation'), 201).id as string;
    const principal = w.soleOwners[14];
    const unitId = (await w.t.database.query<{ unit_id: string }>('select unit_id from vote_unit_owners where vote_id = $1 and person_id = $2', [vote.id, principal.id]))[0].unit_id;
    expectStatus(await committee.post(`/api/votes/${vote.id}/proxies`, { unitId, proxyName: 'Neighbour', proxyPhone: w.outsider.phone, documentId }), 201);

    const sameKey = randomUUID();
    const a = w.soleOwners[10];
    const [first, retry, other, unknownQuestion, stranger, viaProxy, warmup] = await Promise.all([
      submit(intake, ownerCtx(a), { choice: 'for' }, passedOn, 'first', { key: sameKey }),
      submit(intake, ownerCtx(a), { choice: 'for' }, passedOn, 'retry', { key: sameKey }),
      submit(intake, ownerCtx(w.soleOwners[11]), { choice: 'against' }, passedOn, 'other'),
      submit(intake, ownerCtx(w.soleOwners[12]), { choice: 'for' }, passedOn, 'unknownQuestion', { questionId: randomUUID() }),
      submit(intake, ownerCtx({ id: '', phone: '13000000000' }), { choice: 'for' }, passedOn, 'stranger'),
      submit(intake, ownerCtx(w.outsider), { choice: 'abstain' }, passedOn, 'viaProxy'),
      // goes first and alone; the rest form the batch
      submit(intake, ownerCtx(w.soleOwners[13]), { choice: 'for' }, passedOn, 'warmup'),
    ]);
    // the same owner's slot twice in one batch: written once, the other passed on
    const again = await Promise.all([
      submit(intake, ownerCtx(w.soleOwners[11]), { choice: 'for' }, passedOn, 'x'),
      submit(intake, ownerCtx(w.soleOwners[15]), { choice: 'for' }, passedOn, 'y1'),
      submit(intake, ownerCtx(w.soleOwners[15]), { choice: 'against' }, passedOn, 'y2'),
    ]);

    expect(first).toMatchObject({ statusCode: 201 });
    expect(retry).toEqual(first); // replayed after the batch committed
    expect(other).toMatchObject({ statusCode: 201 });
    expect(unknownQuestion).toBeInstanceOf(AppError);
    expect((unknownQuestion as AppError).status).toBe(404);
    expect(stranger).toBeInstanceOf(AppError);
    expect((stranger as AppError).message).toMatch(/not in the electorate/);
    expect(viaProxy).toMatchObject({ statusCode: 201, body: { channel: 'proxy', subjectKey: principal.id } });
    expect(warmup).toMatchObject({ statusCode: 201 });
    expect(passedOn.sort()).toEqual(['retry', 'stranger', 'unknownQuestion', 'x', 'y2']);
    expect(again[0]).toBeInstanceOf(AppError);
    expect((again[0] as AppError).details).toMatchObject({ reason: 'ballot_exists' });
    expect(again[1]).toMatchObject({ statusCode: 201 });
    expect((again[2] as AppError).details).toMatchObject({ reason: 'ballot_exists' });
    for (const o of [a, w.soleOwners[11], w.soleOwners[15], principal]) expect(await ballotCount(o.id)).toBe(1);
    expect((await verifyAuditChains(w.db, w.communityId)).broken).toEqual([]);
  });

  it('takes no ballot once the vote has closed: the single path refuses it with the closing time', async () => {
    const intake = new BallotIntake(w.db, w.clock, { batch: 128, concurrent: 1 });
    const passedOn: string[] = [];
    const closesAt = (await w.t.database.query<{ closes_at: Date }>('select closes_at from votes where id = $1', [vote.id]))[0].closes_at;
    const now = w.clock.now();
    w.clock.set(closesAt);
    try {
      const late = await submit(intake, ownerCtx(w.soleOwners[16]), { choice: 'for' }, passedOn, 'late');
      expect(passedOn).toEqual(['late']);
      expect((late as AppError).details).toMatchObject({ reason: 'too_late' });
      expect(await ballotCount(w.soleOwners[16].id)).toBe(0);
    } finally {
      w.clock.set(now);
    }
  });
});
