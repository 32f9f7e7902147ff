import { and, eq } from 'drizzle-orm';
import { answerCorrectionBody } from '../../../../contracts/voting.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { voteCorrections } from '../voting.tables.ts';
import { actorShown, conflict, lockVote, parseInput, refused, type VotingContext } from './support.ts';

/**
 * The convener answers a correction request, accepting it (the registry is then corrected
 * through the registry's own commands, and the live roll shows it) or not, with reasons. Each
 * request is answered once, during the notice; the answer is audited. The caller has checked
 * canAnswerCorrections.
 */
export async function answerCorrection(
  ctx: VotingContext,
  vote: { id: string; communityId: string },
  correctionId: string,
  raw: { answer: string; accepted: boolean },
) {
  const input = parseInput(answerCorrectionBody, raw);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const refusal = checkAllowed(locked.state as VoteState, 'corrections', 'corrections are answered');
    if (refusal) throw refused(refusal, { state: locked.state });
    const where = and(eq(voteCorrections.communityId, vote.communityId), eq(voteCorrections.voteId, vote.id), eq(voteCorrections.id, correctionId));
    const [request] = await tx.select().from(voteCorrections).where(where).for('update');
    if (!request) throw notFound('Correction request');
    if (request.answeredAt) throw conflict('already_answered', `this request was answered at ${request.answeredAt.toISOString()}`);
    const [row] = await tx
      .update(voteCorrections)
      .set({ answer: input.answer, accepted: input.accepted, answeredBy: actorShown(ctx), answeredAt: ctx.clock.now() })
      .where(where)
      .returning();
    await appendAudit(tx, {
      kind: 'voting.correction_answered',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_correction',
      objectId: correctionId,
      before: { text: request.text, unitId: request.unitId },
      after: { answer: input.answer, accepted: input.accepted },
    });
    return row;
  });
}
