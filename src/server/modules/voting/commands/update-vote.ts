import { and, eq } from 'drizzle-orm';
import { updateVoteBody, type UpdateVoteBody } from '../../../../contracts/voting.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { compoundSummary } from '../../registry/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { votes } from '../voting.tables.ts';
import { checkDraft, draftAudit, writeQuestions } from './draft.ts';
import { invalid, lockVote, parseInput, refused, settingsOf, type VotingContext } from './support.ts';

/**
 * Rewrites a draft: title, notice text, rule, times and questions, with the same checks as
 * creating it. Only a draft changes; once announced, the notice is what owners were told. The
 * caller has checked canManageVote.
 */
export async function updateVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }, raw: UpdateVoteBody) {
  const input = parseInput(updateVoteBody, raw);
  const settings = await settingsOf(ctx.db, { id: vote.compoundId, communityId: vote.communityId });
  const issues = checkDraft(input, settings);
  if (issues.length) throw invalid(issues);
  const compound = await compoundSummary(ctx.db, vote.compoundId);

  return transaction(ctx.db, async (tx) => {
    const before = await lockVote(tx, vote, 'update');
    const refusal = checkAllowed(before.state as VoteState, 'edit', 'a vote can be edited');
    if (refusal) throw refused(refusal, { state: before.state });
    const [after] = await tx.update(votes).set({
      matterId: input.matterId ?? null,
      title: input.title,
      noticeText: input.noticeText,
      preset: input.preset,
      options: { ...input.options, parkingInVotingArea: compound?.parkingInVotingArea ?? false },
      allowBallotChange: input.allowBallotChange,
      noticeAt: new Date(input.noticeAt),
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
    }).where(and(eq(votes.communityId, vote.communityId), eq(votes.id, vote.id))).returning();
    await writeQuestions(tx, vote, input.questions);
    await appendAudit(tx, {
      kind: 'voting.vote_updated',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote',
      objectId: vote.id,
      before: { title: before.title, preset: before.preset, options: before.options, noticeAt: before.noticeAt, opensAt: before.opensAt, closesAt: before.closesAt },
      after: draftAudit(after, input.questions),
    });
    return after;
  });
}
