import { correctionBody } from '../../../../contracts/voting.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { unitOfCompound } from '../../registry/index.ts';
import { voteCorrections } from '../voting.tables.ts';
import { invalid, lockVote, parseInput, refused, type VotingContext } from './support.ts';

/**
 * An owner asks for a correction of the electorate roll during the notice: which unit, and what
 * is wrong (an area, a missing owner, a parking space counted). The convener must answer every
 * request before the vote can open. The caller has checked canRequestCorrection.
 */
export async function requestCorrection(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }, raw: { unitId: string; text: string }) {
  const input = parseInput(correctionBody, raw);
  if (ctx.actor.kind !== 'owner') throw invalid([{ path: 'actor', message: 'only owners ask for corrections' }]);
  const phone = ctx.actor.phone;
  const unit = await unitOfCompound(ctx.db, { id: vote.compoundId, communityId: vote.communityId }, input.unitId);
  if (!unit) throw invalid([{ path: 'unitId', message: `no unit ${input.unitId} in this vote's compound` }]);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const refusal = checkAllowed(locked.state as VoteState, 'corrections', 'corrections are requested');
    if (refusal) throw refused(refusal, { state: locked.state });
    const [row] = await tx.insert(voteCorrections).values({
      communityId: vote.communityId,
      voteId: vote.id,
      unitId: unit.unitId,
      text: input.text,
      requesterPhone: phone,
      createdAt: ctx.clock.now(),
    }).returning();
    await appendAudit(tx, {
      kind: 'voting.correction_requested',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_correction',
      objectId: row.id,
      after: { voteId: vote.id, unitId: unit.unitId, unit: `${unit.buildingName}-${unit.number}`, text: input.text },
    });
    return row;
  });
}
