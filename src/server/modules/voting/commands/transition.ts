import { and, eq } from 'drizzle-orm';
import type { AuditKind } from '../../../../contracts/audit.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkTransition, type LifecycleAction, type VoteState } from '../domain/lifecycle.ts';
import { votes } from '../voting.tables.ts';
import { lockVote, refused, settingsOf, type VoteRow, type VotingContext } from './support.ts';

export interface TransitionStep {
  /** columns to set besides the state */
  set?: Partial<typeof votes.$inferInsert>;
  /** what the audit event records besides the two states */
  audit?: Record<string, unknown>;
}

/**
 * One move of the life cycle as one command: lock the vote row, ask the state table whether the
 * move is allowed now, run the move's own work, set the new state and append the one audit
 * event, all in one transaction. The caller has checked canManageVote.
 */
export async function moveVote(
  ctx: VotingContext,
  vote: { id: string; communityId: string; compoundId: string },
  action: LifecycleAction,
  kind: AuditKind,
  work: (tx: Db, locked: VoteRow, now: Date) => Promise<TransitionStep> = async () => ({}),
): Promise<VoteRow> {
  const now = ctx.clock.now();
  const settings = await settingsOf(ctx.db, { id: vote.compoundId, communityId: vote.communityId });
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'update');
    const from = locked.state as VoteState;
    const check = checkTransition(action, from, now, locked, settings);
    if (!check.ok) throw refused(check.refusal, { state: from });
    const step = await work(tx, locked, now);
    const [after] = await tx
      .update(votes)
      .set({ ...step.set, state: check.to })
      .where(and(eq(votes.communityId, vote.communityId), eq(votes.id, vote.id)))
      .returning();
    await appendAudit(tx, {
      kind,
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote',
      objectId: vote.id,
      before: { state: from },
      after: { state: check.to, ...step.audit },
    });
    return after;
  });
}
