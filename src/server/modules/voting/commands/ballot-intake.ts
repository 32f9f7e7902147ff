import { randomUUID } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { BallotAccepted, BallotContentInput } from '../../../../contracts/voting-ballots.ts';
import type { Clock } from '../../../platform/clock.ts';
import { transaction } from '../../../platform/command.ts';
import { executePrepared, rowsOf, type Db } from '../../../platform/db.ts';
import { appendAuditEvents, lockAuditHeads, lockedHeads } from '../../audit/index.ts';
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
  row: typeof voteBallots.$inferInsert & { id: string };
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

/** What a batch reads, in one statement: its votes (locked), the proxies its actors hold, and whom they speak for. */
interface BatchRead {
  votes: (Omit<LockedVote, 'noticeAt' | 'opensAt' | 'closesAt'> & { noticeAt: string; opensAt: string; closesAt: string })[] | null;
  proxies: { id: string; voteId: string; principal: string; phone: string }[] | null;
  voters: { voteId: string; personId: string; subjectKey: string }[] | null;
}

/**
 * Writes the plain ballots of a batch; returns those written. The rest are left for the single
 * path. Five round trips whatever the size: BEGIN, one read, one write of the rows, one of the
 * audit events, COMMIT. Between them the database waits on this process, so under load every
 * round trip saved is time the batch does not hold its locks and the owners do not wait.
 */
