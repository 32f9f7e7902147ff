import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.ts';
import { auditOrigin } from '../../../platform/command.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { addDays, objectionRefusal } from '../domain/periods.ts';
import { noticeObjections, notices } from '../notices.tables.ts';
import type { OwnerPlaces } from '../notices.policy.ts';
import { correctionOf } from '../repo/notices.ts';
import { invalid, refused, withinTransaction, type NoticesContext } from './support.ts';

/** The unit through which the raiser belongs to the notice's place: theirs in the compound, or any of theirs in the community. */
function raisingUnit(actor: Extract<Actor, { kind: 'owner' }>, places: OwnerPlaces, n: { communityId: string; compoundId: string | null }): string | null {
  if (n.compoundId) return places.unitByCompound.get(n.compoundId) ?? null;
  const units = [...actor.scope.ownUnits].filter(([, communityId]) => communityId === n.communityId).map(([unitId]) => unitId).sort();
  return units[0] ?? null;
}

/**
 * A resident objects to a published notice of their compound (or community) while its objection
 * window is open. The reply deadline is fixed now, from the notice's reply days. The caller has
 * checked, through the policy, that the actor is a resident of the place.
 */
export async function raiseObjection(ctx: NoticesContext, ref: { communityId: string; id: string }, places: OwnerPlaces, text: string) {
  const actor = ctx.actor;
  if (actor.kind !== 'owner') throw new AppError('forbidden', 'Only residents raise objections', { reason: 'not_a_resident' });
  const body = text.trim();
  if (!body) throw invalid([{ path: 'text', message: 'must not be empty' }]);
  if (body.length > 2_000) throw invalid([{ path: 'text', message: 'must be at most 2000 characters' }]);
  return withinTransaction(ctx.db, async (tx) => {
    // FOR SHARE: objections run side by side, but not across a correction being published
    const [notice] = await tx.select().from(notices).where(and(eq(notices.communityId, ref.communityId), eq(notices.id, ref.id))).for('share');
    if (!notice) throw notFound('Notice');
    const correction = await correctionOf(tx, notice);
    const refusal = objectionRefusal(notice, correction?.id ?? null, ctx.now);
    if (refusal) throw refused(refusal, { objectionEndsAt: notice.objectionEndsAt, correctedById: correction?.id ?? null });
    const unitId = raisingUnit(actor, places, notice);
    if (!unitId) throw new AppError('forbidden', 'Only residents of the notice\u2019s compound or community may object', { reason: 'not_a_resident' });
    const [row] = await tx.insert(noticeObjections).values({
      communityId: notice.communityId,
      noticeId: notice.id,
      text: body,
      raiserPhone: actor.phone,
      unitId,
      raisedAt: ctx.now,
      replyDueAt: addDays(ctx.now, notice.replyDays),
    }).returning();
    await appendAudit(tx, {
      kind: 'notices.objection_raised', communityId: row.communityId, ...auditOrigin(ctx), objectType: 'notice_objection', objectId: row.id,
      after: { noticeId: notice.id, unitId, text: body, raisedAt: row.raisedAt, replyDueAt: row.replyDueAt },
    });
    return row;
  });
}
