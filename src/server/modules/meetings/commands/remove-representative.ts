import { and, eq } from 'drizzle-orm';
import { transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { meetingPositions, meetingRepresentatives, meetingSignatures } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { representativeAudit } from './invite-representative.ts';
import { auditMeeting, conflict, lockMeeting, refuseIfLocked, type MeetingsContext } from './support.ts';

/**
 * Withdraws an invitation. Someone who was marked present, took a position or signed is part of
 * the record and stays (mark them absent instead, if they did not come). The caller has checked
 * canOrganise.
 */
export async function removeRepresentative(ctx: MeetingsContext, ref: MeetingRef, representativeId: string) {
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    const mine = and(eq(meetingRepresentatives.communityId, ref.communityId), eq(meetingRepresentatives.meetingId, ref.id), eq(meetingRepresentatives.id, representativeId));
    const [rep] = await tx.select().from(meetingRepresentatives).where(mine);
    if (!rep) throw notFound('Representative');
    const [position] = await tx.select({ id: meetingPositions.id }).from(meetingPositions)
      .where(and(eq(meetingPositions.communityId, ref.communityId), eq(meetingPositions.representativeId, rep.id))).limit(1);
    const [signature] = await tx.select({ id: meetingSignatures.id }).from(meetingSignatures)
      .where(and(eq(meetingSignatures.communityId, ref.communityId), eq(meetingSignatures.representativeId, rep.id))).limit(1);
    if (rep.present === true || position || signature) {
      throw conflict('representative_in_use', `${rep.name} attended, took a position or signed; they stay on the record`, { representativeId: rep.id });
    }
    await tx.delete(meetingRepresentatives).where(mine);
    await auditMeeting(tx, ctx, 'meetings.representative_removed', { type: 'meeting', id: ref.id, communityId: ref.communityId }, { before: representativeAudit(rep) });
    return rep;
  });
}
