import { and, eq } from 'drizzle-orm';
import { positionBody, type MeetingKind } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { voterKeyOf } from '../domain/minutes.ts';
import { meetingAgendaItems, meetingPositions, meetingRepresentatives } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import type { MeetingRow } from '../repo/meetings.ts';
import { auditMeeting, conflict, forbidden, lockMeeting, parseInput, refuseIfLocked, requireHeld, type MeetingsContext } from './support.ts';

export async function itemOf(tx: Db, meeting: MeetingRow, itemId: string) {
  const [item] = await tx
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.communityId, meeting.communityId), eq(meetingAgendaItems.meetingId, meeting.id), eq(meetingAgendaItems.id, itemId)));
  if (!item) throw notFound('Agenda item');
  return item;
}

/**
 * Records the position of the caller's party on an agenda item (support, object or abstain, with
 * the reason); at an owners' committee meeting, the caller's own position as a member (no
 * proxies). The caller is the present representative in person: the route passes the
 * representative row linked to the logged-in user. Taking a position again replaces the party's
 * earlier one, and clears the item's conclusion so it is concluded again on the positions as
 * they stand.
 */
export async function recordPosition(ctx: MeetingsContext, ref: MeetingRef, itemId: string, representativeId: string, raw: { position: string; reason: string }) {
  const input = parseInput(positionBody, raw);
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    requireHeld(meeting, 'record positions');
    const item = await itemOf(tx, meeting, itemId);
    const [seat] = await tx.select().from(meetingRepresentatives)
      .where(and(eq(meetingRepresentatives.communityId, ref.communityId), eq(meetingRepresentatives.id, representativeId), eq(meetingRepresentatives.meetingId, ref.id)));
    if (!seat) throw forbidden('not_a_representative', 'You are not a representative at this meeting');
    if (!seat.voting) throw forbidden('not_voting', `${seat.party} representatives speak without a vote`);
    if (seat.present !== true) throw conflict('representative_absent', `${seat.name} is not recorded as present`);

    const voterKey = voterKeyOf(meeting.kind as MeetingKind, seat);
    const whereVoter = and(eq(meetingPositions.communityId, ref.communityId), eq(meetingPositions.itemId, item.id), eq(meetingPositions.voterKey, voterKey));
    const [before] = await tx.select().from(meetingPositions).where(whereVoter);
    const values = { party: seat.party, representativeId: seat.id, position: input.position, reason: input.reason, recordedAt: now };
    if (before) await tx.update(meetingPositions).set(values).where(whereVoter);
    else await tx.insert(meetingPositions).values({ communityId: ref.communityId, meetingId: ref.id, itemId: item.id, voterKey, ...values });
    const conclusionCleared = item.conclusion !== null;
    if (conclusionCleared) {
      await tx.update(meetingAgendaItems)
        .set({ conclusion: null, direction: null, conclusionNote: null, conclusionDetail: null, concludedAt: null })
        .where(and(eq(meetingAgendaItems.communityId, ref.communityId), eq(meetingAgendaItems.id, item.id)));
    }
    await auditMeeting(tx, ctx, 'meetings.position_recorded', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      before: before ? { itemId: item.id, voter: voterKey, position: before.position, reason: before.reason, representativeId: before.representativeId } : null,
      after: { itemId: item.id, matterId: item.matterId, voter: voterKey, party: seat.party, representativeId: seat.id, position: input.position, reason: input.reason, conclusionCleared },
    });
    return { voterKey, position: input.position };
  });
}
