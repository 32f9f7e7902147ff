import { createVoteBody, type CreateVoteBody } from '../../../../contracts/voting.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { compoundSummary, hasCurrentOwnersCommittee, todayInChina } from '../../registry/index.ts';
import { convenerKindFor } from '../voting.policy.ts';
import { votes } from '../voting.tables.ts';
import { checkDraft, draftAudit, writeQuestions } from './draft.ts';
import { actorShown, forbidden, invalid, parseInput, settingsOf, type VotingContext } from './support.ts';

/**
 * Convenes a vote as a draft in a compound. The convener is the compound's owners' committee;
 * where the compound has none, community staff or the street. The draft is checked against the
 * compound's bounds and the tally core's rules, so a vote that could not be counted is refused now.
 */
export async function createVote(ctx: VotingContext, raw: CreateVoteBody) {
  const input = parseInput(createVoteBody, raw);
  const compound = await compoundSummary(ctx.db, input.compoundId);
  if (!compound) throw invalid([{ path: 'compoundId', message: `no compound ${input.compoundId}` }]);
  const hasCommittee = await hasCurrentOwnersCommittee(ctx.db, compound, todayInChina(ctx.clock.now()));
  const convenerKind = convenerKindFor(ctx.actor, compound, hasCommittee);
  if (!convenerKind) {
    if (hasCommittee) {
      throw forbidden('compound_has_committee', "compoundId: this compound has an owners' committee; its members convene owners' votes");
    }
    throw forbidden('no_committee_role', "compoundId: you may not convene votes in this compound (the owners' committee, or community staff or the street where there is none)");
  }
  const settings = await settingsOf(ctx.db, compound);
  const issues = checkDraft(input, settings);
  if (issues.length) throw invalid(issues);

  return transaction(ctx.db, async (tx) => {
    const [vote] = await tx.insert(votes).values({
      communityId: compound.communityId,
      compoundId: compound.id,
      matterId: input.matterId ?? null,
      convenerKind,
      title: input.title,
      noticeText: input.noticeText,
      preset: input.preset,
      options: { ...input.options, parkingInVotingArea: compound.parkingInVotingArea },
      allowBallotChange: input.allowBallotChange,
      noticeAt: new Date(input.noticeAt),
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      createdBy: actorShown(ctx),
    }).returning();
    if (!vote) throw notFound('Vote');
    await writeQuestions(tx, vote, input.questions);
    await appendAudit(tx, {
      kind: 'voting.vote_created',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote',
      objectId: vote.id,
      after: draftAudit(vote, input.questions),
    });
    return vote;
  });
}
