import { and, asc, eq } from 'drizzle-orm';
import type { MeetingKind, Party, Position } from '../../../../contracts/meetings.ts';
import type { Db } from '../../../platform/db.ts';
import { DEFAULT_JOINT_QUORUM } from '../domain/meeting-kinds.ts';
import type { MinutesContent } from '../domain/minutes.ts';
import { evaluateQuorum, type PartyQuorumRule, type QuorumResult } from '../domain/quorum.ts';
import {
  meetingAddenda, meetingAgendaItems, meetingPositions, meetingRepresentatives, meetingSettings, meetingSignatures, meetings,
} from '../meetings.tables.ts';

// Queries of one meeting and its parts; they return plain rows.

export type MeetingRow = typeof meetings.$inferSelect;
export type ItemRow = typeof meetingAgendaItems.$inferSelect;
export type RepresentativeRow = typeof meetingRepresentatives.$inferSelect;
export type PositionRow = typeof meetingPositions.$inferSelect;
export type SignatureRow = typeof meetingSignatures.$inferSelect;
export type AddendumRow = typeof meetingAddenda.$inferSelect;

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

export interface MeetingParts {
  items: ItemRow[];
  representatives: RepresentativeRow[];
  positions: PositionRow[];
  signatures: SignatureRow[];
  addenda: AddendumRow[];
}

/**
 * Everything recorded for a meeting, in display order. The reads run in turn: signing and
 * addenda call this inside their transaction, whose one client takes one query at a time.
 */
export async function meetingParts(db: Db, m: { id: string; communityId: string }): Promise<MeetingParts> {
  const items = await db.select().from(meetingAgendaItems).where(and(eq(meetingAgendaItems.communityId, m.communityId), eq(meetingAgendaItems.meetingId, m.id))).orderBy(asc(meetingAgendaItems.position));
  const representatives = await db.select().from(meetingRepresentatives).where(and(eq(meetingRepresentatives.communityId, m.communityId), eq(meetingRepresentatives.meetingId, m.id))).orderBy(asc(meetingRepresentatives.createdAt), asc(meetingRepresentatives.id));
  const positions = await db.select().from(meetingPositions).where(and(eq(meetingPositions.communityId, m.communityId), eq(meetingPositions.meetingId, m.id))).orderBy(asc(meetingPositions.recordedAt), asc(meetingPositions.id));
  const signatures = await db.select().from(meetingSignatures).where(and(eq(meetingSignatures.communityId, m.communityId), eq(meetingSignatures.meetingId, m.id))).orderBy(asc(meetingSignatures.signedAt), asc(meetingSignatures.id));
  const addenda = await db.select().from(meetingAddenda).where(and(eq(meetingAddenda.communityId, m.communityId), eq(meetingAddenda.meetingId, m.id))).orderBy(asc(meetingAddenda.seq));
  return { items, representatives, positions, signatures, addenda };
}

/** The representative row linked to a user at a meeting, if any. */
export async function seatOf(db: Db, m: { id: string; communityId: string }, userId: string | null): Promise<RepresentativeRow | null> {
  if (!userId) return null;
  const [row] = await db
    .select()
    .from(meetingRepresentatives)
    .where(and(eq(meetingRepresentatives.communityId, m.communityId), eq(meetingRepresentatives.meetingId, m.id), eq(meetingRepresentatives.userId, userId)));
  return row ?? null;
}

/** The staff users linked to the meeting's representatives: user id → representative id. */
export async function linkedUsersOf(db: Db, m: { id: string; communityId: string }): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: meetingRepresentatives.id, userId: meetingRepresentatives.userId })
    .from(meetingRepresentatives)
    .where(and(eq(meetingRepresentatives.communityId, m.communityId), eq(meetingRepresentatives.meetingId, m.id)));
  return new Map(rows.flatMap((r) => (r.userId ? [[r.userId, r.id] as const] : [])));
}

/** The community's joint-meeting quorum rule, or the default (all four parties). */
export async function jointQuorumOf(db: Db, communityId: string): Promise<PartyQuorumRule & { isDefault: boolean }> {
  const [row] = await db.select().from(meetingSettings).where(eq(meetingSettings.communityId, communityId));
  if (!row) return { ...DEFAULT_JOINT_QUORUM, isDefault: true };
  return { minParties: row.jointMinParties, requiredParties: row.jointRequiredParties as Party[], isDefault: false };
}

/** The record the signatures are given to: minutes text, attendance, and each item. */
export function minutesContent(meeting: MeetingRow, parts: MeetingParts): MinutesContent {
  return {
    meetingId: meeting.id,
    minutesText: meeting.minutesText,
    attendance: parts.representatives.map((r) => ({ representativeId: r.id, present: r.present })),
    items: parts.items.map((i) => ({
      id: i.id,
      order: i.position,
      matterId: i.matterId,
      title: i.title,
      notes: i.notes,
      conclusion: i.conclusion,
      direction: i.direction,
      positions: parts.positions.filter((p) => p.itemId === i.id).map((p) => ({ voter: p.voterKey, position: p.position as Position, reason: p.reason })),
    })),
  };
}

/** The quorum by the kind's rule, from the representatives present. */
export function quorumOf(meeting: MeetingRow, representatives: RepresentativeRow[], jointRule: PartyQuorumRule): QuorumResult {
  const present = representatives.filter((r) => r.voting && r.present === true);
  const presentByParty: Partial<Record<Party, number>> = {};
  for (const r of present) presentByParty[r.party] = (presentByParty[r.party] ?? 0) + 1;
  return evaluateQuorum(meeting.kind as MeetingKind, {
    presentByParty,
    members: { total: meeting.committeeSize ?? 0, present: present.length },
  }, jointRule);
}
