import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { calendarEntry, MeetingKind } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Db } from '../../../platform/db.ts';
import { occurrencesBetween } from '../domain/recurrence.ts';
import { meetingAgendaItems, meetingRepresentatives, meetingSeries, meetings } from '../meetings.tables.ts';
import { canOrganise, canReadMeeting } from '../meetings.policy.ts';
import { compoundNames } from './places.ts';

type Entry = z.infer<typeof calendarEntry>;

/**
 * A community's meetings in [from, to): the stored ones (ad-hoc and scheduled occurrences), and
 * the occurrences the series compute for the window that are not stored yet ("planned", id null).
 * Filtered by the same read policy as a single meeting.
 */
export async function calendarOf(db: Db, actor: Actor, communityId: string, from: Date, to: Date, kind?: MeetingKind): Promise<Entry[]> {
  const [stored, series] = await Promise.all([
    db.select().from(meetings)
      .where(and(eq(meetings.communityId, communityId), gte(meetings.scheduledAt, from), lt(meetings.scheduledAt, to), kind ? eq(meetings.kind, kind) : undefined))
      .orderBy(asc(meetings.scheduledAt)),
    db.select().from(meetingSeries).where(and(eq(meetingSeries.communityId, communityId), kind ? eq(meetingSeries.kind, kind) : undefined)),
  ]);
  const ids = stored.map((m) => m.id);
  const [itemCounts, seats] = ids.length
    ? await Promise.all([
      db.select({ meetingId: meetingAgendaItems.meetingId, n: count() }).from(meetingAgendaItems)
        .where(and(eq(meetingAgendaItems.communityId, communityId), inArray(meetingAgendaItems.meetingId, ids)))
        .groupBy(meetingAgendaItems.meetingId),
      actor.kind === 'staff'
        ? db.select({ meetingId: meetingRepresentatives.meetingId }).from(meetingRepresentatives)
          .where(and(eq(meetingRepresentatives.communityId, communityId), inArray(meetingRepresentatives.meetingId, ids), eq(meetingRepresentatives.userId, actor.userId)))
        : Promise.resolve([]),
    ])
    : [[], []];
  const itemsOf = new Map(itemCounts.map((c) => [c.meetingId, Number(c.n)]));
  const seated = new Set(seats.map((s) => s.meetingId));
  const names = await compoundNames(db, [...stored.map((m) => m.compoundId), ...series.map((s) => s.compoundId)]);
  const compound = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);

  const entries: Entry[] = [];
  const taken = new Set<string>();
  for (const m of stored) {
    const ref = { communityId, kind: m.kind as MeetingKind, compoundId: m.compoundId };
    if (m.seriesId) taken.add(`${m.seriesId}@${m.scheduledAt.getTime()}`);
    if (!canReadMeeting(actor, ref, seated.has(m.id))) continue;
    entries.push({
      id: m.id,
      seriesId: m.seriesId,
      kind: ref.kind,
      compound: compound(m.compoundId),
      title: m.title,
      scheduledAt: m.scheduledAt.toISOString(),
      location: m.location,
      status: m.minutesLockedAt ? 'locked' : m.heldAt ? 'held' : 'scheduled',
      heldAt: m.heldAt ? m.heldAt.toISOString() : null,
      agendaItems: itemsOf.get(m.id) ?? 0,
      abilities: { schedule: false, organise: canOrganise(actor, ref) },
    });
  }
  for (const s of series) {
    const ref = { communityId, kind: s.kind as MeetingKind, compoundId: s.compoundId };
    if (!canReadMeeting(actor, ref)) continue;
    const rule = { weekday: s.weekday, time: s.timeOfDay, timezone: s.timezone, startsOn: s.startsOn, endsOn: s.endsOn };
    const organise = canOrganise(actor, ref);
    for (const at of occurrencesBetween(rule, from, to)) {
      if (taken.has(`${s.id}@${at.getTime()}`)) continue;
      entries.push({
        id: null,
        seriesId: s.id,
        kind: ref.kind,
        compound: compound(s.compoundId),
        title: s.title,
        scheduledAt: at.toISOString(),
        location: s.location,
        status: 'planned',
        heldAt: null,
        agendaItems: 0,
        abilities: { schedule: organise, organise },
      });
    }
  }
  return entries.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.kind.localeCompare(b.kind));
}
