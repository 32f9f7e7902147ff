import type { Db } from '../../../platform/db.ts';
import { factsNeeded, type MoveFacts } from '../domain/moves.ts';
import type { MoveSpec } from '../domain/steps.ts';
import { jointMeetingRecordForMatter, noticeStatus } from '../consultation.neighbours.ts';
import { resolutionOf } from '../repo/implementation.ts';
import type { MatterRow } from '../repo/matters.ts';

// What a move's requirements need to know, looked up inside the move's transaction: the joint
// meeting's record (meetings), the resolution, the step's notice (notices) and the acceptance.

export async function gatherFacts(tx: Db, row: MatterRow, move: MoveSpec, now: Date): Promise<MoveFacts> {
  const need = factsNeeded(move);
  const facts: MoveFacts = {};
  if (need.jointMeeting) {
    const found = await jointMeetingRecordForMatter(tx, row.communityId, row.id);
    // only a meeting of this stay in deliberation counts: after the street office refers a
    // matter back, the four parties deliberate again
    const record = found && new Date(found.heldAt).getTime() >= row.stepEnteredAt.getTime() ? found : null;
    facts.jointMeeting = record && {
      meetingId: record.meetingId,
      heldAt: String(record.heldAt),
      allFourPartiesPresent: record.allFourPartiesPresent,
      minutesLocked: record.minutesLocked,
      conclusion: record.conclusion,
    };
  }
  if (need.resolution) facts.resolutionRecorded = (await resolutionOf(tx, row)) !== null;
  if (need.notice) {
    const noticeId = row.step === 'publish_results' ? row.resultsNoticeId : row.resolutionNoticeId;
    const status = noticeId ? await noticeStatus(tx, noticeId, now) : null;
    facts.notice = status && {
      id: status.id,
      postingEnded: status.postingEnded,
      postingEndsAt: String(status.postingEndsAt),
      openObjections: status.openObjections,
      overdueObjections: status.overdueObjections,
    };
  }
  if (need.acceptance) facts.accepted = row.acceptedAt !== null;
  return facts;
}
