import { raiseMatterBody, type RaiseMatterBody } from '../../../../contracts/consultation.ts';
import { transaction } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { findCompoundRef } from '../../registry/index.ts';
import { communityExists } from '../consultation.borders.ts';
import { canRaise, canReadSettings, type Household } from '../consultation.policy.ts';
import { matters } from '../consultation.tables.ts';
import { logStep, type MatterRow } from '../repo/matters.ts';
import { settingsOf } from '../repo/settings.ts';
import { actorShown, auditMatter, forbidden, invalid, parseInput, userIdOf, type ConsultationContext } from './support.ts';

const notFoundField = (field: string, what: string, id: string) => new AppError('not_found', `${field}: ${what} ${id} not found`, { field });

/** The household an owner raises the matter for: the one given, or their only one in the compound (or community). */
function raisingHousehold(ctx: ConsultationContext, input: { communityId: string; compoundId?: string; unitId?: string }): Household {
  const candidates = ctx.viewer.households.filter((h) => h.communityId === input.communityId && (!input.compoundId || h.compoundId === input.compoundId));
  if (input.unitId) {
    const chosen = candidates.find((h) => h.unitId === input.unitId);
    if (!chosen) throw forbidden('not_a_household', `unitId: unit ${input.unitId} is not a household of yours in this ${input.compoundId ? 'compound' : 'community'}`, { field: 'unitId' });
    return chosen;
  }
  if (candidates.length === 1) return candidates[0];
  if (!candidates.length && !ctx.viewer.households.some((h) => h.communityId === input.communityId)) throw notFoundField('communityId', 'community', input.communityId);
  if (!candidates.length) throw forbidden('not_a_household', `You have no household in this ${input.compoundId ? 'compound' : 'community'}: residents raise matters of their own compound`);
  throw invalid([{ path: 'unitId', message: `required: you have ${candidates.length} households here; say which one raises the matter` }]);
}

/**
 * Raises a matter. Residents raise it for their household's compound and then collect the
 * community's number of co-signing households (the matter stays in propose, collecting
 * signatures, until then); the owners' committee, property company, grid worker and community
 * staff raise it directly; community staff and grid workers convert a complaint, citing it.
 */
export async function raiseMatter(ctx: ConsultationContext, raw: RaiseMatterBody): Promise<MatterRow> {
  const input = parseInput(raiseMatterBody, raw);
  const viewer = ctx.viewer;
  if (!(await communityExists(ctx.db, input.communityId))) throw notFoundField('communityId', 'community', input.communityId);
  if (input.compoundId) {
    const compound = await findCompoundRef(ctx.db, input.compoundId);
    if (!compound || compound.communityId !== input.communityId) throw notFoundField('compoundId', 'compound', input.compoundId);
  }
  const household = input.source === 'residents' && ctx.actor.kind === 'owner' ? raisingHousehold(ctx, input) : null;
  const compoundId = household?.compoundId ?? input.compoundId ?? null;
  if (!canRaise(viewer, { communityId: input.communityId, compoundId, source: input.source })) {
    if (!canReadSettings(viewer, input.communityId)) throw notFoundField('communityId', 'community', input.communityId);
    throw forbidden(null, `You may not raise a matter as ${input.source.replace('_', ' ')} here`, { field: 'source' });
  }
  if (!compoundId && (input.art278Item !== undefined || input.decidingBody === 'owners_committee')) {
    const why = input.art278Item !== undefined ? 'an Art. 278 matter is decided by the owners of one compound' : "an owners' committee decides for its compound";
    throw invalid([{ path: 'compoundId', message: `required: ${why}` }]);
  }
  const settings = await settingsOf(ctx.db, input.communityId);
  if (!settings.categories.some((c) => c.key === input.category)) {
    throw invalid([{ path: 'category', message: `must be one of the community's categories: ${settings.categories.map((c) => c.key).join(', ')}` }], 'category_unknown');
  }
  const now = ctx.clock.now();
  const by = actorShown(ctx);
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx.insert(matters).values({
      communityId: input.communityId,
      compoundId,
      title: input.title,
      description: input.description,
      category: input.category,
      urgency: input.urgency,
      art278Item: input.art278Item ?? null,
      decidingBody: input.art278Item !== undefined ? 'owners_vote' : input.decidingBody!,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      raisedByLabel: by,
      raisedByUserId: userIdOf(ctx),
      raisedByPhone: ctx.actor.kind === 'owner' ? ctx.actor.phone : null,
      raisedByUnitId: household?.unitId ?? null,
      raisedAt: now,
      stepEnteredAt: now,
      signaturesRequired: input.source === 'residents' ? settings.cosignaturesRequired : 0,
    }).returning();
    await logStep(tx, row, 'propose', now, by, null);
    const { raisedByPhone: _phone, ...shown } = row;
    await auditMatter(tx, ctx, 'consultation.matter_raised', row, { after: shown });
    return row;
  });
}
