import { and, desc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { Conclusion, Party, Position } from '../../../contracts/meetings.ts';
import type { Db } from '../../platform/db.ts';
import { FOUR_PARTIES } from './domain/meeting-kinds.ts';
import { meetingAgendaItems, meetingPositions, meetingRepresentatives, meetings } from './meetings.tables.ts';

// What the consultation module (above this one) reads about the joint meetings: the record of a
// matter's deliberation, and when each community last met. Plain reads; no policy (the caller
// has applied its own to the matter or the communities). The caller may pass its transaction,
// which is one PostgreSQL client: queries run in turn, never with Promise.all.

export interface JointMeetingRecord {
  meetingId: string;
  heldAt: string;
  allFourPartiesPresent: boolean;
  minutesLocked: boolean;
  conclusion: Conclusion | null;
  /** the side that carried (consensus or majority); null without a conclusion or with no consensus */
  direction: 'support' | 'object' | null;
  positions: { party: string; position: Position; reason: string }[];
}

/**
 * The latest HELD joint meeting whose agenda lists the matter, with the four parties' attendance,
 * the item's conclusion and each party's position; null when no held joint meeting discussed it
 * (a meeting that is only scheduled has no record yet). A conclusion of 'no_consensus' means the
 * matter escalates.
 */
export async function jointMeetingRecordForMatter(db: Db, communityId: string, matterId: string): Promise<JointMeetingRecord | null> {
  const [hit] = await db
    .select({ meeting: meetings, itemId: meetingAgendaItems.id, conclusion: meetingAgendaItems.conclusion, direction: meetingAgendaItems.direction })
    .from(meetingAgendaItems)
    .innerJoin(meetings, and(eq(meetings.communityId, meetingAgendaItems.communityId), eq(meetings.id, meetingAgendaItems.meetingId)))
    .where(and(
      eq(meetingAgendaItems.communityId, communityId),
      eq(meetingAgendaItems.matterId, matterId),
      eq(meetings.kind, 'joint'),
      isNotNull(meetings.heldAt),
    ))
    .orderBy(desc(meetings.heldAt), desc(meetings.scheduledAt))
    .limit(1);
  if (!hit) return null;
  const present = await db.selectDistinct({ party: meetingRepresentatives.party }).from(meetingRepresentatives)
    .where(and(
      eq(meetingRepresentatives.communityId, communityId),
      eq(meetingRepresentatives.meetingId, hit.meeting.id),
      eq(meetingRepresentatives.voting, true),
      eq(meetingRepresentatives.present, true),
    ));
  const positions = await db.select({ party: meetingPositions.party, position: meetingPositions.position, reason: meetingPositions.reason }).from(meetingPositions)
    .where(and(eq(meetingPositions.communityId, communityId), eq(meetingPositions.itemId, hit.itemId)));
  const presentParties = new Set(present.map((p) => p.party as Party));
  const order = (p: string) => FOUR_PARTIES.indexOf(p as (typeof FOUR_PARTIES)[number]);
  return {
    meetingId: hit.meeting.id,
    heldAt: hit.meeting.heldAt!.toISOString(),
    allFourPartiesPresent: FOUR_PARTIES.every((p) => presentParties.has(p)),
    minutesLocked: hit.meeting.minutesLockedAt !== null,
    conclusion: hit.conclusion,
    direction: (hit.direction as 'support' | 'object' | null) ?? null,
    positions: positions.map((p) => ({ party: p.party, position: p.position as Position, reason: p.reason })).sort((a, b) => order(a.party) - order(b.party)),
  };
}

/**
 * When each community last HELD a joint meeting (ISO 8601 time), for the street and district view
 * "communities without a joint meeting in the last 4 weeks". Communities that never held one are
 * absent from the map.
 */
export async function lastJointMeetingByCommunity(db: Db, communityIds: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (!communityIds.length) return result;
  const rows = await db
    .select({ communityId: meetings.communityId, last: max(meetings.heldAt) })
    .from(meetings)
    .where(and(inArray(meetings.communityId, [...new Set(communityIds)]), eq(meetings.kind, 'joint'), isNotNull(meetings.heldAt)))
    .groupBy(meetings.communityId);
  for (const r of rows) if (r.last) result.set(r.communityId, toIso(r.last));
  return result;
}

/** max() over a timestamptz comes back as a Date or a string depending on the driver. */
const toIso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

