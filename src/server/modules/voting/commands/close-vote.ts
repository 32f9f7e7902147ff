import { and, count, eq } from 'drizzle-orm';
import { voteBallots, voteIdempotency } from '../voting.tables.ts';
import { moveVote } from './transition.ts';
import type { VotingContext } from './support.ts';

/**
 * Closes the ballot box once the closing time has passed (an early close is refused). The saved
 * first responses of ballot submissions go: they hold receipt codes, and no retry can come now.
 * Paper ballots returned before the close may still be entered until the count.
 */
export function closeVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'close', 'voting.vote_closed', async (tx, _locked, now) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(voteBallots)
      .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id)));
    await tx.delete(voteIdempotency).where(and(eq(voteIdempotency.communityId, vote.communityId), eq(voteIdempotency.voteId, vote.id)));
    return { set: { closedAt: now }, audit: { closedAt: now, ballots: Number(n) } };
  });
}
