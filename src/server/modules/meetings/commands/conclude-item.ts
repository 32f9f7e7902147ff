import { and, eq } from 'drizzle-orm';
import { concludeBody, type MeetingKind, type Position } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import { concludeItem as conclude } from '../domain/conclusion.ts';
import { MEETING_KINDS } from '../domain/meeting-kinds.ts';
import { voterKeyOf } from '../domain/minutes.ts';
import { meetingAgendaItems, meetingPositions, meetingRepresentatives } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { jointQuorumOf, quorumOf, type MeetingRow, type RepresentativeRow } from '../repo/meetings.ts';
import { itemOf } from './record-position.ts';
import { auditMeeting, conflict, lockMeeting, parseInput, refuseIfLocked, requireHeld, type MeetingsContext } from './support.ts';

/**
 * Everyone whose position counts: the kind's voting parties, present or not; or, at an owners'
 * committee meeting, every member of the committee (the invited ones by representative id, the
 * rest as absent placeholders), since decisions need more than half of ALL members.
 */
export function votersOf(meeting: MeetingRow, reps: RepresentativeRow[]): string[] {
  const kind = meeting.kind as MeetingKind;
  if (MEETING_KINDS[kind].votesBy === 'party') return [...MEETING_KINDS[kind].votingParties];
  const members = reps.filter((r) => r.voting).map((r) => r.id);
  const missing = Math.max(0, (meeting.committeeSize ?? 0) - members.length);
  return [...members, ...Array.from({ length: missing }, (_, n) => `member-not-invited-${n + 1}`)];
}

/**
 * Concludes an agenda item from the positions taken, by the kind's rule: consensus, majority
 * with the dissent recorded, or no consensus (the matter escalates). Needs the quorum, and a
 * position from every voter present. Concluding again (after positions changed) recomputes. The
 * caller has checked canOrganise.
 */
export async function concludeAgendaItem(ctx: MeetingsContext, ref: MeetingRef, itemId: string, raw: { note?: string }) {
  const input = parseInput(concludeBody, raw);
  const jointRule = await jointQuorumOf(ctx.db, ref.communityId);
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    requireHeld(meeting, 'conclude an item');
    const item = await itemOf(tx, meeting, itemId);
    const reps = await tx.select().from(meetingRepresentatives)
      .where(and(eq(meetingRepresentatives.communityId, ref.communityId), eq(meetingRepresentatives.meetingId, ref.id)));
    const quorum = quorumOf(meeting, reps, jointRule);
    if (!quorum.met) throw conflict('quorum_not_met', `No quorum: ${quorum.explanation}`, { quorum });

    const positions = await tx.select().from(meetingPositions)
      .where(and(eq(meetingPositions.communityId, ref.communityId), eq(meetingPositions.itemId, item.id)));
    const kind = meeting.kind as MeetingKind;
    const voters = votersOf(meeting, reps);
    const present = new Set(reps.filter((r) => r.voting && r.present === true).map((r) => voterKeyOf(kind, r)));
    const presentVoters = voters.filter((v) => present.has(v));
    const missing = presentVoters.filter((v) => !positions.some((p) => p.voterKey === v));
    if (missing.length) {
      const names = missing.map((v) => reps.find((r) => r.id === v)?.name ?? v);
      throw conflict('positions_missing', `Waiting for the positions of: ${names.join(', ')}`, { voters: missing });
    }
    const result = conclude(voters, positions.map((p) => ({ voter: p.voterKey, position: p.position as Position, reason: p.reason })));
    const now = ctx.clock.now();
    await tx.update(meetingAgendaItems)
      .set({
        conclusion: result.conclusion,
        direction: result.direction,
        conclusionNote: input.note ?? null,
        conclusionDetail: { tally: result.tally, dissent: result.dissent },
        concludedAt: now,
      })
      .where(and(eq(meetingAgendaItems.communityId, ref.communityId), eq(meetingAgendaItems.id, item.id)));
    await auditMeeting(tx, ctx, 'meetings.item_concluded', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      before: { itemId: item.id, conclusion: item.conclusion, direction: item.direction },
      after: { itemId: item.id, matterId: item.matterId, ...result, note: input.note ?? null, quorum: { present: quorum.present, needed: quorum.needed, of: quorum.of } },
    });
    return result;
  });
}
