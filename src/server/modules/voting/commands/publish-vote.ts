import { moveVote } from './transition.ts';
import type { VotingContext } from './support.ts';

/** Publishes the counted result: the public notice, the results and the vote record become readable without login. */
export function publishVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'publish', 'voting.vote_published', async (_tx, locked, now) => ({
    set: { publishedAt: now },
    audit: { publishedAt: now, merkleRoot: locked.merkleRoot },
  }));
}
