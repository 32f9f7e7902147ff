import { and, eq } from 'drizzle-orm';
import { createSeriesBody, type CreateSeriesBody } from '../../../../contracts/meetings.ts';
import { actorLabel } from '../../../platform/actor.ts';
import { transaction } from '../../../platform/command.ts';
import { todayInChina } from '../../registry/index.ts';
import { MEETING_KINDS } from '../domain/meeting-kinds.ts';
import { meetingSeries } from '../meetings.tables.ts';
import type { SeriesRow } from '../repo/series.ts';
import { canOrganise } from '../meetings.policy.ts';
import { bodyCompound, checkRule } from './series-rules.ts';
import { auditMeeting, conflict, forbidden, isUniqueViolation, parseInput, type MeetingsContext } from './support.ts';

export type { SeriesRow };

/**
 * Sets up a standing meeting: a weekday and local time (every Tuesday 14:00 Asia/Shanghai). One
 * series per kind and body: the community's joint meeting, its two-committee meeting, or one
 * compound's owners' committee. Occurrences are computed from it when the calendar is read.
 */
export async function createSeries(ctx: MeetingsContext, communityId: string, raw: CreateSeriesBody): Promise<SeriesRow> {
  const input = parseInput(createSeriesBody, raw);
  const compoundId = await bodyCompound(ctx.db, communityId, input.kind, input.compoundId);
  if (!canOrganise(ctx.actor, { communityId, kind: input.kind, compoundId })) {
    throw forbidden('not_organiser', `You may not set up ${input.kind} meetings here`);
  }
  const rule = {
    weekday: input.weekday,
    time: input.time,
    timezone: input.timezone,
    startsOn: input.startsOn ?? todayInChina(ctx.clock.now()),
    endsOn: input.endsOn ?? null,
  };
  checkRule(rule);
  const scopeKey = compoundId ?? 'community';
  const exists = () => conflict('series_exists', `This ${input.kind} meeting already has a series; change it instead`, { field: 'kind' });
  try {
    return await transaction(ctx.db, async (tx) => {
      const [taken] = await tx
        .select({ id: meetingSeries.id })
        .from(meetingSeries)
        .where(and(eq(meetingSeries.communityId, communityId), eq(meetingSeries.kind, input.kind), eq(meetingSeries.scopeKey, scopeKey)));
      if (taken) throw exists();
      const [series] = await tx.insert(meetingSeries).values({
        communityId,
        kind: input.kind,
        compoundId,
        scopeKey,
        title: input.title ?? MEETING_KINDS[input.kind].label.zh,
        weekday: rule.weekday,
        timeOfDay: rule.time,
        timezone: rule.timezone,
        location: input.location ?? null,
        startsOn: rule.startsOn,
        endsOn: rule.endsOn,
      }).returning();
      await auditMeeting(tx, ctx, 'meetings.series_created', { type: 'meeting_series', id: series.id, communityId }, {
        after: { ...seriesAudit(series), createdBy: actorLabel(ctx.actor) },
      });
      return series;
    });
  } catch (e) {
    // two organisers creating the series at once: the unique index decides
    if (isUniqueViolation(e)) throw exists();
    throw e;
  }
}

export const seriesAudit = (s: SeriesRow) => ({
  kind: s.kind, compoundId: s.compoundId, title: s.title, weekday: s.weekday, time: s.timeOfDay, timezone: s.timezone,
  location: s.location, startsOn: s.startsOn, endsOn: s.endsOn,
});
