import { and, eq } from 'drizzle-orm';
import { minutesBody, type MinutesBody } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import { meetingAgendaItems, meetings } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { auditMeeting, invalid, lockMeeting, parseInput, refuseIfLocked, type MeetingsContext } from './support.ts';

/**
 * Writes the minutes text and, optionally, the notes of agenda items. Allowed until the minutes
 * lock; a signature given before an edit no longer matches the record, so that party signs again.
 * The caller has checked canOrganise.
 */
export async function editMinutes(ctx: MeetingsContext, ref: MeetingRef, raw: MinutesBody) {
  const input = parseInput(minutesBody, raw);
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    const items = await tx.select().from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.communityId, ref.communityId), eq(meetingAgendaItems.meetingId, ref.id)));
    const byId = new Map(items.map((i) => [i.id, i]));
    const notes = input.itemNotes ?? [];
    const issues = notes.flatMap((n, k) => (byId.has(n.itemId) ? [] : [{ path: `itemNotes.${k}.itemId`, message: `no agenda item ${n.itemId} on this meeting` }]));
    if (issues.length) throw invalid(issues);
    const now = ctx.clock.now();
    await tx.update(meetings).set({ minutesText: input.text, minutesUpdatedAt: now })
      .where(and(eq(meetings.communityId, ref.communityId), eq(meetings.id, ref.id)));
    for (const n of notes) {
      await tx.update(meetingAgendaItems).set({ notes: n.notes })
        .where(and(eq(meetingAgendaItems.communityId, ref.communityId), eq(meetingAgendaItems.id, n.itemId)));
    }
    await auditMeeting(tx, ctx, 'meetings.minutes_edited', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      before: { text: meeting.minutesText, itemNotes: notes.map((n) => ({ itemId: n.itemId, notes: byId.get(n.itemId)!.notes })) },
      after: { text: input.text, itemNotes: notes },
    });
  });
}
