import { formatCenti } from '../domain/area.ts';
import { liveElectorate } from '../repo/electorate.ts';
import { moveVote } from './transition.ts';
import type { VotingContext } from './support.ts';

/**
 * Posts the notice and publishes the electorate roll: from now on owners of the compound see the
 * vote, its documents and the roll (units and areas, never names), and may ask for corrections
 * until it opens. Refused unless the notice leaves the compound's minimum notice before opening.
 */
export function announceVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'announce', 'voting.vote_announced', async (tx, locked, now) => {
    const electorate = await liveElectorate(tx, locked);
    const area = electorate.subjects.reduce((sum, s) => sum + s.areaCenti, 0n);
    return {
      set: { announcedAt: now },
      audit: {
        announcedAt: now,
        opensAt: locked.opensAt,
        roll: { units: electorate.units.length, heads: electorate.subjects.length, area: formatCenti(area), problems: electorate.problems.length },
      },
    };
  });
}
