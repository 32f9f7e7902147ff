import type { MeetingKind, MeetingsErrorReason, Party } from '../../../contracts/meetings.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { canReadMeeting, canSeeCalendar, type MeetingRef, type Seat } from './meetings.policy.ts';
import { findMeeting, seatOf, type MeetingRow, type RepresentativeRow } from './repo/meetings.ts';
import { communityName } from './repo/places.ts';
import { findSeries, type SeriesRow } from './repo/series.ts';

// Route glue: find a meeting (or series, or community calendar) and apply the read policy in one
// step. What the actor may not read answers 404, the same as what does not exist.

export const refOf = (m: MeetingRow): MeetingRef => ({ id: m.id, communityId: m.communityId, kind: m.kind as MeetingKind, compoundId: m.compoundId });

export const seatFrom = (rep: RepresentativeRow | null): Seat | null =>
  rep ? { representativeId: rep.id, party: rep.party as Party, voting: rep.voting, present: rep.present } : null;

export interface ReadableMeeting {
  meeting: MeetingRow;
  ref: MeetingRef;
  /** the actor's representative row, if their account is linked to one */
  seat: RepresentativeRow | null;
}

export async function readableMeeting(db: Db, actor: Actor, id: string): Promise<ReadableMeeting> {
  const meeting = await findMeeting(db, id);
  if (!meeting) throw notFound('Meeting');
  const seat = actor.kind === 'staff' ? await seatOf(db, meeting, actor.userId) : null;
  const ref = refOf(meeting);
  if (!canReadMeeting(actor, ref, seat !== null)) throw notFound('Meeting');
  return { meeting, ref, seat };
}

export async function readableSeries(db: Db, actor: Actor, id: string): Promise<SeriesRow> {
  const series = await findSeries(db, id);
  if (!series || !canReadMeeting(actor, { communityId: series.communityId, kind: series.kind as MeetingKind, compoundId: series.compoundId })) {
    throw notFound('Meeting series');
  }
  return series;
}

/** A community whose meeting calendar the actor sees; 404 otherwise (and for one that does not exist). */
export async function calendarCommunity(db: Db, actor: Actor, id: string): Promise<{ id: string; name: string }> {
  if (!canSeeCalendar(actor, id)) throw notFound('Community');
  const name = await communityName(db, id);
  if (name === null) throw notFound('Community');
  return { id, name };
}

/** For an action on a meeting the actor can see but may not take: 403, naming the action. */
export function forbidUnless(allowed: boolean, action: string, reason: MeetingsErrorReason = 'not_organiser'): void {
  if (!allowed) throw new AppError('forbidden', `You may not ${action}`, { reason });
}
