import { and, eq } from 'drizzle-orm';
import type { MeetingKind } from '../../../../contracts/meetings.ts';
import { actorUserId } from '../../../platform/actor.ts';
import { transaction } from '../../../platform/command.ts';
import { minutesDigest, requiredSigners, signOffState, voterKeyOf } from '../domain/minutes.ts';
import { meetingSignatures, meetings } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { meetingParts, minutesContent } from '../repo/meetings.ts';
import { auditMeeting, conflict, forbidden, lockMeeting, refuseIfLocked, requireHeld, type MeetingsContext } from './support.ts';

/**
 * The caller signs the minutes for their party (at an owners' committee meeting: for themself),
 * in person: the logged-in staff user linked to a present voting representative. The signature
 * holds the digest of the record as it stands. When every party (member) present holds a
 * signature on the current digest, the minutes lock: from then on only addenda.
 */
export async function signMinutes(ctx: MeetingsContext, ref: MeetingRef, representativeId: string) {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw forbidden('not_a_representative', 'Minutes are signed by the representative in person, logged in with their own account');
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    requireHeld(meeting, 'sign the minutes');
    const parts = await meetingParts(tx, meeting);
    const seat = parts.representatives.find((r) => r.id === representativeId && r.userId === userId);
    if (!seat) throw forbidden('not_a_representative', 'You are not a representative at this meeting');
    if (!seat.voting) throw forbidden('not_voting', `${seat.party} representatives do not sign the minutes`);
    if (seat.present !== true) throw conflict('representative_absent', `${seat.name} is not recorded as present`);
    if (!meeting.minutesText.trim()) throw conflict('minutes_empty', 'The minutes have no text yet');
    const open = parts.items.filter((i) => !i.conclusion);
    if (open.length) {
      throw conflict('items_unconcluded', `Conclude every agenda item first: ${open.map((i) => `"${i.title}"`).join(', ')}`, { itemIds: open.map((i) => i.id) });
    }

    const kind = meeting.kind as MeetingKind;
    const digest = minutesDigest(minutesContent(meeting, parts));
    const signerKey = voterKeyOf(kind, seat);
    if (parts.signatures.some((s) => s.signerKey === signerKey && s.digest === digest)) {
      throw conflict('already_signed', `${signerKey === seat.party ? `The ${seat.party} party has` : `${seat.name} has`} already signed these minutes`);
    }
    const [signature] = await tx.insert(meetingSignatures).values({
      communityId: ref.communityId,
      meetingId: ref.id,
      signerKey,
      party: seat.party,
      representativeId: seat.id,
      userId,
      digest,
      signedAt: now,
    }).returning();
    const state = signOffState(requiredSigners(kind, parts.representatives), [...parts.signatures, signature], digest);
    if (state.complete) {
      await tx.update(meetings).set({ minutesLockedAt: now }).where(and(eq(meetings.communityId, ref.communityId), eq(meetings.id, ref.id)));
    }
    await auditMeeting(tx, ctx, 'meetings.minutes_signed', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      after: {
        signatureId: signature.id, signerKey, party: seat.party, representativeId: seat.id, name: seat.name, digest,
        unsigned: state.slots.filter((s) => !s.signed).map((s) => s.key), locked: state.complete,
      },
    });
    return { signature, locked: state.complete };
  });
}