async function writeBatch(tx: Db, now: Date, batch: Pending[]): Promise<Accepted[]> {
  const voteIds = [...new Set(batch.map((b) => b.voteId))];
  const phones = [...new Set(batch.map((b) => b.ctx.actor.phone))];
  const personIds = [...new Set(batch.flatMap((b) => b.ctx.actor.personIds))];
  const array = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  // the votes, locked FOR SHARE as every ballot locks them, with their questions; the proxies the
  // actors hold in them; and the roll entries of the actors and of those proxies' principals
  const [read] = rowsOf<BatchRead>(await executePrepared(tx, 'ballot_intake_read', sql`
    with v as materialized (
      select v.id, v.community_id, v.state, v.notice_at, v.opens_at, v.closes_at, v.allow_ballot_change from votes v
      where v.id = any(${array(voteIds)}::uuid[]) for share of v),
    p as materialized (
      select p.id, p.vote_id, p.principal_person_id, p.proxy_phone from vote_proxies p join v on p.community_id = v.community_id and p.vote_id = v.id
      where p.proxy_phone = any(${array(phones)}::text[]) and p.revoked_at is null)
    select
      (select json_agg(json_build_object('id', v.id, 'communityId', v.community_id, 'state', v.state, 'noticeAt', v.notice_at, 'opensAt', v.opens_at,
         'closesAt', v.closes_at, 'allowBallotChange', v.allow_ballot_change,
         'questions', coalesce((select json_agg(json_build_object('id', q.id, 'voteId', q.vote_id, 'kind', q.kind, 'seats', q.seats, 'candidates', q.candidates))
                                from vote_questions q where q.community_id = v.community_id and q.vote_id = v.id), '[]'))) from v) as votes,
      (select json_agg(json_build_object('id', p.id, 'voteId', p.vote_id, 'principal', p.principal_person_id, 'phone', p.proxy_phone)) from p) as proxies,
      (select json_agg(json_build_object('voteId', r.vote_id, 'personId', r.person_id, 'subjectKey', r.subject_key))
       from v join vote_voters r on r.community_id = v.community_id and r.vote_id = v.id
         and r.person_id = any(array(select unnest(${array(personIds)}::uuid[]) union select p.principal_person_id from p))) as voters`));
  const locked = (read.votes ?? []).map((v) => ({ ...v, noticeAt: new Date(v.noticeAt), opensAt: new Date(v.opensAt), closesAt: new Date(v.closesAt) }));
  const voteById = new Map(locked.filter((v) => checkBallotTime(v.state as VoteState, now, v) === null).map((v) => [v.id, v]));
  const proxies = read.proxies ?? [];
  const spoken = read.voters ?? [];

  // each plain submission, with everything its ballot needs; the first of any two for one slot or one key
  const claimed = new Set<string>();
  const slots = new Set<string>();
  const plain: Accepted[] = [];
  for (const item of batch) {
    const vote = voteById.get(item.voteId);
    if (!vote) continue;
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
    const row = {
      id: randomUUID(), communityId: vote.communityId, voteId: vote.id, questionId: question.id, subjectKey: speaker.subjectKey, voterPersonId: placement.voterPersonId,
      channel: placement.channel, content, receiptLeaf: receipt.leaf, proxyId: placement.proxyId, castBy: placement.castBy, castAt: now,
    };
    const placed: Placed = { ballot: { ...row, changes: 0 }, overrode: null, receipt };
    plain.push({ item, vote, speaker, placement, row, placed, body: acceptedBody(vote, placement, placed), claim });
  }
  if (!plain.length) return [];

  // One statement writes the keys, then the ballots whose key was new, then their receipts, and
  // last locks the audit heads of the communities written to: the order every single ballot
  // takes its locks in, so a batch and a single ballot never wait on each other in a cycle. The
  // rows go in as one JSON document (jsonb_to_recordset), sorted by key and by slot so that two
  // batches take their row locks in one order. A retry racing this batch waits on its key, then
  // replays; a taken slot leaves its ballot unwritten.
  const bySlot = [...plain].sort((a, b) => (slotOf(a) < slotOf(b) ? -1 : 1));
  const [result] = rowsOf<{ written: string[] | null; keysWithoutBallot: { communityId: string; voteId: string; actorKey: string; key: string }[] | null; heads: { chain: string; seq: number; hash: string }[] | null }>(await executePrepared(tx, 'ballot_intake_write', sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(bySlot.map(({ vote, claim, body, row }, order) => ({
        ...row, order, actorKey: claim.actorKey, key: claim.key, requestHash: claim.requestHash, response: body })))}::jsonb)
      as r("order" int, id uuid, "communityId" uuid, "voteId" uuid, "questionId" uuid, "subjectKey" text, "voterPersonId" uuid, channel text, content jsonb,
        "receiptLeaf" text, "proxyId" uuid, "castBy" text, "actorKey" text, key text, "requestHash" text, response jsonb)),
    k as (
      insert into vote_idempotency (community_id, vote_id, actor_key, key, request_hash, status_code, response)
      select "communityId", "voteId", "actorKey", key, "requestHash", 201, response from r order by "communityId", "voteId", "actorKey", key
      on conflict do nothing
      returning community_id, vote_id, actor_key, key),
    b as (
      insert into vote_ballots (id, community_id, vote_id, question_id, subject_key, voter_person_id, channel, content, receipt_leaf, proxy_id, cast_by, cast_at)
      select r.id, r."communityId", r."voteId", r."questionId", r."subjectKey", r."voterPersonId", r.channel::ballot_channel, r.content, r."receiptLeaf", r."proxyId", r."castBy", ${now.toISOString()}::timestamptz
      from r join k on k.vote_id = r."voteId" and k.actor_key = r."actorKey" and k.key = r.key order by r."order"
      on conflict do nothing
      returning id, community_id),
    receipts as (
      insert into vote_receipts (community_id, vote_id, leaf, question_id, issued_at)
      select r."communityId", r."voteId", r."receiptLeaf", r."questionId", ${now.toISOString()}::timestamptz from r join b on b.id = r.id
      returning 1),
    heads as (${lockAuditHeads(sql`select distinct community_id from b`)})
    select (select json_agg(id) from b) as written,
      (select json_agg(json_build_object('communityId', k.community_id, 'voteId', k.vote_id, 'actorKey', k.actor_key, 'key', k.key)) from k join r on k.vote_id = r."voteId" and k.actor_key = r."actorKey" and k.key = r.key
       where r.id not in (select id from b)) as "keysWithoutBallot",
      (select json_agg(heads) from heads) as heads`));
  const written = new Set(result.written ?? []);
  const taken = result.keysWithoutBallot ?? [];
  if (taken.length) {
    // the slot holds a ballot already (the single path says what may happen to it): free the key for it
    await tx.delete(voteIdempotency).where(or(...taken.map((k) => and(
      eq(voteIdempotency.communityId, k.communityId), eq(voteIdempotency.voteId, k.voteId), eq(voteIdempotency.actorKey, k.actorKey), eq(voteIdempotency.key, k.key),
    ))));
  }
  const accepted = bySlot.filter((a) => written.has(a.row.id));
  if (!accepted.length) return [];
  await appendAuditEvents(tx, accepted.map((a) => ballotAuditEvent(a.item.ctx, a.vote, a.placement, a.speaker, a.placed, false)), lockedHeads(result.heads ?? []));
  return accepted;
}

const slotOf = (a: Accepted) => slotKey(a.vote.id, a.placement.questionId, a.placement.subjectKey);
