import { addendumBody } from '../../../../contracts/meetings.ts';
import { actorLabel, actorUserId } from '../../../platform/actor.ts';
import { transaction } from '../../../platform/command.ts';
import { addendumDigest, minutesDigest } from '../domain/minutes.ts';
import { meetingAddenda } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { meetingParts, minutesContent } from '../repo/meetings.ts';
import { auditMeeting, conflict, lockMeeting, parseInput, type MeetingsContext } from './support.ts';

/**
 * Appends a correction to locked minutes. Addenda are never edited or removed; each is signed by
 * its author (their account, and their representative row if they have one) and chained to the
 * one before by its digest, the first to the locked minutes' digest. The caller has checked
 * canAddAddendum.
 */
export async function addAddendum(ctx: MeetingsContext, ref: MeetingRef, representativeId: string | null, raw: { text: string }) {
  const input = parseInput(addendumBody, raw);
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    if (!meeting.minutesLockedAt) throw conflict('minutes_not_locked', 'The minutes are not locked yet; edit them instead');
    const parts = await meetingParts(tx, meeting);
    const last = parts.addenda.at(-1);
    const previous = last?.digest ?? minutesDigest(minutesContent(meeting, parts));
    const author = actorLabel(ctx.actor);
    const digest = addendumDigest(previous, input.text, author, now.toISOString());
    const [addendum] = await tx.insert(meetingAddenda).values({
      communityId: ref.communityId,
      meetingId: ref.id,
      seq: (last?.seq ?? 0) + 1,
      text: input.text,
      authorUserId: actorUserId(ctx.actor),
      authorLabel: author,
      representativeId,
      digest,
      createdAt: now,
    }).returning();
    await auditMeeting(tx, ctx, 'meetings.addendum_added', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      after: { addendumId: addendum.id, seq: addendum.seq, text: addendum.text, representativeId, previous, digest },
    });
    return addendum;
  });
}
