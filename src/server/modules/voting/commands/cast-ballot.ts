import { ballotContentInput, type BallotAccepted, type BallotContentInput } from '../../../../contracts/voting-ballots.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit, type AuditInput } from '../../audit/index.ts';
import type { BallotContent } from '../domain/export-record.ts';
import { checkBallotTime, type VoteState } from '../domain/lifecycle.ts';
import { questionsOf } from '../repo/votes.ts';
import { claimKey, requestHash, saveResponse, type IdempotencyClaim } from './idempotency.ts';
import { checkContent, placeChangedBallot, placeNewBallot, type Placed, type Placement } from './place-ballot.ts';
import { notOwner, resolveSpeaker, type Speaker } from './speaker.ts';
import { actorKey, actorShown, invalid, lockVote, parseInput, refused, type VotingContext } from './support.ts';

export interface BallotSubmission {
  questionId: string;
  body: unknown;
  idempotencyKey: string;
  /** cast a new ballot, or change the one recorded */
  mode: 'cast' | 'change';
}

/**
 * An owner's (or proxy holder's) ballot on one question, submitted online. In one transaction:
 * claim the Idempotency-Key (a retry replays the first response and counts nothing), check the
 * vote takes ballots now, find the subject the actor speaks for, write the one ballot of that
 * subject (the unique index settles races), issue a receipt, and append the audit event, which
 * never records the choice. The response is sent only after the commit, so an acknowledged
 * ballot is durable. The caller has checked canCast.
 */
export async function submitBallot(ctx: VotingContext, vote: { id: string; communityId: string }, submission: BallotSubmission): Promise<{ statusCode: number; body: BallotAccepted }> {
  const actor = ctx.actor;
  if (actor.kind !== 'owner') throw notOwner();
  const input = parseInput(ballotContentInput, submission.body);
  const claim = claimFor(ctx, vote, submission, input);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const replay = await claimKey(tx, claim);
    if (replay) return { statusCode: replay.statusCode, body: replay.response as BallotAccepted };

    const now = ctx.clock.now();
    const timing = checkBallotTime(locked.state as VoteState, now, locked);
    if (timing) throw refused(timing, { state: locked.state });
    const question = (await questionsOf(tx, locked)).find((q) => q.id === submission.questionId);
    if (!question) throw notFound('Question');
    const { content, issues } = checkContent(question, input);
    if (!content) throw invalid(issues);
    const speaker = await resolveSpeaker(tx, locked, actor, input.subjectKey);

    const placement = placementFor(ctx, question.id, speaker, content);
    const placed: Placed = submission.mode === 'cast'
      ? await placeNewBallot(tx, locked, placement, now)
      : await placeChangedBallot(tx, locked, placement, now);

    const changed = submission.mode === 'change' && placed.overrode === null;
    await appendAudit(tx, ballotAuditEvent(ctx, vote, placement, speaker, placed, changed));
    const statusCode = submission.mode === 'cast' ? 201 : 200;
    const body = acceptedBody(locked, placement, placed);
    await saveResponse(tx, claim, statusCode, body);
    return { statusCode, body };
  });
}

export function placementFor(ctx: VotingContext, questionId: string, speaker: Speaker, content: BallotContent): Placement {
  return {
    questionId,
    subjectKey: speaker.subjectKey,
    voterPersonId: speaker.voterPersonId,
    channel: speaker.capacity === 'proxy' ? 'proxy' : 'online',
    content,
    proxyId: speaker.proxyId,
    castBy: actorShown(ctx),
    inPerson: speaker.capacity === 'self',
  };
}

/** The audit event of an accepted ballot: participation only, who and how, never the choice. */
export function ballotAuditEvent(ctx: VotingContext, vote: { id: string; communityId: string }, placement: Placement, speaker: Speaker, placed: Placed, changed: boolean): AuditInput {
  return {
    kind: changed ? 'voting.ballot_changed' : 'voting.ballot_cast',
    communityId: vote.communityId,
    ...auditOrigin(ctx),
    objectType: 'vote_ballot',
    objectId: placed.ballot.id,
    after: {
      voteId: vote.id, questionId: placement.questionId, subjectKey: placement.subjectKey, channel: placement.channel,
      capacity: speaker.capacity, receiptLeaf: placed.receipt.leaf, overrode: placed.overrode, changes: placed.ballot.changes,
    },
  };
}

export function acceptedBody(vote: { allowBallotChange: boolean }, placement: Placement, placed: Placed): BallotAccepted {
  return {
    questionId: placement.questionId,
    subjectKey: placement.subjectKey,
    channel: placement.channel,
    castAt: placed.ballot.castAt.toISOString(),
    changesLeft: vote.allowBallotChange ? Math.max(0, 1 - placed.ballot.changes) : 0,
    overrode: placed.overrode,
    receipt: placed.receipt,
  };
}

export function claimFor(ctx: VotingContext, vote: { id: string; communityId: string }, submission: BallotSubmission, input: BallotContentInput): IdempotencyClaim {
  return {
    vote,
    actorKey: actorKey(ctx),
    key: submission.idempotencyKey,
    requestHash: requestHash(`${submission.mode} ${submission.questionId}`, input),
  };
}
