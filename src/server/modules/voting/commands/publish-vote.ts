import { sealReceipts } from '../repo/merkle.ts';
import { moveVote } from './transition.ts';
import type { VotingContext } from './support.ts';

/**
 * Publishes the counted result: the public notice, the results and the vote record become
 * readable without login, and the receipts of the counted ballots are sealed in the Merkle root
 * published with them, against which every owner can check their receipt. The set of ballots is
 * final once counted, so the root is the root of what was counted. The tree's levels are stored,
 * so that checking a receipt reads a few nodes (repo/merkle.ts).
 */
export function publishVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'publish', 'voting.vote_published', async (tx, locked, now) => {
    const sealed = await sealReceipts(tx, locked);
    return {
      set: { publishedAt: now, merkleRoot: sealed.root },
      audit: { publishedAt: now, merkleRoot: sealed.root, receipts: sealed.leaves },
    };
  });
}
