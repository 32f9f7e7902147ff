import type { z } from 'zod';
import { rateMatterBody } from '../../../../contracts/consultation.ts';
import { householdsFor } from '../consultation.policy.ts';
import { matterRatings } from '../consultation.tables.ts';
import { chooseHousehold, requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, parseInput, type ConsultationContext } from './support.ts';

/** A household of the compound rates its satisfaction with the results, 1–5 with a comment, once, while the results are posted. */
export function rateMatter(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof rateMatterBody>) {
  const input = parseInput(rateMatterBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'rating', 'Rating');
    const household = chooseHousehold(householdsFor(ctx.viewer, ref), input.unitId, 'rate');
    const inserted = await tx.insert(matterRatings).values({
      communityId: row.communityId, matterId: row.id, unitId: household.unitId, score: input.score, comment: input.comment ?? null, ratedBy: actorShown(ctx), ratedAt: ctx.clock.now(),
    }).onConflictDoNothing().returning({ unitId: matterRatings.unitId });
    if (!inserted.length) throw conflict('already_rated', `Household ${household.unitId} has already rated this matter`, { unitId: household.unitId });
    await auditMatter(tx, ctx, 'consultation.matter_rated', row, { after: { unitId: household.unitId, score: input.score, comment: input.comment ?? null } });
    return { score: input.score };
  });
}
