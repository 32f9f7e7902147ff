import { and, eq, inArray } from 'drizzle-orm';
import { attendanceBody, type AttendanceBody, type MeetingKind } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import { meetingPositions, meetingRepresentatives, meetingSignatures, meetings } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { committeeSizeFor } from './create-meeting.ts';
import { auditMeeting, conflict, invalid, lockMeeting, parseInput, refuseIfLocked, type MeetingsContext } from './support.ts';

/**
 * Records who came: present or absent per representative (and so per party). The first record
 * marks the meeting held (at `heldAt`, or now). For an owners' committee meeting the committee's
 * size is taken again, so the quorum counts against the committee as it stood on the day.
 * Someone who took a position or signed cannot be marked absent. The caller has checked
 * canOrganise.
 */
export async function recordAttendance(ctx: MeetingsContext, ref: MeetingRef, raw: AttendanceBody) {
  const input = parseInput(attendanceBody, raw);
  const now = ctx.clock.now();
  const heldAt = input.heldAt ? new Date(input.heldAt) : null;
  if (heldAt && heldAt > now) throw invalid([{ path: 'heldAt', message: 'must not be in the future' }], 'held_in_future');
  const committeeSize = await committeeSizeFor(ctx.db, { communityId: ref.communityId, kind: ref.kind as MeetingKind, compoundId: ref.compoundId }, now);
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    const ofMeeting = and(eq(meetingRepresentatives.communityId, ref.communityId), eq(meetingRepresentatives.meetingId, ref.id));
    const reps = await tx.select().from(meetingRepresentatives).where(ofMeeting);
    const byId = new Map(reps.map((r) => [r.id, r]));
    const issues = input.entries.flatMap((e, n) => (byId.has(e.representativeId) ? [] : [{ path: `entries.${n}.representativeId`, message: `no representative ${e.representativeId} at this meeting` }]));
    if (issues.length) throw invalid(issues);

    const goingAbsent = input.entries.filter((e) => !e.present && byId.get(e.representativeId)!.present === true).map((e) => e.representativeId);
    if (goingAbsent.length) {
      const [acted] = await tx.select({ id: meetingPositions.representativeId }).from(meetingPositions)
        .where(and(eq(meetingPositions.communityId, ref.communityId), inArray(meetingPositions.representativeId, goingAbsent))).limit(1);
      const [signed] = await tx.select({ id: meetingSignatures.representativeId }).from(meetingSignatures)
        .where(and(eq(meetingSignatures.communityId, ref.communityId), inArray(meetingSignatures.representativeId, goingAbsent))).limit(1);
      const who = acted?.id ?? signed?.id;
      if (who) throw conflict('representative_in_use', `${byId.get(who)!.name} took a position or signed, so was present`, { representativeId: who });
    }

    for (const e of input.entries) {
      await tx.update(meetingRepresentatives).set({ present: e.present }).where(and(ofMeeting, eq(meetingRepresentatives.id, e.representativeId)));
    }
    const newHeldAt = heldAt ?? meeting.heldAt ?? now;
    await tx.update(meetings)
      .set({ heldAt: newHeldAt, committeeSize: committeeSize ?? meeting.committeeSize })
      .where(and(eq(meetings.communityId, ref.communityId), eq(meetings.id, ref.id)));
    await auditMeeting(tx, ctx, 'meetings.attendance_recorded', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      before: { heldAt: meeting.heldAt?.toISOString() ?? null, entries: input.entries.map((e) => ({ representativeId: e.representativeId, present: byId.get(e.representativeId)!.present })) },
      after: { heldAt: newHeldAt.toISOString(), entries: input.entries, committeeSize: committeeSize ?? meeting.committeeSize },
    });
  });
}
