import { and, eq } from 'drizzle-orm';
import { updateSeriesBody, type UpdateSeriesBody } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { meetingSeries } from '../meetings.tables.ts';
import { seriesAudit, type SeriesRow } from './create-series.ts';
import { checkRule } from './series-rules.ts';
import { auditMeeting, parseInput, type MeetingsContext } from './support.ts';

/**
 * Changes a series' recurrence, title or place. Future occurrences follow at once, since they are
 * computed; meetings already scheduled from the series keep their time (they are records now).
 * The caller has checked canOrganise.
 */
export async function updateSeries(ctx: MeetingsContext, ref: { id: string; communityId: string }, raw: UpdateSeriesBody): Promise<SeriesRow> {
  const input = parseInput(updateSeriesBody, raw);
  return transaction(ctx.db, async (tx) => {
    const [before] = await tx
      .select()
      .from(meetingSeries)
      .where(and(eq(meetingSeries.communityId, ref.communityId), eq(meetingSeries.id, ref.id)))
      .for('update');
    if (!before) throw notFound('Meeting series');
    const rule = {
      weekday: input.weekday ?? before.weekday,
      time: input.time ?? before.timeOfDay,
      timezone: input.timezone ?? before.timezone,
      startsOn: input.startsOn ?? before.startsOn,
      endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
    };
    checkRule(rule);
    const [after] = await tx
      .update(meetingSeries)
      .set({
        title: input.title ?? before.title,
        weekday: rule.weekday,
        timeOfDay: rule.time,
        timezone: rule.timezone,
        location: input.location === undefined ? before.location : input.location,
        startsOn: rule.startsOn,
        endsOn: rule.endsOn,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(meetingSeries.communityId, ref.communityId), eq(meetingSeries.id, ref.id)))
      .returning();
    await auditMeeting(tx, ctx, 'meetings.series_updated', { type: 'meeting_series', id: ref.id, communityId: ref.communityId }, {
      before: seriesAudit(before),
      after: seriesAudit(after),
    });
    return after;
  });
}
