import { and, eq } from 'drizzle-orm';
import { discardPaperBody } from '../../../../contracts/voting-ballots.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { votePaperBallots } from '../voting.tables.ts';
import { actorShown, conflict, lockVote, parseInput, refused, type VotingContext } from './support.ts';

/**
 * Discards a paper sheet that has placed no ballot yet: a first entry typed for the wrong unit,
 * or a sheet found invalid. Without this such a sheet would block the count for ever. The row is
 * kept (who, when, why) and the same unit may be entered afresh; an accepted sheet has placed
 * ballots and is never discarded. The audit event names the sheet and the unit, never the
 * answers. The caller has checked canAdministerBallots.
 */
export async function discardPaperBallot(ctx: VotingContext, vote: { id: string; communityId: string }, paperId: string, raw: unknown) {
  const input = parseInput(discardPaperBody, raw);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const refusal = checkAllowed(locked.state as VoteState, 'paperEntries', 'paper ballots are discarded');
    if (refusal) throw refused(refusal, { state: locked.state });
    const where = and(eq(votePaperBallots.communityId, vote.communityId), eq(votePaperBallots.voteId, vote.id), eq(votePaperBallots.id, paperId));
    const [sheet] = await tx.select().from(votePaperBallots).where(where).for('update');
    if (!sheet) throw notFound('Paper ballot');
    if (sheet.status === 'accepted') {
      throw conflict('paper_already_accepted', 'this paper ballot is accepted and its ballots are placed; an accepted sheet cannot be discarded', { paperBallotId: sheet.id });
    }
    if (sheet.status === 'discarded') throw conflict('paper_already_discarded', 'this paper ballot is already discarded', { paperBallotId: sheet.id });
    const [paper] = await tx.update(votePaperBallots)
      .set({ status: 'discarded', discardedBy: actorShown(ctx), discardedAt: ctx.clock.now(), discardReason: input.reason })
      .where(where)
      .returning();
    await appendAudit(tx, {
      kind: 'voting.paper_ballot_discarded',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_paper_ballot',
      objectId: paper.id,
      before: { status: sheet.status },
      after: { voteId: vote.id, unitId: sheet.unitId, status: 'discarded', reason: input.reason },
    });
    return paper;
  });
}
