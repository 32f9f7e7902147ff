import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { hideCommentBody } from '../../../../contracts/consultation.ts';
import { transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { canModerate } from '../consultation.policy.ts';
import { matterComments } from '../consultation.tables.ts';
import { actorShown, auditMatter, conflict, forbidden, parseInput, type ConsultationContext } from './support.ts';

/**
 * A moderator (community staff) hides a comment, giving a reason. The comment keeps its place
 * and shows as hidden; its text stays in the audit trail (the comment_posted event), and this
 * event records it once more with the reason.
 */
export async function hideComment(ctx: ConsultationContext, m: { id: string; communityId: string }, commentId: string, raw: z.input<typeof hideCommentBody>) {
  const input = parseInput(hideCommentBody, raw);
  if (!canModerate(ctx.actor, m)) throw forbidden(null, 'Only the community\u2019s staff moderate comments');
  return transaction(ctx.db, async (tx) => {
    const key = and(eq(matterComments.communityId, m.communityId), eq(matterComments.matterId, m.id), eq(matterComments.id, commentId));
    const [comment] = await tx.select().from(matterComments).where(key).for('update');
    if (!comment) throw notFound('Comment');
    if (comment.hiddenAt) throw conflict('comment_hidden', `The comment was already hidden at ${comment.hiddenAt.toISOString()} by ${comment.hiddenBy}`);
    const [after] = await tx.update(matterComments)
      .set({ hiddenAt: ctx.clock.now(), hiddenBy: actorShown(ctx), hiddenReason: input.reason })
      .where(key)
      .returning();
    await auditMatter(tx, ctx, 'consultation.comment_hidden', m, {
      objectType: 'matter_comment', objectId: commentId, before: { hidden: false, body: comment.body }, after: { hidden: true, reason: input.reason },
    });
    return after;
  });
}
