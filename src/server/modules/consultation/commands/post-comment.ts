import type { z } from 'zod';
import { commentBody } from '../../../../contracts/consultation.ts';
import { canComment, householdsFor } from '../consultation.policy.ts';
import { matterComments } from '../consultation.tables.ts';
import { chooseHousehold, requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, forbidden, parseInput, type ConsultationContext } from './support.ts';

/** A resident of the matter's households, or staff who read the matter, comments during consultation. */
export function postComment(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof commentBody>) {
  const input = parseInput(commentBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'comment', 'Commenting');
    if (!canComment(ctx.viewer, ref)) throw forbidden('not_a_household', 'Only residents of the matter\u2019s compound (or community) and staff may comment');
    const unitId = ctx.actor.kind === 'owner' ? chooseHousehold(householdsFor(ctx.viewer, ref), input.unitId, 'comment on').unitId : null;
    const [comment] = await tx.insert(matterComments).values({
      communityId: row.communityId, matterId: row.id, author: actorShown(ctx), unitId, body: input.body, createdAt: ctx.clock.now(),
    }).returning();
    await auditMatter(tx, ctx, 'consultation.comment_posted', row, { objectType: 'matter_comment', objectId: comment.id, after: { unitId, body: comment.body } });
    return comment;
  });
}
