import { and, eq } from 'drizzle-orm';
import { scheduleOccurrenceBody, type MeetingKind } from '../../../../contracts/meetings.ts';
import { actorLabel } from '../../../platform/actor.ts';
import { transaction } from '../../../platform/command.ts';
import { isOccurrence } from '../domain/recurrence.ts';
import { MEETING_KINDS } from '../domain/meeting-kinds.ts';
import { meetings } from '../meetings.tables.ts';
import type { MeetingRow } from '../repo/meetings.ts';
import type { SeriesRow } from './create-series.ts';
import { committeeSizeFor, meetingAudit } from './create-meeting.ts';
import { auditMeeting, invalid, parseInput, type MeetingsContext } from './support.ts';

/**
 * Turns a computed occurrence of a series into a stored meeting, so it can get an agenda,
 * representatives and minutes. The time must be one of the series' occurrences. Scheduling the
 * same occurrence twice answers the stored meeting (created: false) and writes nothing. The
 * caller has checked canOrganise on the series.
 */
export async function scheduleOccurrence(ctx: MeetingsContext, series: SeriesRow, raw: { scheduledAt: string }): Promise<{ meeting: MeetingRow; created: boolean }> {
  const input = parseInput(scheduleOccurrenceBody, raw);
  const at = new Date(input.scheduledAt);
  const rule = { weekday: series.weekday, time: series.timeOfDay, timezone: series.timezone, startsOn: series.startsOn, endsOn: series.endsOn };
  if (!isOccurrence(rule, at)) {
    throw invalid([{ path: 'scheduledAt', message: `${input.scheduledAt} is not an occurrence of this series (weekday ${series.weekday}, ${series.timeOfDay} ${series.timezone}, from ${series.startsOn}${series.endsOn ? ` to ${series.endsOn}` : ''})` }], 'not_an_occurrence');
  }
  const kind = series.kind as MeetingKind;
  const committeeSize = await committeeSizeFor(ctx.db, { communityId: series.communityId, kind, compoundId: series.compoundId }, ctx.clock.now());
  if (MEETING_KINDS[kind].votesBy === 'member' && committeeSize === null) {
    throw invalid([{ path: 'scheduledAt', message: "the series' compound has no current owners' committee" }]);
  }
  return transaction(ctx.db, async (tx) => {
    // on conflict: somebody scheduled this occurrence first; theirs stands
    const [meeting] = await tx.insert(meetings).values({
      communityId: series.communityId,
      kind,
      compoundId: series.compoundId,
      seriesId: series.id,
      title: series.title,
      scheduledAt: at,
      location: series.location,
      committeeSize,
      createdBy: actorLabel(ctx.actor),
    }).onConflictDoNothing().returning();
    if (!meeting) {
      const [existing] = await tx
        .select()
        .from(meetings)
        .where(and(eq(meetings.communityId, series.communityId), eq(meetings.seriesId, series.id), eq(meetings.scheduledAt, at)));
      return { meeting: existing, created: false };
    }
    await auditMeeting(tx, ctx, 'meetings.occurrence_scheduled', { type: 'meeting', id: meeting.id, communityId: series.communityId }, { after: meetingAudit(meeting) });
    return { meeting, created: true };
  });
}
