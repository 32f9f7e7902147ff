import { ballotContentInput, type BallotAccepted } from '../../../../contracts/voting-ballots.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkBallotTime, type VoteState } from '../domain/lifecycle.ts';
import { questionsOf } from '../repo/votes.ts';
import { claimKey, requestHash, saveResponse, type IdempotencyClaim } from './idempotency.ts';
import { checkContent, placeChangedBallot, placeNewBallot, type Placed } from './place-ballot.ts';
import { notOwner, resolveSpeaker } from './speaker.ts';
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
  const claim: IdempotencyClaim = {
    vote,
    actorKey: actorKey(ctx),
    key: submission.idempotencyKey,
    requestHash: requestHash(`${submission.mode} ${submission.questionId}`, input),
  };
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

    const placement = {
      questionId: question.id,
      subjectKey: speaker.subjectKey,
      voterPersonId: speaker.voterPersonId,
      channel: speaker.capacity === 'proxy' ? ('proxy' as const) : ('online' as const),
      content,
      proxyId: speaker.proxyId,
      castBy: actorShown(ctx),
      inPerson: speaker.capacity === 'self',
    };
    const placed: Placed = submission.mode === 'cast'
      ? await placeNewBallot(tx, locked, placement, now)
      : await placeChangedBallot(tx, locked, placement, now);

    const changed = submission.mode === 'change' && placed.overrode === null;
    await appendAudit(tx, {
      kind: changed ? 'voting.ballot_changed' : 'voting.ballot_cast',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_ballot',
      objectId: placed.ballot.id,
      // participation only: who and how, never the choice
      after: {
        voteId: vote.id, questionId: question.id, subjectKey: speaker.subjectKey, channel: placement.channel,
        capacity: speaker.capacity, receiptLeaf: placed.receipt.leaf, overrode: placed.overrode, changes: placed.ballot.changes,
      },
    });
    const statusCode = submission.mode === 'cast' ? 201 : 200;
    const body: BallotAccepted = {
      questionId: question.id,
      subjectKey: speaker.subjectKey,
      channel: placement.channel,
      castAt: placed.ballot.castAt.toISOString(),
      changesLeft: locked.allowBallotChange ? Math.max(0, 1 - placed.ballot.changes) : 0,
      overrode: placed.overrode,
      receipt: placed.receipt,
    };
    await saveResponse(tx, claim, statusCode, body);
    return { statusCode, body };
  });
}
