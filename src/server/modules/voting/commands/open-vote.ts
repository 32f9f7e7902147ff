import { and, count, eq, isNull } from 'drizzle-orm';
import { formatCenti } from '../domain/area.ts';
import { freezeElectorate, liveElectorate } from '../repo/electorate.ts';
import { voteCorrections } from '../voting.tables.ts';
import { moveVote } from './transition.ts';
import { conflict, type VotingContext } from './support.ts';

/**
 * Opens the vote at its opening time and freezes the electorate: the compound's units with their
 * areas per source, use and developer flag, their current owners and named voters, and the
 * voting subjects the tally core builds from them are copied into the vote's own tables. Later
 * changes of ownership do not alter them. Refused while a correction request is unanswered or a
 * unit lacks an area or an owner (the record would be malformed): both are fixed during the notice.
 */
export function openVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'open', 'voting.vote_opened', async (tx, locked, now) => {
    const [{ n: unanswered }] = await tx
      .select({ n: count() })
      .from(voteCorrections)
      .where(and(eq(voteCorrections.communityId, vote.communityId), eq(voteCorrections.voteId, vote.id), isNull(voteCorrections.answeredAt)));
    if (Number(unanswered) > 0) {
      throw conflict('corrections_unanswered', `${unanswered} correction request(s) to the roll are unanswered; answer them before opening`, { unanswered: Number(unanswered) });
    }
    const electorate = await liveElectorate(tx, locked);
    if (electorate.problems.length) {
      const issues = electorate.problems.map((p) => ({ path: `units.${p.buildingName}-${p.number}`, unitId: p.unitId, message: p.message }));
      throw conflict('electorate_incomplete', `the roll is incomplete: ${issues[0].path} ${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, { issues });
    }
    if (!electorate.subjects.length) throw conflict('electorate_incomplete', 'the compound has no unit that counts in the vote', { issues: [] });
    await freezeElectorate(tx, locked, electorate);
    const area = electorate.subjects.reduce((sum, s) => sum + s.areaCenti, 0n);
    return {
      set: { openedAt: now },
      audit: { openedAt: now, electorate: { units: electorate.units.length, heads: electorate.subjects.length, area: formatCenti(area) } },
    };
  });
}
