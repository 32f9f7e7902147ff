import type { z } from 'zod';
import { recordResolutionBody } from '../../../../contracts/consultation.ts';
import { jointMeetingRecordForMatter, publishedVoteForMatter } from '../consultation.neighbours.ts';
import { canRecordResolution } from '../consultation.policy.ts';
import { matterResolutions } from '../consultation.tables.ts';
import { resolutionOf } from '../repo/implementation.ts';
import { requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, forbidden, parseInput, type ConsultationContext } from './support.ts';

const ENTERED_BY = {
  owners_vote: "the owners' committee of the compound (or community staff), from the owners' vote",
  owners_committee: "the owners' committee of the compound",
  two_committees: 'community staff, for the two committees',
  residents_assembly: "community staff, for the residents' assembly",
} as const;

/**
 * Records the resolution of a matter in step resolve. An Art. 278 matter is decided by the owners'
 * assembly: its resolution is the published result of the owners' vote on the matter, taken over
 * with { fromVote: true }, and a hand-entered text is refused. Other matters are decided by the
 * body their type names, on the record of the joint meeting, and that body's role enters the text.
 */
export function recordResolution(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof recordResolutionBody>) {
  const input = parseInput(recordResolutionBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'resolution', 'Recording the resolution');
    if (!canRecordResolution(ctx.viewer, ref)) {
      throw forbidden('wrong_deciding_body', `The resolution of this matter is entered by ${ENTERED_BY[row.decidingBody]}`);
    }
    if (await resolutionOf(tx, row)) throw conflict('resolution_exists', 'The matter\u2019s resolution is already recorded');
    let values: Omit<typeof matterResolutions.$inferInsert, 'communityId' | 'matterId' | 'recordedBy' | 'recordedAt'>;
    if (row.decidingBody === 'owners_vote') {
      if (input.text !== undefined) {
        throw conflict('art278_requires_owners_vote', `This is an Art. 278 matter (item ${row.art278Item}): only the owners' assembly decides it, by an owners' vote. Its resolution is the vote's published result and cannot be entered by hand; send { "fromVote": true } once the vote's result is published`, { field: 'text' });
      }
      const vote = await publishedVoteForMatter(tx, row.communityId, row.id);
      if (!vote) throw conflict('vote_not_published', `No owners' vote on this matter has published its result yet: convene a vote with matterId ${row.id} and publish its result first`);
      values = { text: `${vote.summary.zh}\n${vote.summary.en}`, decidingBody: 'owners_vote', basis: 'vote', voteId: vote.voteId, meetingId: null, passed: vote.passed, basisNote: input.basisNote ?? null };
    } else {
      if (input.fromVote) throw conflict('not_an_owners_vote_matter', `This matter is decided by the ${row.decidingBody.replace('_', ' ')}, not by an owners' vote: enter the resolution's text`, { field: 'fromVote' });
      const meeting = await jointMeetingRecordForMatter(tx, row.communityId, row.id);
      values = { text: input.text!, decidingBody: row.decidingBody, basis: 'meeting', meetingId: meeting?.meetingId ?? null, voteId: null, passed: null, basisNote: input.basisNote ?? null };
    }
    const [resolution] = await tx.insert(matterResolutions).values({
      ...values, communityId: row.communityId, matterId: row.id, recordedBy: actorShown(ctx), recordedAt: ctx.clock.now(),
    }).returning();
    await auditMatter(tx, ctx, 'consultation.resolution_recorded', row, { after: values });
    return resolution;
  });
}
