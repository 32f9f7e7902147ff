import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { BallotAccepted, BallotContentInput } from '../../../../contracts/voting-ballots.ts';
import type { Clock } from '../../../platform/clock.ts';
import { transaction } from '../../../platform/command.ts';
import { rowsOf, type Db } from '../../../platform/db.ts';
import { appendAuditEvents } from '../../audit/index.ts';
import { checkBallotTime, type VoteState } from '../domain/lifecycle.ts';
import type { QuestionRow } from '../repo/votes.ts';
import { voteIdempotency, type voteBallots } from '../voting.tables.ts';
import { acceptedBody, ballotAuditEvent, claimFor, placementFor, type BallotSubmission } from './cast-ballot.ts';
import type { IdempotencyClaim } from './idempotency.ts';
import { checkContent, type Placed, type Placement } from './place-ballot.ts';
import { newReceipt } from './receipts.ts';
import { plainSpeaker, speakersOf, type Speaker } from './speaker.ts';
import type { VotingContext } from './support.ts';

export interface Submitted { statusCode: number; body: BallotAccepted }

interface Pending {
  ctx: VotingContext & { actor: { kind: 'owner'; personIds: string[]; phone: string } };
  voteId: string;
  submission: BallotSubmission;
  input: BallotContentInput;
  /** the full single-ballot path: the route's read policy, then submitBallot */
  fallback: () => Promise<Submitted>;
  resolve: (value: Submitted) => void;
  reject: (reason: unknown) => void;
}

/** What a batch needs of a vote: its key, state and times, and its questions. */
interface LockedVote {
  id: string;
  communityId: string;
  state: string;
  noticeAt: Date;
  opensAt: Date;
  closesAt: Date;
  allowBallotChange: boolean;
  questions: Pick<QuestionRow, 'id' | 'voteId' | 'kind' | 'seats' | 'candidates'>[];
}

interface Accepted {
  item: Pending;
  vote: LockedVote;
  speaker: Speaker;
  placement: Placement;
  row: typeof voteBallots.$inferInsert;
  placed: Placed;
  body: BallotAccepted;
  claim: IdempotencyClaim;
}

/**
 * Group commit for online ballots. Owners' first ballots are the one write that comes in floods
 * (the evening before a vote closes), and one transaction per ballot serialises them on the
 * community's audit-chain head and costs a dozen round trips each. Here the ballots that arrive
 * while a batch is being written wait and go together in the next one: one transaction, a fixed
 * number of set-based statements, one audit event per ballot chained under one head lock. The
 * response still goes out only after the commit, so an acknowledged ballot is durable.
 *
 * Only the plain case is written here: a new ballot into an empty slot by an actor who speaks for
 * exactly the subject named, in an open vote, with a fresh Idempotency-Key. Anything else (a
 * retry, a taken slot, a proxy override, a closed vote, a question not in the vote, a change)
 * goes, after the batch has committed, down the single-ballot path, which answers it exactly as
 * it always has. So the batch never has to reproduce an error, and every rule keeps one home.
 */
