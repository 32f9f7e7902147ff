import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { householdBody } from '../../../../contracts/consultation.ts';
import { householdsFor } from '../consultation.policy.ts';
import { matterSupports, matters } from '../consultation.tables.ts';
import { matterKey } from '../repo/matters.ts';
import { chooseHousehold, requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, parseInput, type ConsultationContext } from './support.ts';

/** A household supports the matter during consultation, once (the primary key makes a second one impossible). */
export function supportMatter(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof householdBody>) {
  const input = parseInput(householdBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'support', 'Support');
    const household = chooseHousehold(householdsFor(ctx.viewer, ref), input.unitId, 'support');
    const inserted = await tx.insert(matterSupports)
      .values({ communityId: row.communityId, matterId: row.id, unitId: household.unitId, supportedBy: actorShown(ctx), supportedAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ unitId: matterSupports.unitId });
    if (!inserted.length) throw conflict('already_supported', `Household ${household.unitId} already supports this matter`, { unitId: household.unitId });
    const [after] = await tx.update(matters).set({ supports: sql`${matters.supports} + 1` }).where(matterKey(row)).returning({ supports: matters.supports });
    await auditMatter(tx, ctx, 'consultation.matter_supported', row, { before: { supports: row.supports }, after: { unitId: household.unitId, supports: after.supports } });
    return { supports: after.supports };
  });
}
