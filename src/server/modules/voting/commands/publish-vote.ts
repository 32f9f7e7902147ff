import { merkleRoot } from '../domain/merkle.ts';
import { currentLeaves } from '../repo/ballots.ts';
import { moveVote } from './transition.ts';
import type { VotingContext } from './support.ts';

/**
 * Publishes the counted result: the public notice, the results and the vote record become
 * readable without login, and the receipts of the counted ballots are sealed in the Merkle root
 * published with them, against which every owner can check their receipt. The set of ballots is
 * final once counted, so the root is the root of what was counted.
 */
export function publishVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'publish', 'voting.vote_published', async (tx, locked, now) => {
    const leaves = await currentLeaves(tx, locked);
    const root = merkleRoot(leaves);
    return {
      set: { publishedAt: now, merkleRoot: root },
      audit: { publishedAt: now, merkleRoot: root, receipts: leaves.length },
    };
  });
}