export class BallotIntake {
  private queue: Pending[] = [];
  private running = 0;
  /** for benchmarks and tests: how the ballots went */
  readonly stats = { batches: 0, written: 0, passedOn: 0, largestBatch: 0 };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly limits = { batch: 128, concurrent: 2 },
  ) {}

  cast(ctx: VotingContext, voteId: string, submission: BallotSubmission, input: BallotContentInput, fallback: () => Promise<Submitted>): Promise<Submitted> {
    const actor = ctx.actor;
    if (submission.mode !== 'cast' || actor.kind !== 'owner') return fallback();
    return new Promise((resolve, reject) => {
      this.queue.push({ ctx: { ...ctx, actor }, voteId, submission, input, fallback, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.limits.concurrent && this.queue.length) {
      const batch = this.queue.splice(0, this.limits.batch);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]) {
    let accepted: Accepted[] = [];
    try {
      accepted = await transaction(this.db, (tx) => writeBatch(tx, this.clock.now(), batch));
    } catch {
      // a failed batch wrote nothing (a deadlock with another batch, a lost connection): each
      // ballot goes its own way, and meets the error there if it is its own
      accepted = [];
    }
    const done = new Set(accepted.map((a) => a.item));
    this.stats.batches++;
    this.stats.written += accepted.length;
    this.stats.passedOn += batch.length - accepted.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    for (const a of accepted) a.item.resolve({ statusCode: 201, body: a.body });
    await Promise.all(batch.filter((item) => !done.has(item)).map((item) => item.fallback().then(item.resolve, item.reject)));
  }
}

const slotKey = (voteId: string, questionId: string, subjectKey: string) => `${voteId}\u0000${questionId}\u0000${subjectKey}`;
const claimKeyOf = (c: { vote: { id: string }; actorKey: string; key: string }) => `${c.vote.id}\u0000${c.actorKey}\u0000${c.key}`;

/** Writes the plain ballots of a batch; returns those written. The rest are left for the single path. */
async function writeBatch(tx: Db, now: Date, batch: Pending[]): Promise<Accepted[]> {
  const voteIds = [...new Set(batch.map((b) => b.voteId))];
  // the votes, locked FOR SHARE as every ballot locks them, with their questions, in one read
  const locked = rowsOf<LockedVote>(await tx.execute(sql`
    select v.id, v.community_id as "communityId", v.state, v.notice_at as "noticeAt", v.opens_at as "opensAt", v.closes_at as "closesAt",
           v.allow_ballot_change as "allowBallotChange",
           coalesce((select json_agg(json_build_object('id', q.id, 'voteId', q.vote_id, 'kind', q.kind, 'seats', q.seats, 'candidates', q.candidates))
                     from vote_questions q where q.community_id = v.community_id and q.vote_id = v.id), '[]') as questions
    from votes v where ${inArray(sql`v.id`, voteIds)} for share of v`)).map((v) => ({ ...v, noticeAt: new Date(v.noticeAt), opensAt: new Date(v.opensAt), closesAt: new Date(v.closesAt) }));
  const voteById = new Map(locked.filter((v) => checkBallotTime(v.state as VoteState, now, v) === null).map((v) => [v.id, v]));
  const open = batch.filter((b) => voteById.has(b.voteId));
  if (!open.length) return [];
  const openVotes = [...voteById.values()];
  const inVotes = (alias: string) => sql`${inArray(sql.raw(`${alias}.community_id`), [...new Set(openVotes.map((v) => v.communityId))])}
    and ${inArray(sql.raw(`${alias}.vote_id`), openVotes.map((v) => v.id))}`;

  const phones = [...new Set(open.map((b) => b.ctx.actor.phone))];
  const proxies = rowsOf<{ id: string; voteId: string; principal: string; phone: string }>(await tx.execute(sql`
    select p.id, p.vote_id as "voteId", p.principal_person_id as principal, p.proxy_phone as phone from vote_proxies p
    where ${inVotes('p')} and ${inArray(sql`p.proxy_phone`, phones)} and p.revoked_at is null`));
  const people = [...new Set([...open.flatMap((b) => b.ctx.actor.personIds), ...proxies.map((p) => p.principal)])];
  const spoken = people.length
    ? rowsOf<{ voteId: string; personId: string; subjectKey: string }>(await tx.execute(sql`
        select r.vote_id as "voteId", r.person_id as "personId", r.subject_key as "subjectKey" from vote_voters r
        where ${inVotes('r')} and ${inArray(sql`r.person_id`, people)}`))
    : [];

  // each plain submission, with everything its ballot needs; the first of any two for one slot or one key
  const claimed = new Set<string>();
  const slots = new Set<string>();
  const plain: Accepted[] = [];
  for (const item of open) {
    const vote = voteById.get(item.voteId)!;
    const question = vote.questions.find((q) => q.id === item.submission.questionId);
    if (!question) continue;
    const { content } = checkContent(question, item.input);
    if (!content) continue;
    const mine = proxies.filter((p) => p.voteId === vote.id && p.phone === item.ctx.actor.phone);
    const ofVote = spoken.filter((s) => s.voteId === vote.id);
    const speaker = plainSpeaker(
      speakersOf(ofVote.filter((s) => item.ctx.actor.personIds.includes(s.personId)), mine, ofVote.filter((s) => mine.some((p) => p.principal === s.personId))),
      item.input.subjectKey,
    );
    if (!speaker) continue;
    const claim = claimFor(item.ctx, vote, item.submission, item.input);
    const keyOfClaim = claimKeyOf(claim);
    const slot = slotKey(vote.id, question.id, speaker.subjectKey);
    if (claimed.has(keyOfClaim) || slots.has(slot)) continue;
    claimed.add(keyOfClaim);
    slots.add(slot);
    const placement = placementFor(item.ctx, question.id, speaker, content);
    const receipt = newReceipt();
    const ballot = {
      communityId: vote.communityId, voteId: vote.id, questionId: question.id, subjectKey: speaker.subjectKey, voterPersonId: placement.voterPersonId,
      channel: placement.channel, content, receiptLeaf: receipt.leaf, proxyId: placement.proxyId, castBy: placement.castBy, castAt: now,
    };
    // the id is the database's; the response does not carry it
    const placed: Placed = { ballot: { ...ballot, id: '', changes: 0 }, overrode: null, receipt };
    plain.push({ item, vote, speaker, placement, row: ballot, placed, body: acceptedBody(vote, placement, placed), claim });
  }
  if (!plain.length) return [];

  // Rows go in as one JSON document per statement (jsonb_to_recordset): building a hundred rows
  // through the query builder cost more CPU than writing them.
  // Keys first, in a fixed order: a retry racing this batch waits on its key, then replays.
  const byClaim = [...plain].sort((a, b) => (claimKeyOf(a.claim) < claimKeyOf(b.claim) ? -1 : 1));
  const newKeys = rowsOf<{ voteId: string; actorKey: string; key: string }>(await tx.execute(sql`
    insert into vote_idempotency (community_id, vote_id, actor_key, key, request_hash, status_code, response)
    select "communityId", "voteId", "actorKey", key, "requestHash", 201, response
    from jsonb_to_recordset(${JSON.stringify(byClaim.map(({ vote, claim, body }) => (
      { communityId: vote.communityId, voteId: vote.id, actorKey: claim.actorKey, key: claim.key, requestHash: claim.requestHash, response: body }
    )))}::jsonb) as r("communityId" uuid, "voteId" uuid, "actorKey" text, key text, "requestHash" text, response jsonb)
    on conflict do nothing
    returning vote_id as "voteId", actor_key as "actorKey", key`));
  const fresh = new Set(newKeys.map((k) => claimKeyOf({ vote: { id: k.voteId }, actorKey: k.actorKey, key: k.key })));
  const keyed = plain.filter((a) => fresh.has(claimKeyOf(a.claim)));
  if (!keyed.length) return [];

  const bySlot = [...keyed].sort((a, b) => (slotKey(a.vote.id, a.placement.questionId, a.placement.subjectKey) < slotKey(b.vote.id, b.placement.questionId, b.placement.subjectKey) ? -1 : 1));
  const inserted = rowsOf<{ id: string; voteId: string; questionId: string; subjectKey: string }>(await tx.execute(sql`
    insert into vote_ballots (community_id, vote_id, question_id, subject_key, voter_person_id, channel, content, receipt_leaf, proxy_id, cast_by, cast_at)
    select "communityId", "voteId", "questionId", "subjectKey", "voterPersonId", channel::ballot_channel, content, "receiptLeaf", "proxyId", "castBy", ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(bySlot.map((a) => a.row))}::jsonb) as r("communityId" uuid, "voteId" uuid, "questionId" uuid, "subjectKey" text,
      "voterPersonId" uuid, channel text, content jsonb, "receiptLeaf" text, "proxyId" uuid, "castBy" text)
    on conflict do nothing
    returning id, vote_id as "voteId", question_id as "questionId", subject_key as "subjectKey"`));
  const idOfSlot = new Map(inserted.map((r) => [slotKey(r.voteId, r.questionId, r.subjectKey), r.id]));
  const written = keyed.filter((a) => idOfSlot.has(slotKey(a.vote.id, a.placement.questionId, a.placement.subjectKey)));
  const taken = keyed.filter((a) => !idOfSlot.has(slotKey(a.vote.id, a.placement.questionId, a.placement.subjectKey)));
  if (taken.length) {
    // the slot holds a ballot already (the single path says what may happen to it): free the key for it
    await tx.delete(voteIdempotency).where(or(...taken.map((a) => and(
      eq(voteIdempotency.communityId, a.vote.communityId), eq(voteIdempotency.voteId, a.vote.id),
      eq(voteIdempotency.actorKey, a.claim.actorKey), eq(voteIdempotency.key, a.claim.key),
    ))));
  }
  if (!written.length) return [];

  for (const a of written) a.placed.ballot.id = idOfSlot.get(slotKey(a.vote.id, a.placement.questionId, a.placement.subjectKey))!;
  await tx.execute(sql`
    insert into vote_receipts (community_id, vote_id, leaf, question_id, issued_at)
    select "communityId", "voteId", leaf, "questionId", ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(written.map((a) => ({ communityId: a.vote.communityId, voteId: a.vote.id, leaf: a.placed.receipt.leaf, questionId: a.placement.questionId })))}::jsonb)
      as r("communityId" uuid, "voteId" uuid, leaf text, "questionId" uuid)`);
  await appendAuditEvents(tx, written.map((a) => ballotAuditEvent(a.item.ctx, a.vote, a.placement, a.speaker, a.placed, false)));
  return written;
}
