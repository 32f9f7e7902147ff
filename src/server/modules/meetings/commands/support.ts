import { and, eq } from 'drizzle-orm';
import type { AuditKind } from '../../../../contracts/audit.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { MeetingsErrorReason } from '../../../../contracts/meetings.ts';
import type { Clock } from '../../../platform/clock.ts';
import { auditOrigin, type CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound, conflictWith, forbiddenWith, invalidInput, parseInput, type ReasonedError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { meetings } from '../meetings.tables.ts';
import type { MeetingRow } from '../repo/meetings.ts';

/** What every meetings command receives: the platform's context and the clock the app runs on. */
export interface MeetingsContext extends CommandContext {
  clock: Clock;
}

/**
 * Locks the meeting row for the rest of the transaction. Every command on a meeting takes it, so
 * two parties signing at once run one after the other and the second sees the first's signature
 * when deciding whether the minutes lock.
 */
export async function lockMeeting(tx: Db, meeting: { id: string; communityId: string }): Promise<MeetingRow> {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.communityId, meeting.communityId), eq(meetings.id, meeting.id)))
    .for('update');
  if (!row) throw notFound('Meeting');
  return row;
}

/** Refuses any change to the record once the minutes are locked: corrections are addenda. */
export function refuseIfLocked(meeting: MeetingRow): void {
  if (meeting.minutesLockedAt) {
    throw conflict('minutes_locked', 'The minutes are signed and locked; add an addendum instead', { lockedAt: meeting.minutesLockedAt.toISOString() });
  }
}

export function requireHeld(meeting: MeetingRow, action: string): void {
  if (!meeting.heldAt) throw conflict('not_held', `Record attendance before you ${action}`);
}

export const conflict: ReasonedError<MeetingsErrorReason> = conflictWith;
export const forbidden: ReasonedError<MeetingsErrorReason> = forbiddenWith;
export const invalid: (issues: FieldIssue[], reason?: MeetingsErrorReason) => AppError = invalidInput;
export { parseInput };
/** The one audit event of a meeting command. */
export function auditMeeting(
  tx: Db,
  ctx: CommandContext,
  kind: AuditKind,
  object: { type: 'meeting' | 'meeting_series' | 'meeting_settings'; id: string; communityId: string },
  change: { before?: unknown; after?: unknown },
) {
  return appendAudit(tx, { kind, communityId: object.communityId, ...auditOrigin(ctx), objectType: object.type, objectId: object.id, ...change });
}

/** Postgres unique violation, on both drivers. */
export const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};
