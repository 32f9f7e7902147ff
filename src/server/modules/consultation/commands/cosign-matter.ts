import { sql } from 'drizzle-orm';
import { householdBody } from '../../../../contracts/consultation.ts';
import type { z } from 'zod';
import { cosigningHouseholds, householdsFor } from '../consultation.policy.ts';
import { matterCosignatures, matters } from '../consultation.tables.ts';
import { matterKey } from '../repo/matters.ts';
import { chooseHousehold, requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, parseInput, type ConsultationContext } from './support.ts';

/**
 * A household of the compound co-signs a residents' matter while it is proposed; once per
 * household, never the raiser's own. Reaching the community's number ends the collecting of
 * signatures: the matter then awaits acceptance by the Party organisation.
 */
export function cosignMatter(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof householdBody>) {
  const input = parseInput(householdBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'cosign', 'Co-signing');
    if (row.signaturesRequired === 0) throw conflict('step_closed', `The matter was raised by ${row.source.replace('_', ' ')} and needs no co-signatures`);
    const candidates = cosigningHouseholds(ctx.viewer, ref);
    if (!candidates.length && householdsFor(ctx.viewer, ref).length) {
      throw conflict('own_household', 'The raising household cannot co-sign its own matter');
    }
    const household = chooseHousehold(candidates, input.unitId, 'co-sign');
    const now = ctx.clock.now();
    const inserted = await tx.insert(matterCosignatures)
      .values({ communityId: row.communityId, matterId: row.id, unitId: household.unitId, signedBy: actorShown(ctx), signedAt: now })
      .onConflictDoNothing()
      .returning({ unitId: matterCosignatures.unitId });
    if (!inserted.length) throw conflict('already_signed', `Household ${household.unitId} has already co-signed this matter`, { unitId: household.unitId });
    const [after] = await tx.update(matters).set({ cosignatures: sql`${matters.cosignatures} + 1` }).where(matterKey(row)).returning({ cosignatures: matters.cosignatures });
    await auditMatter(tx, ctx, 'consultation.matter_cosigned', row, {
      before: { cosignatures: row.cosignatures },
      after: { unitId: household.unitId, cosignatures: after.cosignatures, required: row.signaturesRequired, complete: after.cosignatures >= row.signaturesRequired },
    });
    return { collected: after.cosignatures, required: row.signaturesRequired };
  });
}
