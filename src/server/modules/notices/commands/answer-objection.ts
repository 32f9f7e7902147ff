import { and, eq } from 'drizzle-orm';
import { actorUserId } from '../../../platform/actor.ts';
import { auditOrigin } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { objectionStatus } from '../domain/periods.ts';
import { noticeObjections } from '../notices.tables.ts';
import { lockObjection } from '../repo/objections.ts';
import { actorShown, conflict, invalid, withinTransaction, type NoticesContext } from './support.ts';

/**
 * The issuer answers an objection, once: the answer is part of the record. An answer after the
 * reply deadline is accepted and shows as answered late. The caller has checked who may answer.
 */
export async function answerObjection(ctx: NoticesContext, objection: { communityId: string; id: string }, answer: string) {
  const text = answer.trim();
  if (!text) throw invalid([{ path: 'answer', message: 'must not be empty' }]);
  if (text.length > 5_000) throw invalid([{ path: 'answer', message: 'must be at most 5000 characters' }]);
  return withinTransaction(ctx.db, async (tx) => {
    const before = await lockObjection(tx, objection);
    if (before.answeredAt) {
      throw conflict('already_answered', `Objection ${before.id} was answered at ${before.answeredAt.toISOString()} by ${before.answeredBy}`, { answeredAt: before.answeredAt });
    }
    const [row] = await tx.update(noticeObjections)
      .set({ answer: text, answeredAt: ctx.now, answeredBy: actorShown(ctx), answeredByUserId: actorUserId(ctx.actor) })
      .where(and(eq(noticeObjections.communityId, before.communityId), eq(noticeObjections.id, before.id)))
      .returning();
    await appendAudit(tx, {
      kind: 'notices.objection_answered', communityId: row.communityId, ...auditOrigin(ctx), objectType: 'notice_objection', objectId: row.id,
      before: { answer: null, status: objectionStatus(before, ctx.now) },
      after: { noticeId: row.noticeId, answer: text, answeredAt: row.answeredAt, replyDueAt: row.replyDueAt, status: objectionStatus(row, ctx.now) },
    });
    return row;
  });
}
