import { cancelVoteBody } from '../../../../contracts/voting.ts';
import { moveVote } from './transition.ts';
import { parseInput, type VotingContext } from './support.ts';

/** Cancels a vote that has not closed, with the reason owners will read. Ballots already cast are kept, never counted. */
export function cancelVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }, raw: { reason: string }) {
  const { reason } = parseInput(cancelVoteBody, raw);
  return moveVote(ctx, vote, 'cancel', 'voting.vote_cancelled', async (_tx, _locked, now) => ({
    set: { cancelledAt: now, cancelReason: reason },
    audit: { cancelledAt: now, reason },
  }));
}
