import { createMeetingBody, type CreateMeetingBody, type MeetingKind } from '../../../../contracts/meetings.ts';
import { actorLabel } from '../../../platform/actor.ts';
import { transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { todayInChina } from '../../registry/index.ts';
import { MEETING_KINDS } from '../domain/meeting-kinds.ts';
import { meetings } from '../meetings.tables.ts';
import { canOrganise } from '../meetings.policy.ts';
import { currentCommittee } from '../repo/eligibility.ts';
import type { MeetingRow } from '../repo/meetings.ts';
import { bodyCompound } from './series-rules.ts';
import { auditMeeting, forbidden, invalid, parseInput, type MeetingsContext } from './support.ts';

/**
 * An owners' committee meeting counts its quorum and decisions against ALL of the committee's
 * members: the size is taken when the meeting is created and again whenever attendance is
 * recorded. Other kinds count parties and need no size.
 */
export async function committeeSizeFor(db: Db, m: { communityId: string; kind: MeetingKind; compoundId: string | null }, now: Date): Promise<number | null> {
  if (MEETING_KINDS[m.kind].votesBy !== 'member' || !m.compoundId) return null;
  const committee = await currentCommittee(db, m.communityId, m.compoundId, todayInChina(now));
  return committee ? committee.members.length : null;
}

export const meetingAudit = (m: MeetingRow) => ({
  kind: m.kind, compoundId: m.compoundId, seriesId: m.seriesId, title: m.title, scheduledAt: m.scheduledAt.toISOString(),
  location: m.location, committeeSize: m.committeeSize,
});

/** Convenes an ad-hoc meeting (outside any series). */
export async function createMeeting(ctx: MeetingsContext, communityId: string, raw: CreateMeetingBody): Promise<MeetingRow> {
  const input = parseInput(createMeetingBody, raw);
  const compoundId = await bodyCompound(ctx.db, communityId, input.kind, input.compoundId);
  if (!canOrganise(ctx.actor, { communityId, kind: input.kind, compoundId })) {
    throw forbidden('not_organiser', `You may not convene ${input.kind} meetings here`);
  }
  const committeeSize = await committeeSizeFor(ctx.db, { communityId, kind: input.kind, compoundId }, ctx.clock.now());
  if (MEETING_KINDS[input.kind].votesBy === 'member' && committeeSize === null) {
    throw invalid([{ path: 'compoundId', message: "this compound has no current owners' committee" }]);
  }
  return transaction(ctx.db, async (tx) => {
    const [meeting] = await tx.insert(meetings).values({
      communityId,
      kind: input.kind,
      compoundId,
      seriesId: null,
      title: input.title,
      scheduledAt: new Date(input.scheduledAt),
      location: input.location ?? null,
      committeeSize,
      createdBy: actorLabel(ctx.actor),
    }).returning();
    await auditMeeting(tx, ctx, 'meetings.meeting_created', { type: 'meeting', id: meeting.id, communityId }, { after: meetingAudit(meeting) });
    return meeting;
  });
}
